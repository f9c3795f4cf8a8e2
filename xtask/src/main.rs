//! `cargo xtask <command>`: set up the toolchain, build the site, serve it, test it, measure it.
//! Every command does the set-up it needs, so a fresh machine needs only Rust and Node.

mod bench;
mod run;
mod site;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  setup       install what is missing: wasm32 target, Trunk, wasm-bindgen, wasm-opt, Chromium, npm test tools
  build       setup, then build the release site into dist/
  serve       setup, build, and serve dist/ on http://127.0.0.1:8080/ (--port N, --prefix /path/)
  test        setup, build once, then fmt, clippy (native and wasm32), native and browser tests, budgets
  bench       sizes of dist/ (raw, gzip, brotli) per file and per page's first load, against the budgets
  shots       screenshots of both pages (phone and desktop, light and dark) into target/screenshots/

  snippets    (Trunk pre_build hook) compile snippets/ to wasm32 into $TRUNK_STAGING_DIR/modules/
  prerender   (Trunk post_build hook) render both pages into $TRUNK_STAGING_DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let outcome = match args.first().map(String::as_str) {
        Some("setup") => tools::setup().map(|_| ()),
        Some("build") => tools::setup().and_then(|t| site::build(&t)),
        Some("serve") => tools::setup().and_then(|t| {
            site::build(&t)?;
            site::serve(rest)
        }),
        Some("test") => test::run(),
        Some("bench") => bench::run().map(|_| ()),
        Some("shots") => tools::setup().and_then(|t| test::screenshots(&t)),
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
