use super::verdict_badge;
use crate::content::{ui, Lang, Verdict, ESSAY};
use leptos::prelude::*;

/// Every claim grouped by verdict, each linking to its note at the end of its section. The
/// scorecard's counts link here.
#[component]
pub fn ClaimsIndex(lang: Lang) -> impl IntoView {
    let groups = Verdict::ALL
        .iter()
        .map(|&v| {
            let items = ESSAY
                .claims()
                .iter()
                .filter(|c| c.verdict == v)
                .map(|c| view! { <li><a href=format!("#claim-{}", c.id)>{c.claim.get(lang)}</a></li> })
                .collect_view();
            view! {
                <h4 id=format!("verdict-{}", v.name())>{verdict_badge(v, lang)}</h4>
                <ul>{items}</ul>
            }
        })
        .collect_view();
    view! {
        <div class="claims-index" id="claims-index">
            <h3>{ui::CLAIMS_INDEX.get(lang)}</h3>
            {groups}
        </div>
    }
}
