use crate::content::{ui, Lang, ESSAY};
use leptos::prelude::*;

/// A table of contents with the six sections' permalinks.
#[component]
pub fn Contents(lang: Lang) -> impl IntoView {
    let items = ESSAY
        .sections()
        .iter()
        .filter(|s| s.in_article || s.id == "method")
        .map(|s| view! { <li><a href=format!("#{}", s.id)>{s.heading.get(lang)}</a></li> })
        .collect_view();
    view! {
        <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading" class="contents-heading">{ui::CONTENTS.get(lang)}</h2>
            <ol>{items}</ol>
        </nav>
    }
}
