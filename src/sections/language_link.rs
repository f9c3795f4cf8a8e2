use crate::browser;
use crate::content::ESSAY;
use leptos::prelude::*;

/// The link to the same essay in the other language. Without JavaScript it opens the other
/// page at the top; after hydration it keeps the reader's place (`#section`).
#[island]
pub fn LanguageLink() -> impl IntoView {
    let lang = crate::page_lang();
    let other = lang.other();
    let base = format!("{}{}", lang.root(), other.path());
    let href = RwSignal::new(base.clone());
    view! {
        <a
            class="language-link"
            href=move || href.get()
            hreflang=other.tag()
            lang=other.tag()
            aria-label=ESSAY.ui("other-language-label", lang)
            on:click=move |_| href.set(format!("{base}{}", browser::location_hash()))
        >
            {ESSAY.ui("other-language", lang)}
        </a>
    }
}
