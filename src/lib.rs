// The WebAssembly section composes many widgets and paragraphs; their view type nests deeper
// than rustc's default limit allows.
#![recursion_limit = "256"]

//! An interactive essay that retells, fact-checks and tests a 2021 article about WebAssembly
//! and the cloud. The same components render natively (the prerender, the tests) and in the
//! browser (hydration); see `browser.rs` and `wasm_host.rs` for the only browser-specific code.

pub mod browser;
pub mod content;
mod fact_check;
pub mod html;
#[cfg(feature = "ssr")]
pub mod inside_module_build;
pub mod inspection;
pub mod lab_results;
mod rich_text;
mod sections;
pub mod stats;
pub mod wasm_bytes;
pub mod wasm_host;
mod widgets;

pub use widgets::{InsideModuleHtml, INSIDE_MODULE};

use content::{Lang, ESSAY};
use leptos::prelude::*;

/// The whole page body for one language. It renders only at build time; in the browser the
/// islands inside it (the widgets, the language link) come alive on their own.
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    provide_context(lang);
    let ui = move |key| ESSAY.ui(key, lang);
    view! {
        <a class="skip-link" href="#text">{ui("skip-to-text")}</a>
        <header class="masthead">
            <nav class="masthead-nav" aria-label=ui("contents")>
                <span class="masthead-title">{ui("short-title")}</span>
                <sections::LanguageLink />
            </nav>
        </header>
        <main id="text">
            <article class="essay">
                <sections::Intro lang />
                <sections::Contents lang />
                <sections::Openstack lang />
                <sections::CloudFoundry lang />
                <sections::Docker lang />
                <sections::Mozilla lang />
                <sections::Webassembly lang />
                <sections::Epilogue lang />
                <sections::Method lang />
            </article>
        </main>
        <footer class="site-footer">
            <p>{ui("footer")}</p>
        </footer>
    }
}

/// The page's language inside an island: given by `App` at build time, read from
/// `<html lang>` in the browser (islands start without the App around them).
pub fn page_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(browser::document_lang)
}
