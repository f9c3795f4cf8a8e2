use crate::content::{Lang, ESSAY};
use crate::widgets::{HelloWasm, LabSummary, SizeLadder, SpeedRace, StartupRace};
use leptos::prelude::*;

use super::kernel_source::KernelSource;

/// The section where the article makes its three big claims; the lab that tests them sits
/// beside the paragraphs that discuss them: start-up and speed after the paragraph on speed,
/// sizes after the paragraph on size, then what the reader's own measurements say.
#[component]
pub fn Webassembly(lang: Lang) -> impl IntoView {
    let section = ESSAY.section("webassembly");
    let after = |id: &str| {
        let found = section.paragraphs.iter().position(|p| p.id == id);
        found.map_or(section.paragraphs.len(), |i| i + 1)
    };
    let (speed_at, size_at) = (after("webassembly-lab"), after("webassembly-5"));
    let text = section.paragraphs;
    view! {
        <super::SectionFrame section lang>
            {super::paragraphs(&text[..speed_at], lang)}
            <StartupRace />
            <SpeedRace />
            <KernelSource lang />
            {super::paragraphs(&text[speed_at..size_at], lang)}
            <HelloWasm />
            <SizeLadder />
            <LabSummary />
            {super::paragraphs(&text[size_at..], lang)}
        </super::SectionFrame>
    }
}
