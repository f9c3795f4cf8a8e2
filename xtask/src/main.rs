//! `cargo xtask <command>`: set up the toolchain, build the site, serve it, test it, measure it.
//! Every command does the set-up it needs, so a fresh machine needs only Rust and Node.

mod bench;
mod run;
mod site;
mod test;
mod tools;

use std::process::ExitCode;
use tools::Purpose;

const USAGE: &str = "usage: cargo xtask <command>

  setup       install what the build needs (wasm32 target, Trunk, wasm-bindgen, wasm-opt);
              `setup --test` also the browsers ($CHROME_PATH, $FIREFOX, else Debian's Chromium and
              Firefox ESR) and the npm test tools
  build       set up the build's tools, then build the release site into dist/
              (--site-url https://…/ : the public URL, for canonical, hreflang and og:url)
  serve       set up the build's tools, build, and serve dist/ on http://127.0.0.1:8080/
              (--port N, --prefix /path/)
  test        set up everything, build once, then fmt, clippy (native and wasm32), native and
              browser tests, byte budgets; a table of how long each phase took
  bench       build, then against the budgets: sizes (raw, gzip, brotli) per file and per page's
              first load; what Chromium fetches (first load, then every widget run; no URL
              twice); the longest task each widget's run blocks the page for (median of 5);
              Lighthouse on both pages (median of 3; reports in target/lighthouse/)
              (`bench lighthouse`: Lighthouse only, on dist/ as built)
  shots       screenshots of both pages (phone and desktop, light and dark) into target/screenshots/
  section-heights
              measure each section of the built pages and write style/section-heights.css, the
              sizes the browser assumes for a section it has not drawn yet; then build again

  snippets    (Trunk pre_build hook) compile snippets/ to wasm32 into $TRUNK_STAGING_DIR/modules/
  prerender   (Trunk post_build hook) render both pages into $TRUNK_STAGING_DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let outcome = match args.first().map(String::as_str) {
        Some("setup") if rest.iter().any(|a| a == "--test") => {
            tools::setup(Purpose::Test).map(|_| ())
        }
        Some("setup") => tools::setup(Purpose::Build).map(|_| ()),
        Some("build") => site::site_url(rest).and_then(|(url, rest)| match rest.first() {
            Some(word) => Err(format!("build: unknown option {word}")),
            None => tools::setup(Purpose::Build).and_then(|t| site::build(&t, url.as_deref())),
        }),
        Some("serve") => site::site_url(rest).and_then(|(url, rest)| {
            let tools = tools::setup(Purpose::Build)?;
            site::build(&tools, url.as_deref())?;
            site::serve(&rest)
        }),
        Some("test") => test::run(),
        Some("bench") => tools::setup(Purpose::Test).and_then(|t| bench::run(&t, rest)),
        Some("shots") => tools::setup(Purpose::Test).and_then(|t| test::screenshots(&t)),
        Some("section-heights") => {
            tools::setup(Purpose::Test).and_then(|t| test::section_heights(&t))
        }
        Some("snippets") => site::snippets(),
        Some("prerender") => site::prerender(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
