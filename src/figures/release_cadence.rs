use crate::content::{ui, Lang, ESSAY};
use crate::text::citations;
use leptos::prelude::*;

/// The year from which Kubernetes plans three releases a year (KEP-2572, content/sections.toml).
const THREE_A_YEAR_FROM: u16 = 2021;

/// The article's release claim as data: every Kubernetes minor release, one block each, in
/// the year it came out, from the project's release history (the `k8s-releases` timeline in
/// content/timelines.toml). Each year's row says its count; the years planned at three a year
/// are marked. Drawn once, by the prerender; a screen reader gets each year as a list item with
/// its releases and their dates.
#[component]
pub fn ReleaseCadence(lang: Lang) -> impl IntoView {
    let timeline = ESSAY
        .timelines_in("k8s-releases")
        .next()
        .expect("content/timelines.toml has the k8s-releases data");
    let years = (timeline.from..=timeline.to)
        .map(|year| {
            let releases: Vec<_> = timeline
                .events
                .iter()
                .filter(|e| e.record.year == year)
                .collect();
            let count = releases.len();
            let blocks = releases
                .into_iter()
                .map(|e| {
                    view! {
                        <li class="release">
                            {e.label.get(lang)}
                            <span class="visually-hidden">" ("{e.record.format(lang)}")"</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="release-year" data-year=year data-count=count
                    data-three-a-year=(year >= THREE_A_YEAR_FROM).to_string()>
                    <span class="release-year-label">{year}</span>
                    <span class="release-count">{ui::ReleasesInYear { n: &count }.get(lang)}</span>
                    <ol class="release-blocks">{blocks}</ol>
                </li>
            }
        })
        .collect_view();
    // Each source once, in the order the releases cite them: the order of their numbers.
    let mut sources: Vec<&str> = Vec::new();
    for id in timeline
        .events
        .iter()
        .flat_map(|e| e.sources.iter().copied())
    {
        if !sources.contains(&id) {
            sources.push(id);
        }
    }
    let title_id = format!("{}-title", timeline.id);
    view! {
        <figure class="widget k8s-releases" data-widget="k8s-releases" data-state="done"
            id=timeline.id aria-labelledby=title_id.clone()>
            <figcaption id=title_id.clone() class="widget-title">{timeline.title.get(lang)}</figcaption>
            <p class="widget-method">{ui::RELEASES_HOW.get(lang)}</p>
            <ol class="release-years">{years}</ol>
            <p class="release-change">
                {ui::RELEASES_CHANGE.get(lang)}
                {citations(&["k8s-cadence"], lang, None).into_view()}
            </p>
            <p class="widget-method">
                {ui::SOURCES.get(lang)}" "{citations(&sources, lang, None).into_view()}
            </p>
        </figure>
    }
}
