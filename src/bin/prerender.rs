//! Renders the essay into the page shell Trunk staged: `index.html` in Chinese and
//! `en/index.html` in English, with the full text in the HTML so it reads without Wasm.
//! Run by Trunk's post_build hook (through `cargo xtask prerender`) with the staging dir.

use essay::content::{ui, Lang};
use essay::figures::{inside_module_build, InsideModuleHtml, INSIDE_MODULE};
use essay::text::html::Html;
use essay::App;
use leptos::prelude::*;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: prerender <staging dir>"),
    );
    let shell = std::fs::read_to_string(dir.join("index.html")).expect("index.html in staging dir");
    let inside = inside_module(&dir);
    for lang in [Lang::Zh, Lang::En] {
        let body = Owner::new().with(|| {
            provide_context(inside.clone());
            view! { <App lang /> }.to_html()
        });
        let out = dir.join(lang.path()).join("index.html");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        std::fs::write(&out, page(&shell, lang, &body)).unwrap();
        println!("prerendered {}", out.display());
    }
}

/// The inside of the module the essay opens up, drawn from the file as shipped (the pre_build
/// hook staged it) and from its Rust source.
fn inside_module(dir: &std::path::Path) -> InsideModuleHtml {
    let wasm_path = dir.join("modules").join(INSIDE_MODULE);
    let wasm = std::fs::read(&wasm_path).unwrap_or_else(|e| panic!("{}: {e}", wasm_path.display()));
    let crate_name = INSIDE_MODULE.trim_end_matches(".wasm");
    let source_path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("snippets")
        .join(crate_name)
        .join("src/main.rs");
    let source = std::fs::read_to_string(&source_path)
        .unwrap_or_else(|e| panic!("{}: {e}", source_path.display()));
    inside_module_build::build(&wasm, &source).expect("the shipped module reads")
}

/// Fills the shell for one language: `<html lang>`, the head's title, description, language
/// alternates and site root, and the body. The English page lives one folder down, so its
/// asset URLs step up one level.
fn page(shell: &str, lang: Lang, body: &str) -> String {
    let text = |t: ui::Text| Html::text(t.get(lang)).into_string();
    let root = lang.root();
    let head = format!(
        "<title>{title}</title>\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <meta name=\"essay-root\" content=\"{root}\">\n\
         <link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"{root}\">\n\
         <link rel=\"alternate\" hreflang=\"en\" href=\"{root}en/\">\n\
         <link rel=\"alternate\" hreflang=\"x-default\" href=\"{root}\">\n",
        title = text(ui::TITLE),
        description = text(ui::DESCRIPTION),
    );
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
        .replacen("<!-- prerender:head -->", &head, 1)
        .replacen("<body></body>", &format!("<body>{body}</body>"), 1);
    assert!(html.contains(body), "the shell lost its <body></body>");
    html
}
