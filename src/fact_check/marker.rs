use super::close_button;
use super::verdict_badge;
use crate::content::{Claim, Lang, ESSAY};
use crate::rich_text::citations;
use leptos::prelude::*;

/// The marker beside a claim in the text, and its note. A `<button popovertarget>` and a
/// `<span popover>` are both phrasing content, so the paragraph stays one paragraph, and the
/// browser opens, closes (Escape, click outside) and focuses the note without JavaScript.
#[component]
pub fn ClaimMarker(claim: &'static Claim, lang: Lang) -> impl IntoView {
    let ui = move |key| ESSAY.ui(key, lang);
    let note_id = format!("note-{}", claim.id);
    let verdict = claim.verdict;
    view! {
        <button
            type="button"
            class="verdict-marker"
            data-claim=claim.id
            data-verdict=verdict.name()
            popovertarget=note_id.clone()
        >
            <span class="visually-hidden">{ui("fact-check")}" "</span>
            <span class="verdict-icon" aria-hidden="true">{verdict.icon()}</span>
            {ui(verdict.label_key())}
        </button>
        <span popover="auto" id=note_id.clone() class="claim-note" data-verdict=verdict.name()>
            {note_body(claim, lang, None)}
            {close_button(note_id.clone(), lang)}
        </span>
    }
}

/// What a note says: the verdict, the claim as the article states it, the correction and the
/// sources. Used in the popover and again in the notes at the end of the section; `anchor_place`
/// gives the latter's citations the ids the bibliography links back to.
pub fn note_body(
    claim: &'static Claim,
    lang: Lang,
    anchor_place: Option<&'static str>,
) -> impl IntoView {
    let ui = move |key| ESSAY.ui(key, lang);
    view! {
        <span class="note-line">{verdict_badge(claim.verdict, lang)}</span>
        <span class="note-line note-claim">
            <span class="note-label">{ui("the-article-says")}" "</span>
            {claim.claim.get(lang)}
        </span>
        <span class="note-line note-correction">{claim.correction.get(lang)}</span>
        <span class="note-line note-sources">
            <span class="note-label">{ui("sources")}" "</span>
            {citations(claim.sources, lang, anchor_place)}
        </span>
    }
}
