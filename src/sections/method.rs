use crate::content::{Lang, ESSAY};
use crate::fact_check::{Bibliography, ClaimsIndex};
use leptos::prelude::*;

/// How the essay was made, every claim by verdict, then the numbered list of every source.
#[component]
pub fn Method(lang: Lang) -> impl IntoView {
    let section = ESSAY.section("method");
    view! {
        <super::SectionFrame section lang>
            {super::paragraphs(section.paragraphs, lang)}
            <ClaimsIndex lang />
            <Bibliography lang />
        </super::SectionFrame>
    }
}
