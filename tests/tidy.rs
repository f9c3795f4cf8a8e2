//! Rules of the code's layout that the compiler does not check: each module imports only from
//! the layers below it, islands live in `widgets/`, and what `figures/`
//! draws is static.

use std::path::{Path, PathBuf};

/// The modules of `src/`, by layer: a module may use those of lower layers, never its own
/// layer's others nor higher ones. `lib.rs` (the `App`) and the binaries stand above them all.
const LAYERS: [(&str, u8); 12] = [
    ("content", 0),
    ("stats", 0),
    ("wasm_bytes", 0),
    ("browser", 1),
    ("text", 2),
    ("wasm_host", 2),
    ("fact_check", 3),
    ("prose", 4),
    ("figures", 5),
    ("widgets", 5),
    ("sections", 6),
    ("masthead", 6),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to: `widgets` for `src/widgets/frame.rs`.
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// How deep a file's module is: 1 for `src/stats.rs` and `src/text/mod.rs`, 2 for
/// `src/widgets/frame.rs`. That many `super::` reach the crate's root.
fn depth(path: &Path) -> usize {
    let relative = path.strip_prefix("src").unwrap();
    let parts = relative.components().count();
    if relative.ends_with("mod.rs") {
        parts - 1
    } else {
        parts
    }
}

/// The top-level modules a file names: as `crate::name` anywhere, or in a file's own `use`
/// with enough `super::` to reach the root (`use super::widgets::…` in `src/sections/mod.rs`;
/// an indented `super::` is inside an inline module, such as `tests`, and means less).
fn crate_paths(code: &str, depth: usize) -> Vec<String> {
    let to_root = format!("\nuse {}", "super::".repeat(depth));
    let code = &format!("\n{code}");
    let name_after = |rest: &str| {
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        rest[..end].to_owned()
    };
    let named = code
        .match_indices("crate::")
        .map(|(at, m)| name_after(&code[at + m.len()..]));
    let climbed = code
        .match_indices(&to_root)
        .map(|(at, m)| name_after(&code[at + m.len()..]));
    named
        .chain(climbed)
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn modules_import_only_from_the_layers_below() {
    let mut problems = Vec::new();
    for path in files(Path::new("src")) {
        let module = module_of(&path);
        let Some(own) = layer(&module) else {
            // lib.rs, main.rs and bin/ are the top; a new module must be given a layer.
            let top = ["lib", "main", "bin"].contains(&module.as_str());
            assert!(
                top,
                "{}: module '{module}' has no layer in LAYERS",
                path.display()
            );
            continue;
        };
        let code = std::fs::read_to_string(&path).unwrap();
        assert!(
            !code.contains("crate::{"),
            "{}: name each import's module (`use crate::x::…`), so this test can read it",
            path.display()
        );
        for used in crate_paths(&code, depth(&path)) {
            if used == module {
                continue;
            }
            match layer(&used) {
                Some(theirs) if theirs < own => {}
                Some(_) => problems.push(format!(
                    "{} ({module}) imports {used}, which is not below it",
                    path.display()
                )),
                // The crate root's own items (`crate::App`) are the top layer.
                None => problems.push(format!(
                    "{} ({module}) reaches up to crate::{used}",
                    path.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn widgets_are_islands_and_figures_are_static() {
    for path in files(Path::new("src/widgets")) {
        let name = path.file_name().unwrap().to_string_lossy();
        let code = std::fs::read_to_string(&path).unwrap();
        let islands = code.matches("#[island]").count();
        // frame.rs, lab_results.rs and mod.rs serve the widgets; every other file is one.
        let expected = usize::from(!["frame.rs", "lab_results.rs", "mod.rs"].contains(&&*name));
        assert_eq!(
            islands,
            expected,
            "{}: one island per widget file",
            path.display()
        );
    }
    for path in files(Path::new("src/figures")) {
        let code = std::fs::read_to_string(&path).unwrap();
        assert!(
            !code.contains("#[island]"),
            "{}: a figure is drawn by the prerender; an interactive one is a widget",
            path.display()
        );
    }
}

#[test]
fn the_test_reads_imports_as_written() {
    let code = "use crate::content::{ui, Lang};\nlet x = crate::wasm_host::run();";
    assert_eq!(crate_paths(code, 1), ["content", "wasm_host"]);
    // From src/sections/mod.rs one `super::` is the root; from src/widgets/frame.rs, two.
    assert_eq!(crate_paths("use super::widgets::Wasi;", 1), ["widgets"]);
    assert_eq!(
        crate_paths("use super::frame::Run;", 2),
        Vec::<String>::new()
    );
    assert_eq!(
        crate_paths("use super::super::sections::x;", 2),
        ["sections"]
    );
    assert_eq!(
        crate_paths("mod tests {\n    use super::*;\n}", 1),
        Vec::<String>::new()
    );
    assert_eq!(depth(Path::new("src/widgets/frame.rs")), 2);
    assert_eq!(depth(Path::new("src/widgets/mod.rs")), 1);
    assert_eq!(module_of(Path::new("src/widgets/frame.rs")), "widgets");
    assert_eq!(module_of(Path::new("src/text/mod.rs")), "text");
    assert_eq!(module_of(Path::new("src/stats.rs")), "stats");
}
