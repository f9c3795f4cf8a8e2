//! Reads a WebAssembly module's table of contents without running any of it: its sections and
//! where they lie, what it imports (everything it can do beyond arithmetic), what it exports,
//! and how much memory it asks for. A plain function, so it is tested natively; compiled to
//! `inspector.wasm`, it is what the page's inspector runs on the reader's file.

use std::fmt::Write;
use std::ops::Range;
use wasmparser::{ExternalKind, Parser, Payload, TypeRef};

/// Files above this size are refused before they are read.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub size: usize,
    pub sections: Vec<Section>,
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    pub memories: Vec<Memory>,
    /// Functions the module defines (its imports not counted).
    pub functions: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// `type`, `import`, … as the specification names them; `custom:<name>` for custom sections.
    pub name: String,
    /// From the section's id byte to its end: the header (id and size) and then the contents.
    pub bytes: Range<usize>,
    /// Where the contents begin, after the id and the size.
    pub contents_start: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub kind: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    pub name: String,
    pub kind: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Memory {
    /// In pages of 64 KiB.
    pub initial: u64,
    pub maximum: Option<u64>,
    pub imported: bool,
    pub shared: bool,
    pub memory64: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    TooLarge,
    /// The first four bytes are not `\0asm`.
    NotWasm,
    /// The four bytes after them are not version 1 of a core module (a component has
    /// `0x1000d`, for instance): the number as the file has it.
    Version(u32),
    /// The parser's own words and the byte where it stopped.
    Malformed {
        message: String,
        offset: usize,
    },
}

/// The summary of a module, or what is wrong with the bytes. Never panics, never executes.
pub fn inspect(bytes: &[u8]) -> Result<Summary, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(Problem::TooLarge);
    }
    if !bytes.starts_with(b"\0asm") {
        return Err(Problem::NotWasm);
    }
    // The parser reads any version number; only version 1 modules exist.
    if let Some(version) = bytes.get(4..8) {
        let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if version != 1 {
            return Err(Problem::Version(version));
        }
    }
    let mut summary = Summary {
        size: bytes.len(),
        ..Summary::default()
    };
    // Sections follow each other without gaps, so each starts where the one before ended.
    let mut next_start = 8;
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| Problem::Malformed {
            message: e.message().to_owned(),
            offset: e.offset(),
        })?;
        if let Some((id, contents)) = payload.as_section() {
            summary.sections.push(Section {
                name: section_name(id, &payload),
                bytes: next_start..contents.end,
                contents_start: contents.start,
            });
            next_start = contents.end;
        }
        read_payload(&mut summary, payload).map_err(|e| Problem::Malformed {
            message: e.message().to_owned(),
            offset: e.offset(),
        })?;
    }
    Ok(summary)
}

fn read_payload(summary: &mut Summary, payload: Payload) -> wasmparser::Result<()> {
    match payload {
        Payload::ImportSection(reader) => {
            for import in reader {
                let import = import?;
                if let TypeRef::Memory(memory) = import.ty {
                    summary.memories.push(memory_of(memory, true));
                }
                summary.imports.push(Import {
                    module: printable(import.module),
                    name: printable(import.name),
                    kind: match import.ty {
                        TypeRef::Func(_) => "func",
                        TypeRef::Table(_) => "table",
                        TypeRef::Memory(_) => "memory",
                        TypeRef::Global(_) => "global",
                        TypeRef::Tag(_) => "tag",
                    },
                });
            }
        }
        Payload::FunctionSection(reader) => summary.functions = reader.count(),
        Payload::MemorySection(reader) => {
            for memory in reader {
                summary.memories.push(memory_of(memory?, false));
            }
        }
        Payload::ExportSection(reader) => {
            for export in reader {
                let export = export?;
                summary.exports.push(Export {
                    name: printable(export.name),
                    kind: match export.kind {
                        ExternalKind::Func => "func",
                        ExternalKind::Table => "table",
                        ExternalKind::Memory => "memory",
                        ExternalKind::Global => "global",
                        ExternalKind::Tag => "tag",
                    },
                });
            }
        }
        _ => {}
    }
    Ok(())
}

fn memory_of(memory: wasmparser::MemoryType, imported: bool) -> Memory {
    Memory {
        initial: memory.initial,
        maximum: memory.maximum,
        imported,
        shared: memory.shared,
        memory64: memory.memory64,
    }
}

