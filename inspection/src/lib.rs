//! The inspector's answer about one file, as the page shows it, and the line protocol that
//! carries it from `inspector.wasm` (in a worker) to the page: one line per fact, fields
//! separated by tabs. Written by the inspector (`Inspection::to_lines`, `Problem::to_line`),
//! read by the page (`parse`); the two meet only here.

use std::fmt::Write;

/// Files above this size are refused before they are read.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// How much of a long list the page is sent: a file of 8 MiB can hold a million imports or
/// sections, and the page shows the first ones and says how many there are in all.
pub const LISTED: usize = 200;
/// Names listed for each module imports come from.
pub const LISTED_PER_MODULE: usize = 40;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inspection {
    pub size: u64,
    /// Functions the module defines (its imports not counted).
    pub functions: u64,
    /// Totals; the lists below hold the first `LISTED` only.
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
    /// (name, kind), the first `LISTED_PER_MODULE`.
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

/// Why a file was not read as a module; the page words each in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    TooLarge,
    /// The first four bytes are not `\0asm`.
    NotWasm,
    /// The four bytes after them are not version 1 of a core module (a component has
    /// `0x1000d`, for instance): the number as the file has it.
    Version(u32),
    /// The byte where the parser stopped, and its own words.
    Malformed {
        offset: u64,
        message: String,
    },
    /// The file could not be read, or the inspector failed: the browser's message. Never
    /// sent by the inspector; the page's own.
    Unreadable(String),
}

/// A name as the module's author wrote it, with control characters (a tab, a newline) escaped,
/// so it can break neither a line of the protocol nor the reader's view.
pub fn printable(name: &str) -> String {
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

/// A module's totals, the first line of the protocol.
pub struct Totals {
    pub size: u64,
    pub functions: u64,
    pub sections: u64,
    pub imports: u64,
    pub import_modules: u64,
    pub exports: u64,
}

/// Writes the protocol's lines from borrowed data, so the inspector sends a summary without
/// copying it into an `Inspection` first: the one place the lines' format is written.
#[derive(Default)]
pub struct Lines(String);

impl Lines {
    pub fn totals(&mut self, t: &Totals) {
        let _ = write!(
            self.0,
            "size\t{}\nfunctions\t{}\nsections\t{}\nimports\t{}\nimport-modules\t{}\nexports\t{}\n",
            t.size, t.functions, t.sections, t.imports, t.import_modules, t.exports
        );
    }

    pub fn section(&mut self, name: &str, start: u64, contents: u64, end: u64) {
        let _ = writeln!(
            self.0,
            "section\t{}\t{start}\t{contents}\t{end}",
            printable(name)
        );
    }

    /// The module imports come from, and how many; its imports' names follow.
    pub fn import_module(&mut self, module: &str, count: u64) {
        let _ = writeln!(self.0, "import-module\t{}\t{count}", printable(module));
    }

    pub fn import(&mut self, name: &str, kind: &str) {
        let _ = writeln!(self.0, "import\t{}\t{kind}", printable(name));
    }

    pub fn export(&mut self, name: &str, kind: &str) {
        let _ = writeln!(self.0, "export\t{}\t{kind}", printable(name));
    }

    pub fn memory(&mut self, m: &Memory) {
        let maximum = m.maximum.map_or("-".to_owned(), |max| max.to_string());
        let _ = writeln!(
            self.0,
            "memory\t{}\t{maximum}\t{}\t{}\t{}",
            m.initial, m.imported as u8, m.shared as u8, m.memory64 as u8
        );
    }

    pub fn finish(self) -> String {
        self.0
    }
}

impl Inspection {
    /// The lines that carry this inspection (what `parse` reads back).
    pub fn to_lines(&self) -> String {
        let mut lines = Lines::default();
        lines.totals(&Totals {
            size: self.size,
            functions: self.functions,
            sections: self.section_count,
            imports: self.import_count,
            import_modules: self.import_module_count,
            exports: self.export_count,
        });
        for (name, start, contents, end) in &self.sections {
            lines.section(name, *start, *contents, *end);
        }
        for group in &self.import_groups {
            lines.import_module(&group.module, group.count);
            for (name, kind) in &group.names {
                lines.import(name, kind);
            }
        }
        for (name, kind) in &self.exports {
            lines.export(name, kind);
        }
        for m in &self.memories {
            lines.memory(m);
        }
        lines.finish()
    }
}

impl Problem {
    /// The problem as one line: `problem`, its kind, and for a malformed module the byte
    /// offset and the parser's message.
    pub fn to_line(&self) -> String {
        match self {
            Problem::Empty => "problem\tempty\n".into(),
            Problem::TooLarge => "problem\ttoo-large\n".into(),
            Problem::NotWasm => "problem\tnot-wasm\n".into(),
            Problem::Version(version) => format!("problem\tversion\t{version:#x}\n"),
            Problem::Malformed { offset, message } => {
                format!("problem\tmalformed\t{offset}\t{}\n", printable(message))
            }
            Problem::Unreadable(message) => {
                format!("problem\tunreadable\t{}\n", printable(message))
            }
        }
    }
}

/// The page's side: the inspector's lines read back. Unknown lines are passed over, so a newer
/// inspector can say more than an older page reads.
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
                    "version" => {
                        let hex = text();
                        let digits = hex.trim_start_matches("0x");
                        Problem::Version(u32::from_str_radix(digits, 16).unwrap_or(0))
                    }
                    "malformed" => Problem::Malformed {
                        offset: number(text()),
                        message: text(),
                    },
                    _ => Problem::Unreadable(text()),
                })
            }
            _ => {}
        }
    }
    Ok(inspection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inspection_survives_its_lines() {
        let inspection = Inspection {
            size: 1234,
            functions: 3,
            section_count: 2,
            import_count: 2,
            import_module_count: 1,
            export_count: 1,
            sections: vec![
                ("type".into(), 8, 10, 20),
                ("custom:name".into(), 20, 27, 40),
            ],
            import_groups: vec![ImportGroup {
                module: "host".into(),
                count: 2,
                names: vec![
                    ("clock".into(), "func".into()),
                    ("log".into(), "func".into()),
                ],
            }],
            exports: vec![("run".into(), "func".into())],
            memories: vec![Memory {
                initial: 17,
                maximum: None,
                imported: false,
                shared: true,
                memory64: false,
            }],
        };
        assert_eq!(parse(&inspection.to_lines()), Ok(inspection));
    }

    #[test]
    fn every_problem_survives_its_line() {
        let problems = [
            Problem::Empty,
            Problem::TooLarge,
            Problem::NotWasm,
            Problem::Version(0x1000d),
            Problem::Malformed {
                offset: 9,
                message: "unexpected end".into(),
            },
            Problem::Unreadable("NotReadableError: gone".into()),
        ];
        for problem in problems {
            assert_eq!(parse(&problem.to_line()), Err(problem));
        }
    }

    #[test]
    fn a_name_cannot_break_a_line() {
        let name = "a\tb\nc";
        let lines = Inspection {
            exports: vec![(name.into(), "func".into())],
            ..Inspection::default()
        }
        .to_lines();
        let page = parse(&lines).unwrap();
        assert_eq!(page.exports, vec![(printable(name), "func".into())]);
        assert!(!printable(name).contains(['\t', '\n']));
    }
}
