//! The bar at the top of the page: the short title and the link to the other language.

use crate::browser;
use crate::content::{ui, Lang};
use crate::text::page_lang;
use leptos::prelude::*;

#[component]
pub fn Masthead(lang: Lang) -> impl IntoView {
    view! {
        <header class="masthead">
            <nav class="masthead-nav" aria-label=ui::CONTENTS.get(lang)>
                <span class="masthead-title">{ui::SHORT_TITLE.get(lang)}</span>
                <LanguageLink />
            </nav>
        </header>
    }
}

/// The link to the same essay in the other language. Without JavaScript it opens the other
/// page at the top; after hydration it keeps the reader's place (`#section`).
#[island]
pub fn LanguageLink() -> impl IntoView {
    let lang = page_lang();
    let other = lang.other();
    let base = format!("{}{}", lang.root(), other.path());
    let href = RwSignal::new(base.clone());
    view! {
        <a
            class="language-link"
            href=move || href.get()
            hreflang=other.tag()
            lang=other.tag()
            aria-label=ui::OTHER_LANGUAGE_LABEL.get(lang)
            on:click=move |_| href.set(format!("{base}{}", browser::location_hash()))
        >
            {ui::OTHER_LANGUAGE.get(lang)}
        </a>
    }
}
