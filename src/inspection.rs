//! The inspector module's answer, read back: it speaks in lines of tab-separated fields
//! (`inspector::Summary::to_lines`), which this turns into what the widget shows. Plain Rust,
//! so the native tests check it against the inspector's own summary.

#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
    pub size: u64,
    pub functions: u64,
    /// (name, first byte, first byte of the contents, end)
    pub sections: Vec<(String, u64, u64, u64)>,
    /// (module, name, kind)
    pub imports: Vec<(String, String, String)>,
    /// (name, kind)
    pub exports: Vec<(String, String)>,
    pub memories: Vec<Memory>,
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
    let mut inspection = Inspection {
        size: 0,
        functions: 0,
        sections: Vec::new(),
        imports: Vec::new(),
        exports: Vec::new(),
        memories: Vec::new(),
    };
    let number = |field: Option<&str>| field.and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    let text = |field: Option<&str>| field.unwrap_or_default().to_owned();
    for line in lines.lines() {
        let mut fields = line.split('\t');
        match fields.next() {
            Some("size") => inspection.size = number(fields.next()),
            Some("functions") => inspection.functions = number(fields.next()),
            Some("section") => {
                let name = text(fields.next());
                let (start, contents, end) = (
                    number(fields.next()),
                    number(fields.next()),
                    number(fields.next()),
                );
                inspection.sections.push((name, start, contents, end));
            }
            Some("import") => inspection.imports.push((
                text(fields.next()),
                text(fields.next()),
                text(fields.next()),
            )),
            Some("export") => inspection
                .exports
                .push((text(fields.next()), text(fields.next()))),
            Some("memory") => {
                let initial = number(fields.next());
                let maximum = fields.next().and_then(|f| f.parse().ok());
                let mut flag = || fields.next() == Some("1");
                inspection.memories.push(Memory {
                    initial,
                    maximum,
                    imported: flag(),
                    shared: flag(),
                    memory64: flag(),
                });
            }
            Some("problem") => {
                return Err(match fields.next() {
                    Some("empty") => Problem::Empty,
                    Some("too-large") => Problem::TooLarge,
                    Some("not-wasm") => Problem::NotWasm,
                    Some("version") => Problem::Version(text(fields.next())),
                    _ => Problem::Malformed {
                        offset: number(fields.next()),
                        message: text(fields.next()),
                    },
                })
            }
            _ => {}
        }
    }
    Ok(inspection)
}
