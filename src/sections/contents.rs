use crate::content::{ui, Lang, ESSAY};
use leptos::prelude::*;

/// The table of contents at the top of the essay. On a wide screen it stands beside the text
/// all the way down (CSS); `reading.js` marks the section in view with `aria-current`.
#[component]
pub fn Contents(lang: Lang) -> impl IntoView {
    view! {
        <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading" class="contents-heading">{ui::CONTENTS.get(lang)}</h2>
            <ContentsList lang />
        </nav>
    }
}

/// The six sections' permalinks and the method's: the contents at the top of the essay, and
/// the masthead's menu.
#[component]
pub fn ContentsList(lang: Lang) -> impl IntoView {
    let items = ESSAY
        .sections()
        .iter()
        .filter(|s| s.in_article || s.id == "method")
        .map(|s| view! { <li><a href=format!("#{}", s.id)>{s.heading.get(lang)}</a></li> })
        .collect_view();
    view! { <ol>{items}</ol> }
}
