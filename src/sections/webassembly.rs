use crate::content::{Lang, ESSAY};
use crate::widgets::HelloWasm;
use leptos::prelude::*;

/// The section where the article makes its three big claims; the widgets that test them sit
/// beside the paragraphs that discuss them.
#[component]
pub fn Webassembly(lang: Lang) -> impl IntoView {
    let section = ESSAY.section("webassembly");
    // The first module appears right after the paragraph about size, which it illustrates.
    let split = section
        .paragraphs
        .iter()
        .position(|p| p.id == "webassembly-5")
        .map_or(section.paragraphs.len(), |i| i + 1);
    let (before, after) = section.paragraphs.split_at(split);
    view! {
        <super::SectionFrame section lang>
            {super::paragraphs(before, lang)}
            <HelloWasm />
            {super::paragraphs(after, lang)}
        </super::SectionFrame>
    }
}
