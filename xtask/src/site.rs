//! Building the site (Trunk, with two hooks) and serving it.

use crate::run::{root, status, Result};
use crate::tools::Tools;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const SNIPPET_TARGET: &str = "wasm32-unknown-unknown";

/// `trunk build --release` into dist/. Trunk runs `cargo xtask snippets` before and
/// `cargo xtask prerender` after the browser bundle is built. With the public site URL
/// (`--site-url https://…`), the prerender writes the URLs that must be absolute (canonical,
/// language alternates, `og:url`, each ClaimReview's `url`); without it, none of them. Then
/// every text and Wasm file gets its precompressed twins.
pub fn build(tools: &Tools, site_url: Option<&str>) -> Result {
    status(
        tools
            .command("trunk")
            .args(["build", "--release"])
            .env(SITE_URL, site_url.unwrap_or_default())
            // Trunk's own logs say what it does; the hooks print their own lines.
            .env("RUST_LOG", "warn"),
    )?;
    precompress(&dist())
}

/// Read by the prerender (src/bin/prerender/head.rs).
const SITE_URL: &str = "ESSAY_SITE_URL";

/// The value of `--site-url` among a command's words, and the other words.
pub fn site_url(args: &[String]) -> Result<(Option<String>, Vec<String>)> {
    let mut url = None;
    let mut rest = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "--site-url" {
            let value = words.next().ok_or("--site-url takes a URL")?;
            if !value.starts_with("https://") && !value.starts_with("http://") {
                return Err(format!("--site-url takes an absolute URL, not {value}"));
            }
            url = Some(value.clone());
        } else {
            rest.push(word.clone());
        }
    }
    Ok((url, rest))
}

