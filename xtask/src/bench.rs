//! `cargo xtask bench`: what a reader downloads and how long the page is blocked. Per file in
//! dist/ and per page's first load: raw, gzip and brotli bytes; each snippet's size; and, in
//! Chromium, the longest task each widget's run blocks the page for. All checked against the
//! budgets below (non-zero exit when over). `cargo xtask test` enforces the byte budgets only:
//! bytes are deterministic, times on a shared 2-core machine are not.

use crate::run::{status, Result};
use crate::site::{dist, files_below};
use crate::tools::Tools;
use std::io::Write;
use std::path::{Path, PathBuf};

/// First load of either page, brotli-compressed: HTML, CSS, JS glue, the app's Wasm and the
/// modules widgets fetch by themselves. It was 120 KB until the sandbox lab: its four
/// interactive widgets (capabilities, traps, WASI host, inspector) added about 27 KB to the app's
/// Wasm, and the build-time view of a module about 4 KB to each page (149 KB in all). Every
/// island is in the one bundle whether a page shows it or not (Leptos hydrates islands by name),
/// so the way down from here is fewer or leaner islands, not dead-code elimination. The story's
/// figures of OpenStack, Cloud Foundry and Docker, all prerendered HTML and CSS, took the
/// Chinese page from 154 KB to 161 KB: docker-pieces' notes about 2 KB, who-builds 1 KB,
/// what-ships 0.6 KB, the three era comparisons 0.3 KB, their CSS 1.3 KB. The epilogue's
/// figures and their 24 sources added about 5 KB more, and taking the sources' publishers,
/// dates and URLs out of the Wasm (the islands cite from `CITED`: ids and titles) saved 3.7 KB.
/// Mozilla's asm.js-against-Wasm island added 6 KB to the app's Wasm, and its paragraph, eight
/// sources and a timeline event 2 KB to the page (170 KB). The next step down is the page's
/// text loading first and the Wasm only when a widget is near, which takes the app's Wasm
/// (109 KB of it) out of the first load altogether. The reading aids, all without Wasm, added
/// 5 KB (175 KB): reading.css 1.6 KB, reading.js 1.1 KB, theme.js 0.3 KB, the print rules
/// 0.4 KB, and the bar's menu, copy-link buttons and widgets' print notes 1.5 KB of HTML.
const FIRST_LOAD_BROTLI_BUDGET: usize = 178_000;
/// Modules a widget fetches as soon as the page is live (the rest wait for a click).
const FETCHED_ON_LOAD: &[&str] = &[
    "modules/hello.wasm",
    "modules/tiny.wasm",
    "modules/kernel.wasm",
    "modules/memory.wasm",
    "modules/capabilities.wasm",
    "modules/wasi.wasm",
];
const PAGES: &[&str] = &["index.html", "en/index.html"];
/// No task of a widget's run may block the page for 50 ms or more, the length at which the
/// Long Tasks API calls a task long; judged on the median of `LONG_TASK_RUNS` runs.
const LONG_TASK_BUDGET_MS: u32 = 50;
const LONG_TASK_RUNS: u32 = 5;
/// Every snippet module stays under a kilobyte; `tiny` shows what a module costs at the least.
const SNIPPET_BUDGET: usize = 1024;
const TINY_BUDGET: usize = 100;
/// The inspector is a parser, not a demonstration: it carries `wasmparser` and Rust's standard
/// library, and is fetched only when the reader opens a file.
const INSPECTOR_BUDGET: usize = 48 * 1024;

#[derive(Clone, Copy, Default)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

fn sizes(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    let gzip = gz.finish().unwrap().len();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).unwrap();
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    }
}

fn row(name: &str, s: Sizes) {
    println!("{:>10} {:>10} {:>10}  {name}", s.raw, s.gzip, s.brotli);
}