fn section_name(id: u8, payload: &Payload) -> String {
    let known = match id {
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        12 => "datacount",
        13 => "tag",
        _ => "",
    };
    match payload {
        Payload::CustomSection(custom) => format!("custom:{}", printable(custom.name())),
        _ if known.is_empty() => format!("unknown:{id}"),
        _ => known.to_owned(),
    }
}

/// Names are the module author's bytes: control characters (a tab, a newline) are shown
/// escaped, so a name can neither break the summary's lines nor the reader's view.
fn printable(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// How much of a long list the page is sent: a file of 8 MiB can hold a million imports or
/// sections, and the page shows the first ones and says how many there are in all.
pub const LISTED: usize = 200;
/// Names listed for each module imports come from.
pub const LISTED_PER_MODULE: usize = 40;

impl Summary {
    /// The summary as lines of tab-separated fields, the form the page reads back: the totals,
    /// then the first `LISTED` of each list. Imports come grouped by the module they are
    /// imported from (in order of first appearance), each group with its own total.
    pub fn to_lines(&self) -> String {
        let mut out = format!(
            "size\t{}\nfunctions\t{}\nsections\t{}\nimports\t{}\nexports\t{}\n",
            self.size,
            self.functions,
            self.sections.len(),
            self.imports.len(),
            self.exports.len()
        );
        for s in self.sections.iter().take(LISTED) {
            let _ = writeln!(
                out,
                "section\t{}\t{}\t{}\t{}",
                s.name, s.bytes.start, s.contents_start, s.bytes.end
            );
        }
        let mut groups: Vec<(&str, Vec<&Import>)> = Vec::new();
        let mut group_of = std::collections::HashMap::new();
        for import in &self.imports {
            let at = *group_of.entry(import.module.as_str()).or_insert_with(|| {
                groups.push((import.module.as_str(), Vec::new()));
                groups.len() - 1
            });
            groups[at].1.push(import);
        }
        let _ = writeln!(out, "import-modules\t{}", groups.len());
        for (module, imports) in groups.iter().take(LISTED) {
            let _ = writeln!(out, "import-module\t{module}\t{}", imports.len());
            for import in imports.iter().take(LISTED_PER_MODULE) {
                let _ = writeln!(out, "import\t{}\t{}", import.name, import.kind);
            }
        }
        for e in self.exports.iter().take(LISTED) {
            let _ = writeln!(out, "export\t{}\t{}", e.name, e.kind);
        }
        for m in self.memories.iter().take(LISTED) {
            let maximum = m.maximum.map_or("-".to_owned(), |max| max.to_string());
            let _ = writeln!(
                out,
                "memory\t{}\t{maximum}\t{}\t{}\t{}",
                m.initial, m.imported as u8, m.shared as u8, m.memory64 as u8
            );
        }
        out
    }
}

impl Problem {
    /// The problem as one line: `problem`, a kind the page words in the reader's language,
    /// and for a malformed module the byte offset and the parser's message.
    pub fn to_line(&self) -> String {
        match self {
            Problem::Empty => "problem\tempty\n".into(),
            Problem::TooLarge => "problem\ttoo-large\n".into(),
            Problem::NotWasm => "problem\tnot-wasm\n".into(),
            Problem::Version(version) => format!("problem\tversion\t{version:#x}\n"),
            Problem::Malformed { message, offset } => {
                format!("problem\tmalformed\t{offset}\t{}\n", printable(message))
            }
        }
    }
}

/// The page's side: it asks for a buffer, writes the file there, calls `inspect` and reads
/// `output_len` bytes of text at `output`. Each file gets a fresh instance, so nothing is freed.
#[cfg(target_arch = "wasm32")]
mod page {
    static mut INPUT: Vec<u8> = Vec::new();
    static mut OUTPUT: String = String::new();

    #[no_mangle]
    pub extern "C" fn input(len: usize) -> *mut u8 {
        let input = unsafe { &mut *core::ptr::addr_of_mut!(INPUT) };
        *input = vec![0; len];
        input.as_mut_ptr()
    }

    #[no_mangle]
    pub extern "C" fn inspect() -> usize {
        let input = unsafe { &*core::ptr::addr_of!(INPUT) };
        let output = unsafe { &mut *core::ptr::addr_of_mut!(OUTPUT) };
        *output = match super::inspect(input) {
            Ok(summary) => summary.to_lines(),
            Err(problem) => problem.to_line(),
        };
        output.len()
    }

    #[no_mangle]
    pub extern "C" fn output() -> *const u8 {
        unsafe { (*core::ptr::addr_of!(OUTPUT)).as_ptr() }
    }
}
