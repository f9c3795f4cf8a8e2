use super::verdict_badge;
use crate::content::{ui, Lang, Verdict, ESSAY};
use leptos::prelude::*;

/// How the article fares, counted from the claims data: one count per verdict, each linking
/// to its claims in the index, and a bar whose parts are those counts.
#[component]
pub fn Scorecard(lang: Lang) -> impl IntoView {
    let total = ESSAY.claims().len();
    let count = |v: Verdict| ESSAY.claims().iter().filter(|c| c.verdict == v).count();
    let tiles = Verdict::ALL
        .iter()
        .map(|&v| {
            view! {
                <li>
                    <a href=format!("#verdict-{}", v.name()) data-verdict=v.name() data-count=count(v)>
                        <span class="score-count">{count(v)}</span>
                        {verdict_badge(v, lang)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let bar = Verdict::ALL
        .iter()
        .map(|&v| {
            let share = 100.0 * count(v) as f64 / total.max(1) as f64;
            view! { <span data-verdict=v.name() style=format!("flex-grow: {share:.3}")></span> }
        })
        .collect_view();
    view! {
        <aside class="scorecard" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading" class="scorecard-heading">
                {ui::ScorecardTitle { n: &total }.get(lang)}
            </h2>
            <ul class="scorecard-tiles">{tiles}</ul>
            <div class="scorecard-bar" aria-hidden="true">{bar}</div>
            <p class="scorecard-how">{ui::SCORECARD_HOW.get(lang)}</p>
        </aside>
    }
}
