//! Renders the essay into the page shell Trunk staged: `index.html` in Chinese and
//! `en/index.html` in English, with the full text in the HTML so it reads without Wasm; and
//! writes what a static host reads beside them: one stylesheet, the content-security policy
//! (in each page and in `_headers`), a 404 page, and the verdicts as `claims.json`.
//! Run by Trunk's post_build hook (through `cargo xtask prerender`) with the staging dir;
//! `ESSAY_SITE_URL` (from `cargo xtask build --site-url`) makes the URLs that must be absolute.

mod head;
mod host;
mod styles;

use essay::content::Lang;
use essay::figures::{inside_module_build, InsideModuleHtml, INSIDE_MODULE};
use essay::App;
use leptos::prelude::*;
use std::path::{Path, PathBuf};

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: prerender <staging dir>"),
    );
    let site = head::SiteUrl::from_env();
    let shell = std::fs::read_to_string(dir.join("index.html")).expect("index.html in staging dir");
    let shell = inline_scripts(&without_comments(&shell));
    let inside = inside_module(&dir);
    let mut hoisted = styles::Hoisted::default();
    let bodies = [Lang::Zh, Lang::En].map(|lang| {
        let body = Owner::new().with(|| {
            provide_context(inside.clone());
            view! { <App lang /> }.to_html()
        });
        (lang, hoisted.hoist(&body))
    });
    let shell = styles::bundle(&shell, &dir, &hoisted);
    let pages: Vec<(PathBuf, String)> = bodies
        .into_iter()
        .map(|(lang, body)| {
            let out = dir.join(lang.path()).join("index.html");
            (out, page(&shell, lang, &body, &site))
        })
        .chain([(dir.join("404.html"), host::not_found(&site))])
        .collect();
    let policy = host::Policy::of(pages.iter().map(|(_, html)| html.as_str()));
    for (out, html) in &pages {
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        std::fs::write(out, host::Policy::in_meta(html)).unwrap();
        println!("prerendered {}", out.display());
    }
    write(&dir.join("_headers"), &host::headers(&policy));
    write(&dir.join("claims.json"), &head::claims_json(&site));
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    println!("wrote {}", path.display());
}

/// The inside of the module the essay opens up, drawn from the file as shipped (the pre_build
/// hook staged it) and from its Rust source.
fn inside_module(dir: &Path) -> InsideModuleHtml {
    let wasm_path = dir.join("modules").join(INSIDE_MODULE);
    let wasm = std::fs::read(&wasm_path).unwrap_or_else(|e| panic!("{}: {e}", wasm_path.display()));
    let crate_name = INSIDE_MODULE.trim_end_matches(".wasm");
    let source_path = repository()
        .join("snippets")
        .join(crate_name)
        .join("src/main.rs");
    let source = std::fs::read_to_string(&source_path)
        .unwrap_or_else(|e| panic!("{}: {e}", source_path.display()));
    inside_module_build::build(&wasm, &source).expect("the shipped module reads")
}

/// The shell with each `<script src="…" data-inline>` written into the page, without its
/// comment lines: a script that must run before the first paint (theme.js), or that starts the
/// page's other scripts after it (after-paint.js), costs no request. The content-security
/// policy allows each by its hash.
fn inline_scripts(shell: &str) -> String {
    shell
        .lines()
        .map(|line| {
            let file = line
                .trim()
                .strip_prefix("<script src=\"")
                .and_then(|rest| rest.strip_suffix("\" data-inline></script>"));
            match file {
                Some(file) => {
                    let path = repository().join(file);
                    let source = std::fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    let code: Vec<&str> = source
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with("//"))
                        .collect();
                    format!("<script>{}</script>\n", code.join("\n"))
                }
                None => format!("{line}\n"),
            }
        })
        .collect()
}

/// The shell without its comments (they are for whoever reads index.html), except the
/// marker where the head's tags go.
fn without_comments(shell: &str) -> String {
    let shell = shell.replace("<!-- prerender:head -->", "\u{0}");
    let mut out = String::with_capacity(shell.len());
    let mut rest = shell.as_str();
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest[..start].trim_end_matches([' ', '\n']));
        out.push('\n');
        let end = rest[start..].find("-->").expect("a closed comment");
        rest = rest[start + end + 3..].trim_start_matches('\n');
    }
    out.push_str(rest);
    out.replace('\u{0}', "<!-- prerender:head -->")
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fills the shell for one language: `<html lang>`, the head (see `head::tags`), and the body.
/// The English page lives one folder down, so its asset URLs step up one level.
fn page(shell: &str, lang: Lang, body: &str, site: &head::SiteUrl) -> String {
    let mut shell = shell.to_owned();
    if lang == Lang::En {
        // Trunk writes asset URLs as "./name"; from en/ they are "../name".
        shell = shell.replace("\"./", "\"../").replace("'./", "'../");
    }
    let html = shell
        .replacen(
            "<html lang=\"zh-Hans\">",
            &format!("<html lang=\"{}\">", lang.tag()),
            1,
        )
        .replacen("<!-- prerender:head -->", &head::tags(lang, site), 1)
        .replacen("<body></body>", &format!("<body>{body}</body>"), 1);
    assert!(html.contains(body), "the shell lost its <body></body>");
    html
}
