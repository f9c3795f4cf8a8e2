//! The fact-check layer: a verdict marker beside every claim, its note, the notes repeated at
//! the end of each section, the scorecard, the index of claims by verdict, the bibliography
//! with back-links, and the timelines that set the article's dates beside the record's.
//! All of it is static HTML: notes open with the browser's own popover, without JavaScript.

mod bibliography;
mod claims_index;
mod marker;
mod scorecard;
mod section_notes;
mod timeline;

pub use bibliography::Bibliography;
pub use claims_index::ClaimsIndex;
pub use marker::ClaimMarker;
pub use scorecard::Scorecard;
pub use section_notes::SectionNotes;
pub use timeline::TimelineFigure;

use crate::content::{ui, Lang, Verdict};
use leptos::prelude::*;

/// A verdict as a badge: shape and word as well as colour.
fn verdict_badge(verdict: Verdict, lang: Lang) -> impl IntoView {
    view! {
        <span class="verdict-badge" data-verdict=verdict.name()>
            <span class="verdict-icon" aria-hidden="true">{verdict.icon()}</span>
            {verdict.label().get(lang)}
        </span>
    }
}

/// The button that closes a note (Escape and a click outside close it too).
fn close_button(note_id: String, lang: Lang) -> impl IntoView {
    view! {
        <button type="button" class="note-close" popovertarget=note_id popovertargetaction="hide">
            {ui::CLOSE.get(lang)}
        </button>
    }
}
