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

/// What one page's HTML may weigh, brotli: the essay's whole text, its figures, notes and
/// bibliography, and its claims as ClaimReview JSON-LD. 24 KB before the story's figures;
/// 41 KB with them, the asm.js widget and the reading aids; 39.6 KB (zh) once citations lost
/// their `title` tooltips and the highlighted source its unstyled scope classes, with the
/// ClaimReview JSON-LD (about 2 KB) added.
const PAGE_HTML_BROTLI_BUDGET: usize = 40_000;
/// What the first load may add to a page's HTML and its one stylesheet: the three small
/// scripts (islands.js, which fetches the app only when a widget is near; steps.js; reading.js)
/// and the icon. The app's Wasm and glue are not in the first load at all (checked in
/// Chromium by tests/e2e/transfer.mjs, which also counts what the browser really fetched).
const FIRST_LOAD_EXTRA_BROTLI_BUDGET: usize = 6_000;
/// The app's Wasm, brotli: every island's code and both languages' interface strings. It was
/// 108.9 KB; the texts only the prerender writes (titles, methods, idle sentences: see
/// `text::prerendered`), the citations' titles and the language link's island took it to
/// 105.9 KB; placing the lab's chart marks through the CSS object model (the strict policy
/// refuses `style` attributes) added 1.1 KB (107.0 KB, 106.8 KB as measured later). Then, to
/// 99.9 KB: a run's result kept as written HTML, so its signal is one type for all widgets
/// (-1.7 KB); each cited figure a static of its own, with its source's number worked out at
/// build time (-1.3 KB); every static text of a widget (methods, the "to be fair" notes,
/// labels) written by the prerender only, the clock's step alone said live (-2.6 KB); the
/// fetched-file cache a list, not a hash map (-1.2 KB); the page's language read from
/// `<html lang>` without a context lookup (-0.2 KB). The speed race's number field and the
/// inspector's menu, replaced by choices and buttons, took it to 98.4 KB.
const APP_WASM_BROTLI_BUDGET: usize = 100_000;
const PAGES: &[&str] = &["index.html", "en/index.html"];
/// The site is measured as it is published: built with a public URL, its pages carry the
/// canonical link, three language alternates, `og:url` and each ClaimReview's `url` (about
/// 100-150 bytes brotli on the Chinese page). A GitHub Pages address, as the workflow builds.
const PUBLISHED_SITE_URL: &str = "https://an-owner.github.io/wasm-and-the-cloud/";
/// Lighthouse (mobile preset, its default simulated throttling) on both pages: 100 in every
/// category, and the two metrics a reader feels: the text painted (LCP) within 1.2 s and the
/// page blocked (TBT) for at most 50 ms. Each score and metric is the median of
/// `LIGHTHOUSE_RUNS` runs: single runs of one build on this shared 2-core machine ranged from
/// 1.1 to 1.4 s of LCP and 0 to 213 ms of TBT.
const LIGHTHOUSE_SCORE_BUDGET: u32 = 100;
const LCP_BUDGET_MS: u32 = 1_200;
const TBT_BUDGET_MS: u32 = 50;
const LIGHTHOUSE_RUNS: u32 = 3;
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

/// The file gzipped at level 9 and brotli-compressed at quality 11, as the build ships them.
pub fn compressed(bytes: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).unwrap();
    (gz.finish().unwrap(), br)
}