/// Prints the byte table and returns the problems (budgets exceeded, pages missing).
pub fn check_bytes() -> Result<Vec<String>> {
    let dist = dist();
    if !dist.join("index.html").is_file() {
        return Err("dist/ has no index.html: run `cargo xtask build` first".into());
    }
    let mut problems = Vec::new();
    println!(
        "{:>10} {:>10} {:>10}  file (bytes)",
        "raw", "gzip", "brotli"
    );
    // Each file compressed once (brotli at quality 11 is slow); the page totals add these up.
    let mut measured = std::collections::HashMap::new();
    for file in files_below(&dist) {
        let bytes = std::fs::read(&file).map_err(|e| e.to_string())?;
        let size = sizes(&bytes);
        row(&relative(&dist, &file), size);
        measured.insert(file.canonicalize().map_err(|e| e.to_string())?, size);
    }
    println!(
        "\nsnippets (budget: {SNIPPET_BUDGET} bytes each, tiny.wasm {TINY_BUDGET}, inspector.wasm {INSPECTOR_BUDGET})"
    );
    for name in crate::site::snippet_names() {
        let file = format!("{name}.wasm");
        let size = std::fs::metadata(dist.join("modules").join(&file))
            .map_err(|e| format!("{file}: {e}"))?
            .len() as usize;
        let budget = match name.as_str() {
            "tiny" => TINY_BUDGET,
            "inspector" => INSPECTOR_BUDGET,
            _ => SNIPPET_BUDGET,
        };
        println!("{size:>10}  {file}");
        if size > budget {
            problems.push(format!(
                "{file} is {size} bytes, over its budget of {budget}"
            ));
        }
    }
    println!("\nfirst load of each page (budget: {FIRST_LOAD_BROTLI_BUDGET} bytes brotli)");
    for page in PAGES {
        let mut total = Sizes::default();
        let files = first_load(&dist, page)?;
        for file in &files {
            let file = file
                .canonicalize()
                .map_err(|e| format!("{}: {e}", file.display()))?;
            total += *measured
                .get(&file)
                .ok_or(format!("{} is not in dist/", file.display()))?;
        }
        row(&format!("{page} ({} files)", files.len()), total);
        if total.brotli > FIRST_LOAD_BROTLI_BUDGET {
            problems.push(format!(
                "{page}: first load is {} bytes brotli, over the budget of {FIRST_LOAD_BROTLI_BUDGET}",
                total.brotli
            ));
        }
    }
    Ok(problems)
}

/// Builds the site, then measures bytes and long tasks against their budgets.
pub fn run(tools: &Tools) -> Result<()> {
    crate::site::build(tools)?;
    let mut problems = check_bytes()?;
    println!(
        "\nlong tasks in Chromium ({LONG_TASK_RUNS} runs of each widget, each in a fresh page)"
    );
    if let Err(e) = status(
        tools
            .command("node")
            .arg("tests/e2e/long-tasks.mjs")
            .arg(LONG_TASK_BUDGET_MS.to_string())
            .arg(LONG_TASK_RUNS.to_string()),
    ) {
        problems.push(format!("long tasks over {LONG_TASK_BUDGET_MS} ms: {e}"));
    }
    if problems.is_empty() {
        println!("\nwithin budget");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The page and every local file it references (`href`, `src`, and the quoted "./…" or "../…"
/// paths in Trunk's loader script), plus the modules fetched on load.
fn first_load(dist: &Path, page: &str) -> Result<Vec<PathBuf>> {
    let page_path = dist.join(page);
    let html = std::fs::read_to_string(&page_path).map_err(|e| format!("{page}: {e}"))?;
    let page_dir = page_path.parent().unwrap();
    let mut files = vec![page_path.clone()];
    for quote in ['"', '\''] {
        for (i, piece) in html.split(quote).enumerate() {
            let local = piece.starts_with("./") || piece.starts_with("../");
            if i % 2 == 1 && local && piece.len() > 3 && !piece.ends_with('/') {
                let file = page_dir.join(piece.split(['#', '?']).next().unwrap());
                if file.is_file() && !files.contains(&file) {
                    files.push(file);
                }
            }
        }
    }
    files.extend(FETCHED_ON_LOAD.iter().map(|m| dist.join(m)));
    Ok(files)
}

fn relative(base: &Path, file: &Path) -> String {
    file.strip_prefix(base)
        .unwrap_or(file)
        .to_string_lossy()
        .into_owned()
}
