//! The inspector module's answer, read back: it speaks in lines of tab-separated fields
//! (`inspector::Summary::to_lines`), which this turns into what the widget shows. Plain Rust,
//! so the native tests check it against the inspector's own summary. (The browser bundle does
//! not link the inspector crate, which carries the parser, hence these types of its own.)

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inspection {
    pub size: u64,
    pub functions: u64,
    /// Totals; the lists below hold the first ones only.
    pub section_count: u64,
    pub import_count: u64,
    pub import_module_count: u64,
    pub export_count: u64,
    /// (name, first byte, first byte of the contents, end)
    pub sections: Vec<(String, u64, u64, u64)>,
    pub import_groups: Vec<ImportGroup>,
    /// (name, kind)
    pub exports: Vec<(String, String)>,
    pub memories: Vec<Memory>,
}

/// The imports from one module: the capabilities the file asks that module for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportGroup {
    pub module: String,
    pub count: u64,
    /// (name, kind), the first ones.
    pub names: Vec<(String, String)>,
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

/// Why a file was not read as a module; the widget words each in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    TooLarge,
    NotWasm,
    /// The version field as the file has it, in hex.
    Version(String),
    /// The byte where the parser stopped, and its own message.
    Malformed {
        offset: u64,
        message: String,
    },
    /// The file could not be read, or the inspector failed: the browser's message.
    Unreadable(String),
}

pub fn parse(lines: &str) -> Result<Inspection, Problem> {
    let mut inspection = Inspection::default();
    for line in lines.lines() {
        let mut fields = line.split('\t');
        let kind = fields.next().unwrap_or_default();
        let mut text = || fields.next().unwrap_or_default().to_owned();
        let number = |field: String| field.parse::<u64>().unwrap_or(0);
        match kind {
            "size" => inspection.size = number(text()),
            "functions" => inspection.functions = number(text()),
            "sections" => inspection.section_count = number(text()),
            "imports" => inspection.import_count = number(text()),
            "import-modules" => inspection.import_module_count = number(text()),
            "exports" => inspection.export_count = number(text()),
            "section" => {
                let name = text();
                let (start, contents, end) = (number(text()), number(text()), number(text()));
                inspection.sections.push((name, start, contents, end));
            }
            "import-module" => inspection.import_groups.push(ImportGroup {
                module: text(),
                count: number(text()),
                names: Vec::new(),
            }),
            "import" => {
                let name = (text(), text());
                if let Some(group) = inspection.import_groups.last_mut() {
                    group.names.push(name);
                }
            }
            "export" => inspection.exports.push((text(), text())),
            "memory" => {
                let initial = number(text());
                let maximum = text().parse().ok();
                let mut flag = || text() == "1";
                inspection.memories.push(Memory {
                    initial,
                    maximum,
                    imported: flag(),
                    shared: flag(),
                    memory64: flag(),
                });
            }
            "problem" => {
                return Err(match text().as_str() {
                    "empty" => Problem::Empty,
                    "too-large" => Problem::TooLarge,
                    "not-wasm" => Problem::NotWasm,
                    "version" => Problem::Version(text()),
                    _ => Problem::Malformed {
                        offset: number(text()),
                        message: text(),
                    },
                })
            }
            _ => {}
        }
    }
    Ok(inspection)
}
