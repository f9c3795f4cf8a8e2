use super::marker::note_body;
use crate::content::{ui, Lang, Section, ESSAY};
use leptos::prelude::*;

/// The section's claims again, numbered, at its end: they print, and read in order without
/// opening anything. Each is the target of the claims index and of bibliography back-links.
#[component]
pub fn SectionNotes(section: &'static Section, lang: Lang) -> impl IntoView {
    let claims = ESSAY.claims_in(section);
    let heading_id = format!("{}-notes", section.id);
    (!claims.is_empty()).then(|| {
        let items = claims
            .into_iter()
            .map(|claim| {
                view! {
                    <li id=format!("claim-{}", claim.id) data-verdict=claim.verdict.name()>
                        {note_body(claim, lang, Some(claim.id))}
                    </li>
                }
            })
            .collect_view();
        // Named by its heading and its section's, so that each section's notes are a
        // landmark of their own to a screen reader, not six alike.
        let label = format!("{heading_id} {}-heading", section.id);
        view! {
            <aside class="section-notes" aria-labelledby=label>
                <h3 id=heading_id.clone()>{ui::SECTION_NOTES.get(lang)}</h3>
                <ol>{items}</ol>
            </aside>
        }
    })
}