fn sizes(bytes: &[u8]) -> Sizes {
    let (gzip, brotli) = compressed(bytes);
    Sizes {
        raw: bytes.len(),
        gzip: gzip.len(),
        brotli: brotli.len(),
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
    // The precompressed twins are the same files, as sent; `_headers` is read by the host.
    let served = files_below(&dist).into_iter().filter(|f| {
        let name = f.to_string_lossy();
        !name.ends_with(".br") && !name.ends_with(".gz") && !name.ends_with("_headers")
    });
    for file in served {
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
    println!(
        "\nfirst load of each page (budgets, brotli: HTML {PAGE_HTML_BROTLI_BUDGET} bytes; \
         HTML and CSS + {FIRST_LOAD_EXTRA_BROTLI_BUDGET} for the rest)"
    );
    for page in PAGES {
        let (mut total, mut extra) = (Sizes::default(), Sizes::default());
        let files = first_load(&dist, page)?;
        for file in &files {
            let file = file
                .canonicalize()
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let size = *measured
                .get(&file)
                .ok_or(format!("{} is not in dist/", file.display()))?;
            let name = file.to_string_lossy();
            if name.ends_with(".html") {
                row(&format!("{page}: its HTML"), size);
                if size.brotli > PAGE_HTML_BROTLI_BUDGET {
                    problems.push(format!(
                        "{page}: {} bytes brotli, over the budget of {PAGE_HTML_BROTLI_BUDGET}",
                        size.brotli
                    ));
                }
            } else if !name.ends_with(".css") {
                extra += size;
            }
            total += size;
        }
        row(
            &format!("{page}: first load ({} files)", files.len()),
            total,
        );
        if extra.brotli > FIRST_LOAD_EXTRA_BROTLI_BUDGET {
            problems.push(format!(
                "{page}: first load is HTML and CSS + {} bytes brotli, over {FIRST_LOAD_EXTRA_BROTLI_BUDGET}",
                extra.brotli
            ));
        }
    }
    let wasm = files_below(&dist)
        .into_iter()
        .find(|f| f.to_string_lossy().ends_with("_bg.wasm"))
        .ok_or("dist/ has no app Wasm")?;
    let app = measured[&wasm.canonicalize().map_err(|e| e.to_string())?];
    row("the app's Wasm (loaded when a widget is near)", app);
    if app.brotli > APP_WASM_BROTLI_BUDGET {
        problems.push(format!(
            "the app's Wasm is {} bytes brotli, over {APP_WASM_BROTLI_BUDGET}",
            app.brotli
        ));
    }
    Ok(problems)
}

/// Builds the site, then measures it against its budgets: bytes per file and per page; what
/// Chromium really fetches (tests/e2e/transfer.mjs); the longest task each widget's run
/// blocks the page for; and Lighthouse's four categories, LCP and TBT on both pages
/// (tests/lighthouse/run.mjs, reports in target/lighthouse/). `bench lighthouse` runs only
/// the last, on the site as built.
pub fn run(tools: &Tools, args: &[String]) -> Result<()> {
    if args.first().is_some_and(|a| a == "lighthouse") {
        return lighthouse(tools);
    }
    println!("building as published, with --site-url {PUBLISHED_SITE_URL}");
    crate::site::build(tools, Some(PUBLISHED_SITE_URL))?;
    let mut problems = check_bytes()?;
    println!("\nwhat Chromium fetches (first load, then a read with every widget run)");
    if let Err(e) = status(
        tools
            .command("node")
            .arg("tests/e2e/transfer.mjs")
            .arg(FIRST_LOAD_EXTRA_BROTLI_BUDGET.to_string()),
    ) {
        problems.push(format!("transfer: {e}"));
    }
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
    if let Err(e) = lighthouse(tools) {
        problems.push(format!("Lighthouse: {e}"));
    }
    println!(
        "\ndist/ holds the site as built for {PUBLISHED_SITE_URL}: `cargo xtask build` \
         before testing or publishing it"
    );
    if problems.is_empty() {
        println!("\nwithin budget");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Lighthouse (npm, pinned in tests/lighthouse/) on both pages: mobile preset, each score and
/// metric the median of `LIGHTHOUSE_RUNS` runs, against the budgets above.
fn lighthouse(tools: &Tools) -> Result<()> {
    println!(
        "\nLighthouse, mobile preset, medians of {LIGHTHOUSE_RUNS} runs per page (budgets: \
         {LIGHTHOUSE_SCORE_BUDGET} in every category, LCP {LCP_BUDGET_MS} ms, TBT {TBT_BUDGET_MS} ms)"
    );
    crate::tools::ensure_lighthouse()?;
    let numbers = [
        LIGHTHOUSE_RUNS,
        LIGHTHOUSE_SCORE_BUDGET,
        LCP_BUDGET_MS,
        TBT_BUDGET_MS,
    ];
    status(
        tools
            .command("node")
            .arg("tests/lighthouse/run.mjs")
            .arg(dist())
            .arg(crate::run::root().join("target").join("lighthouse"))
            .args(numbers.map(|n| n.to_string())),
    )
}

/// The page and every local file its `href` and `src` attributes name (not the app's glue
/// and Wasm, which the loader's `data-` attributes name and which load only near a widget).
fn first_load(dist: &Path, page: &str) -> Result<Vec<PathBuf>> {
    let page_path = dist.join(page);
    let html = std::fs::read_to_string(&page_path).map_err(|e| format!("{page}: {e}"))?;
    let page_dir = page_path.parent().unwrap();
    let mut files = vec![page_path.clone()];
    for attribute in [" href=\"", " src=\""] {
        for piece in html.split(attribute).skip(1) {
            let value = piece.split('"').next().unwrap_or_default();
            if value.starts_with("./") || value.starts_with("../") {
                let file = page_dir.join(value.split(['#', '?']).next().unwrap());
                if file.is_file() && !files.contains(&file) {
                    files.push(file);
                }
            }
        }
    }
    Ok(files)
}

fn relative(base: &Path, file: &Path) -> String {
    file.strip_prefix(base)
        .unwrap_or(file)
        .to_string_lossy()
        .into_owned()
}
