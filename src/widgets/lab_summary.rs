use super::lab_results::RESULTS;
use crate::content::{fig, ui, Lang};
use crate::stats::{fixed, grouped, readable, times_as_fast};
use crate::text::{page_lang, prerendered};
use leptos::prelude::*;

/// What the reader's own measurements say, in a sentence: filled in from the lab's widgets,
/// never typed in. Until they have run, it says what it will say.
#[island]
pub fn LabSummary() -> impl IntoView {
    let lang = page_lang();
    // The gap belongs to the text: an empty text node of its own would render as a space.
    // Until both have run it says what it will say: written by the prerender only, as the
    // page never goes back to it once results have come.
    let text = move || match summary(lang) {
        Some(sentence) => format!("{}{sentence}", lang.sentence_gap()),
        None => prerendered(|| format!("{}{}", lang.sentence_gap(), ui::SUMMARY_IDLE.get(lang))),
    };
    let startup = move || RESULTS.with(|r| r.startup.map(|(_, us)| us));
    let ratio = move || RESULTS.with(|r| r.speed_ratio);
    view! {
        <p
            class="lab-summary"
            data-widget="lab-summary"
            data-state=move || if startup().is_some() && ratio().is_some() { "done" } else { "idle" }
            data-startup=move || startup().map(|us| fixed(us, 3))
            data-ratio=move || ratio().map(|r| fixed(r, 4))
            aria-live="polite"
        >
            <strong>{prerendered(|| ui::SUMMARY_LEAD.get(lang))}</strong>{text}
        </p>
    }
}

fn summary(lang: Lang) -> Option<String> {
    let (startup, ratio) = RESULTS.with(|r| (r.startup, r.speed_ratio));
    let mut parts = Vec::new();
    if let Some((file, us)) = startup {
        let ssd = fig::CONTAINER_START_SSD.number * 1e3;
        let hdd = fig::CONTAINER_START_HDD.number * 1e3;
        let sentence = ui::SummaryStartup {
            file: &file,
            us: &readable(us),
            low: &grouped(ssd / us),
            high: &grouped(hdd / us),
        };
        parts.push(sentence.get(lang));
    }
    if let Some(ratio) = ratio {
        let times = &times_as_fast(ratio);
        parts.push(match ratio >= 1.0 {
            true => ui::SummaryFaster { ratio: times }.get(lang),
            false => ui::SummarySlower { ratio: times }.get(lang),
        });
    }
    if parts.is_empty() {
        return None;
    }
    parts.push(ui::SUMMARY_MORAL.get(lang).to_owned());
    Some(parts.join(lang.sentence_gap()))
}
