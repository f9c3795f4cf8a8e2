use crate::content::{Lang, ESSAY};
use crate::fact_check::Scorecard;
use leptos::prelude::*;

/// The title, the credit to the original, our opening, and how the article fares.
#[component]
pub fn Intro(lang: Lang) -> impl IntoView {
    let ui = move |key| ESSAY.ui(key, lang);
    let section = ESSAY.section("opening");
    view! {
        <header class="essay-header">
            <p class="kicker">{ui("kicker")}</p>
            <h1>{ui("title")}</h1>
            <p class="byline">{ui("byline")}</p>
        </header>
        <section id=section.id class="essay-section opening" aria-label=section.heading.get(lang)>
            {super::paragraphs(section.paragraphs, lang)}
        </section>
        <Scorecard lang />
    }
}
