use crate::content::{ui, Lang, ESSAY};
use crate::fact_check::Scorecard;
use leptos::prelude::*;

/// The title, the credit to the original, our opening, and how the article fares.
#[component]
pub fn Intro(lang: Lang) -> impl IntoView {
    let text = move |t: ui::Text| t.get(lang);
    let section = ESSAY.section("opening");
    view! {
        <header class="essay-header">
            <p class="kicker">{text(ui::KICKER)}</p>
            <h1>{text(ui::TITLE)}</h1>
            <p class="byline">{text(ui::BYLINE)}</p>
        </header>
        <section id=section.id class="essay-section opening" aria-label=section.heading.get(lang)>
            {super::paragraphs(section.paragraphs, lang)}
        </section>
        <Scorecard lang />
    }
}
