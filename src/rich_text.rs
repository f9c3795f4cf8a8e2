//! Renders a paragraph's inline pieces: plain text, quotations of the original, citations and
//! figures. Citation numbers follow the order of the bibliography in `content/sources.toml`.

use crate::content::{Basis, Inline, Lang, ESSAY};
use leptos::prelude::*;

pub fn render(pieces: &'static [Inline], lang: Lang) -> impl IntoView {
    pieces
        .iter()
        .map(|piece| match *piece {
            Inline::Plain(text) => text.into_any(),
            // The quoted words are Chinese on both pages; the English page says so to screen
            // readers and fonts through `lang`.
            Inline::Quote(words) => {
                let quote_lang = (lang == Lang::En).then_some("zh-Hans");
                view! { <q class="original" lang=quote_lang>{words}</q> }.into_any()
            }
            Inline::Cite(id) => citation(id, lang).into_any(),
            Inline::Figure(id) => figure(id, lang).into_any(),
        })
        .collect_view()
}

fn citation(id: &'static str, lang: Lang) -> impl IntoView {
    let (index, source) = ESSAY.source(id).expect("checked at build time");
    let number = index + 1;
    view! {
        <sup class="cite">
            <a href=format!("#source-{id}") title=source.title aria-label=format!("{} {number}", ESSAY.ui("source-of", lang))>
                {format!("[{number}]")}
            </a>
        </sup>
    }
}

fn figure(id: &'static str, lang: Lang) -> impl IntoView {
    let figure = ESSAY.figure(id).expect("checked at build time");
    let source = match figure.basis {
        Basis::Cited(source) => Some(source),
        Basis::MeasuredLive => None,
    };
    view! {
        <span class="figure" data-figure=id data-source=source>
            {figure.value}{figure.unit.get(lang)}
        </span>
    }
}
