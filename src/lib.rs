// The page composes many sections and widgets; their view type nests deeper than rustc's
// default limit allows.
#![recursion_limit = "256"]

//! An interactive essay that retells, fact-checks and tests a 2021 article about WebAssembly
//! and the cloud. The same components render natively (the prerender, the tests) and in the
//! browser (hydration); `browser.rs` and `wasm_host/` hold the only browser-specific code.
//!
//! Modules import only from the layers below them (`tests/tidy.rs` checks it):
//! content, stats, wasm_bytes → browser → wasm_host, text → fact_check → prose → figures,
//! widgets → sections, masthead → this file's `App`.

pub mod browser;
pub mod content;
mod fact_check;
pub mod figures;
mod masthead;
mod prose;
mod sections;
pub mod stats;
pub mod text;
pub mod wasm_bytes;
pub mod wasm_host;
mod widgets;

use content::{ui, Lang, ESSAY};
use leptos::prelude::*;

/// The whole page body for one language. It renders only at build time; in the browser the
/// islands inside it (the widgets, the language link) come alive on their own.
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    provide_context(lang);
    let article = ESSAY.sections().iter().filter(|s| s.in_article);
    let article = article
        .map(|s| view! { <sections::ArticleSection id=s.id lang /> })
        .collect_view();
    view! {
        <a class="skip-link" href="#text">{ui::SKIP_TO_TEXT.get(lang)}</a>
        <masthead::Masthead lang>
            <sections::ContentsList lang />
        </masthead::Masthead>
        <main id="text">
            <article class="essay">
                <sections::Intro lang />
                <sections::Contents lang />
                {article}
                <sections::Method lang />
            </article>
        </main>
        <footer class="site-footer">
            <p>{ui::FOOTER.get(lang)}</p>
        </footer>
    }
}
