//! Renders the essay's running text, a paragraph's or a figure's step's, from its inline
//! pieces: plain text, quotations, citations, figures and claim markers. Citation numbers are
//! the sources' places in the bibliography (first-citation order).

use crate::content::{cite_anchor, Inline, Lang, ESSAY};
use crate::fact_check::ClaimMarker;
use crate::text::{citation, figure_text};
use leptos::prelude::*;

/// `place` is the id of the paragraph being rendered: the first citation of each source in it
/// gets an anchor the bibliography links back to.
pub fn render(pieces: &'static [Inline], lang: Lang, place: &str) -> impl IntoView {
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
                let anchor = first.then(|| cite_anchor(place, id));
                citation(id, lang, anchor.as_deref()).into_view().into_any()
            }
            Inline::Figure(id) => {
                let figure = ESSAY.figure(id).expect("checked at build time");
                // One text node: an empty unit would otherwise render as a space. (Its source is
                // the citation that follows it in the text.)
                view! { <span class="figure">{figure_text(figure, lang)}</span> }.into_any()
            }
            Inline::Claim(id) => view! { <ClaimMarker claim=ESSAY.claim(id) lang /> }.into_any(),
        })
        .collect_view()
}
