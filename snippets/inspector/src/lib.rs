//! Reads a WebAssembly module's table of contents without running any of it: its sections and
//! where they lie, what it imports (everything it can do beyond arithmetic), what it exports,
//! and how much memory it asks for. A plain function, so it is tested natively; compiled to
//! `inspector.wasm`, it is what the page's inspector runs on the reader's file.

use inspection::{Lines, Totals};
use std::ops::Range;
use wasmparser::{ExternalKind, Parser, Payload, TypeRef};

// What the page is told, and in what lines, is the protocol crate's.
pub use inspection::{printable, Memory, Problem, LISTED, LISTED_PER_MODULE, MAX_BYTES};

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
            offset: e.offset() as u64,
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
            offset: e.offset() as u64,
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

impl Summary {
    /// The summary as the page is sent it (`inspection::parse` reads it back): the totals,
    /// then the first `LISTED` of each list. Imports come grouped by the module they are
    /// imported from (in order of first appearance), each group with its own total.
    pub fn to_lines(&self) -> String {
        // A file can import from a million modules: each is found by name, not by a search.
        let mut groups: Vec<(&str, Vec<&Import>)> = Vec::new();
        let mut group_of = std::collections::HashMap::new();
        for import in &self.imports {
            let at = *group_of.entry(import.module.as_str()).or_insert_with(|| {
                groups.push((import.module.as_str(), Vec::new()));
                groups.len() - 1
            });
            groups[at].1.push(import);
        }
        let mut lines = Lines::default();
        lines.totals(&Totals {
            size: self.size as u64,
            functions: u64::from(self.functions),
            sections: self.sections.len() as u64,
            imports: self.imports.len() as u64,
            import_modules: groups.len() as u64,
            exports: self.exports.len() as u64,
        });
        for s in self.sections.iter().take(LISTED) {
            let (start, end) = (s.bytes.start as u64, s.bytes.end as u64);
            lines.section(&s.name, start, s.contents_start as u64, end);
        }
        for (module, imports) in groups.iter().take(LISTED) {
            lines.import_module(module, imports.len() as u64);
            for import in imports.iter().take(LISTED_PER_MODULE) {
                lines.import(&import.name, import.kind);
            }
        }
        for e in self.exports.iter().take(LISTED) {
            lines.export(&e.name, e.kind);
        }
        for m in self.memories.iter().take(LISTED) {
            lines.memory(m);
        }
        lines.finish()
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