/// Writes `name.br` (brotli, quality 11) and `name.gz` (gzip, level 9) beside every text and
/// Wasm file, for hosts and servers that send a precompressed file when the browser accepts
/// it (the e2e server does, as nginx's `gzip_static` and Caddy's `precompressed` do).
fn precompress(dist: &Path) -> Result {
    const COMPRESSIBLE: &[&str] = &["html", "css", "js", "wasm", "svg", "json", "txt"];
    for file in files_below(dist) {
        let compressible = file
            .extension()
            .is_some_and(|e| COMPRESSIBLE.iter().any(|c| e == *c));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (gzip, brotli) = crate::bench::compressed(&bytes);
        let twin = |ext: &str| PathBuf::from(format!("{}.{ext}", file.display()));
        std::fs::write(twin("gz"), gzip).map_err(|e| e.to_string())?;
        std::fs::write(twin("br"), brotli).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn staging_dir() -> Result<PathBuf> {
    std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| "run by Trunk's hooks only (TRUNK_STAGING_DIR is not set)".to_owned())
}

/// The snippet crates: every folder under snippets/ with a Cargo.toml.
pub fn snippet_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("snippets"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What rustc's wasm32 output uses beyond the first WebAssembly release (the inspector's
/// standard library copies and fills memory in bulk): the list `index.html` gives Trunk, and
/// `bulk-memory-opt`, which wasm-opt 132 names apart.
const WASM_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Compiles every snippet ahead of time, shrinks it with wasm-opt, and stages it as
/// `modules/<name>.wasm`, its own file beside the app (wasm-bindgen owns `snippets/`).
pub fn snippets() -> Result {
    let out = staging_dir()?.join("modules");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let snippets = root().join("snippets");
    let target_dir = root().join("target").join("snippets");
    status(
        Command::new("cargo")
            .args([
                "build",
                "--release",
                "--target",
                SNIPPET_TARGET,
                "--target-dir",
            ])
            .arg(&target_dir)
            // From snippets/, so its .cargo/config.toml (stack size) applies.
            .current_dir(&snippets)
            // Trunk's cargo settings are for the app, not for the snippets.
            .env_remove("CARGO_BUILD_TARGET")
            .env_remove("RUSTFLAGS"),
    )?;
    for name in snippet_names() {
        // A snippet's JavaScript ships beside it as a file of its own: the kernel's
        // hand-written twins (plain and asm.js), the inspector's worker.
        let folder = std::fs::read_dir(snippets.join(&name)).map_err(|e| e.to_string())?;
        for script in folder.flatten().map(|entry| entry.path()) {
            if script.extension().is_some_and(|e| e == "js") {
                let file = script.file_name().unwrap_or_default();
                let source = std::fs::read_to_string(&script)
                    .map_err(|e| format!("{}: {e}", script.display()))?;
                std::fs::write(out.join(file), shipped_script(&source))
                    .map_err(|e| format!("{}: {e}", script.display()))?;
            }
        }
        let built = target_dir
            .join(SNIPPET_TARGET)
            .join("release")
            .join(format!("{name}.wasm"));
        // The linker exports its memory layout and the memory itself; no host reads the
        // former, and only snippets that say so share their memory with the page.
        let manifest =
            std::fs::read_to_string(snippets.join(&name).join("Cargo.toml")).unwrap_or_default();
        let unused = if manifest.contains("exports-memory = true") {
            "--remove-exports=__data_end,__heap_base"
        } else {
            "--remove-exports=__data_end,__heap_base,memory"
        };
        status(
            Command::new("wasm-opt")
                .arg(&built)
                .args(["-Oz", unused, "--remove-unused-module-elements"])
                .args(WASM_FEATURES)
                .args([
                    "--strip-producers",
                    "--strip-target-features",
                    "--strip-debug",
                ])
                .arg("-o")
                .arg(out.join(format!("{name}.wasm"))),
        )?;
    }
    Ok(())
}

/// A script as it ships: without its comment lines and indentation, as the Wasm it is
/// measured against ships without its source's comments. Names and line breaks stay, so it
/// is still readable in the browser's developer tools. (Our scripts hold no string or
/// template literal that spans lines, so dropping a line's leading blanks changes nothing.)
fn shipped_script(source: &str) -> String {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .fold(String::new(), |mut out, line| {
            out.push_str(line);
            out.push('\n');
            out
        })
}

/// Renders both pages into the staged index.html with the native `prerender` binary.
///
/// Under `cargo xtask test` (`NATIVE_WITH_TESTS` set), the binary is built together with every
/// native test, in one `cargo build --all-targets` that clippy lints as it compiles: the
/// dev-dependencies then unify features the same way for the prerender and for the tests, so
/// the Leptos stack compiles once, not twice, and lints need no second, check-only build.
pub fn prerender() -> Result {
    let dir = staging_dir()?;
    if std::env::var_os(NATIVE_WITH_TESTS).is_some() {
        status(native_workspace(
            Command::new("cargo").args(["build", "--all-targets"]),
        ))?;
        return status(
            Command::new(root().join("target").join("debug").join("prerender")).arg(&dir),
        );
    }
    status(
        Command::new("cargo")
            .args([
                "run",
                "--quiet",
                "--features",
                "ssr",
                "--bin",
                "prerender",
                "--",
            ])
            .arg(&dir)
            .env_remove("CARGO_BUILD_TARGET")
            .env_remove("RUSTFLAGS"),
    )
}

/// Set by `cargo xtask test` for the site build: build the prerender with the native tests.
pub const NATIVE_WITH_TESTS: &str = "ESSAY_PRERENDER_WITH_TESTS";

/// A cargo command on the one native build of the workspace, shared by the prerender, the
/// tests and clippy: the whole workspace with the prerender's feature, compiled through
/// `clippy-driver`, which lints the workspace's own crates as it builds them. Warnings do not
/// stop the build; `cargo xtask test` reads them back from Cargo's cache and fails on any.
/// Every use must set the same wrapper, or Cargo would rebuild the workspace's crates. xtask
/// stays out: it is the program running all this, built plainly by `cargo xtask`, and linted
/// on its own.
pub fn native_workspace(cargo: &mut Command) -> &mut Command {
    cargo
        .args([
            "--workspace",
            "--exclude",
            "xtask",
            "--features",
            "essay/ssr",
        ])
        .env("RUSTC_WORKSPACE_WRAPPER", "clippy-driver")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("RUSTFLAGS")
}

/// Serves dist/ on 127.0.0.1 with the same small static server the browser tests use.
pub fn serve(args: &[String]) -> Result {
    let mut port = "8080".to_owned();
    let mut prefix = "/".to_owned();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--port" => port = words.next().cloned().ok_or("--port takes a number")?,
            "--prefix" => prefix = words.next().cloned().ok_or("--prefix takes a path")?,
            other => return Err(format!("serve: unknown option {other}")),
        }
    }
    status(
        Command::new("node")
            .arg(root().join("tests/e2e/server.mjs"))
            .arg(dist())
            .arg(port)
            .arg(prefix),
    )
}

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// Every file below `dir`, sorted.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
