//! Renders a paragraph's inline pieces: plain text, quotations, citations, figures and claim
//! markers. Citation numbers are the sources' places in the bibliography (first-citation order).

use crate::content::{cite_anchor, Inline, Lang, ESSAY};
use crate::fact_check::ClaimMarker;
use leptos::prelude::*;

/// `place` is the id of the paragraph (or note) being rendered: the first citation of each
/// source in it gets an anchor the bibliography links back to.
pub fn render(pieces: &'static [Inline], lang: Lang, place: &'static str) -> impl IntoView {
    let mut anchored: Vec<&str> = Vec::new();
    pieces
        .iter()
        .map(|piece| match *piece {
            Inline::Plain(text) => text.into_any(),
            // Quotations carry their language, so fonts and screen readers follow it.
            Inline::Quote(words) => {
                let quote_lang = (lang == Lang::En).then_some(Lang::Zh.tag());
                view! { <q class="original" lang=quote_lang>{words}</q> }.into_any()
            }
            Inline::EnglishQuote(words) => {
                let quote_lang = (lang == Lang::Zh).then_some(Lang::En.tag());
                view! { <q class="quotation" lang=quote_lang>{words}</q> }.into_any()
            }
            Inline::Cite(id) => {
                let first = !anchored.contains(&id);
                anchored.push(id);
                citation(id, lang, first.then(|| cite_anchor(place, id))).into_any()
            }
            Inline::Figure(id) => figure(id, lang).into_any(),
            Inline::Claim(id) => view! { <ClaimMarker claim=ESSAY.claim(id) lang /> }.into_any(),
        })
        .collect_view()
}

/// A numbered link to a source in the bibliography, with an id when the bibliography links back.
pub fn citation(id: &'static str, lang: Lang, anchor: Option<String>) -> impl IntoView {
    let (index, source) = ESSAY.source(id).expect("checked at build time");
    let number = index + 1;
    view! {
        <sup class="cite" id=anchor>
            <a
                href=format!("#source-{id}")
                title=source.title
                aria-label=format!("{} {number}", ESSAY.ui("source-of", lang))
            >
                {format!("[{number}]")}
            </a>
        </sup>
    }
}

/// Numbered citations of several sources, as in a claim's note or a timeline event.
pub fn citations(ids: &'static [&'static str], lang: Lang, place: Option<&str>) -> impl IntoView {
    ids.iter()
        .map(|id| citation(id, lang, place.map(|p| cite_anchor(p, id))))
        .collect_view()
}

fn figure(id: &'static str, lang: Lang) -> impl IntoView {
    let figure = ESSAY.figure(id).expect("checked at build time");
    view! {
        <span class="figure" data-figure=id data-source=figure.source()>
            // One text node: an empty unit would otherwise render as a space.
            {format!("{}{}", figure.value, figure.unit.get(lang))}
        </span>
    }
}
