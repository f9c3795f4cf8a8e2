use super::close_button;
use super::verdict_badge;
use crate::content::{ui, Claim, Lang};
use crate::text::citations;
use leptos::prelude::*;

/// The marker beside a claim in the text, and its note. A `<button popovertarget>` and a
/// `<span popover>` are both phrasing content, so the paragraph stays one paragraph, and the
/// browser opens, closes (Escape, click outside) and focuses the note without JavaScript.
#[component]
pub fn ClaimMarker(claim: &'static Claim, lang: Lang) -> impl IntoView {
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
            <span class="visually-hidden">{ui::FACT_CHECK.get(lang)}" "</span>
            <span class="verdict-icon" aria-hidden="true">{verdict.icon()}</span>
            {verdict.label().get(lang)}
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
    view! {
        <span class="note-line">{verdict_badge(claim.verdict, lang)}</span>
        <span class="note-line note-claim">
            <span class="note-label">{ui::THE_ARTICLE_SAYS.get(lang)}" "</span>
            {claim.claim.get(lang)}
        </span>
        <span class="note-line note-correction">{claim.correction.get(lang)}</span>
        <span class="note-line note-sources">
            <span class="note-label">{ui::SOURCES.get(lang)}" "</span>
            {citations(claim.sources, lang, anchor_place).into_view()}
        </span>
    }
}
