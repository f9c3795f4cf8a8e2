use crate::content::{Lang, ESSAY};
use crate::lab_results::RESULTS;
use crate::stats::{fixed, grouped, readable};
use leptos::prelude::*;

/// What the reader's own measurements say, in a sentence: filled in from the lab's widgets,
/// never typed in. Until they have run, it says what it will say.
#[island]
pub fn LabSummary() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    // The gap belongs to the text: an empty text node of its own would render as a space.
    let text = move || {
        let sentence = summary(lang).unwrap_or_else(|| ui("summary-idle").to_owned());
        format!("{}{sentence}", lang.sentence_gap())
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
            <strong>{ui("summary-lead")}</strong>{text}
        </p>
    }
}

fn summary(lang: Lang) -> Option<String> {
    let ui = |key| ESSAY.ui(key, lang);
    let (startup, ratio) = RESULTS.with(|r| (r.startup, r.speed_ratio));
    let mut parts = Vec::new();
    if let Some((file, us)) = startup {
        let ssd = ESSAY.figure("container-start-ssd")?.number * 1e3;
        let hdd = ESSAY.figure("container-start-hdd")?.number * 1e3;
        parts.push(
            ui("summary-startup")
                .replace("{file}", file)
                .replace("{us}", &readable(us))
                .replace("{low}", &grouped(ssd / us))
                .replace("{high}", &grouped(hdd / us)),
        );
    }
    if let Some(ratio) = ratio {
        let key = if ratio >= 1.0 {
            "summary-faster"
        } else {
            "summary-slower"
        };
        let shown = if ratio >= 1.0 { ratio } else { 1.0 / ratio };
        parts.push(ui(key).replace("{ratio}", &readable(shown)));
    }
    if parts.is_empty() {
        return None;
    }
    parts.push(ui("summary-moral").to_owned());
    Some(parts.join(lang.sentence_gap()))
}
