use crate::content::{Lang, ESSAY};
use crate::widgets::{
    Capabilities, HelloWasm, InsideModule, Inspector, LabSummary, Sandbox, SizeLadder, SpeedRace,
    StartupRace, Wasi,
};
use leptos::prelude::*;

use super::kernel_source::KernelSource;
use super::syscall_contrast::SyscallContrast;

/// The section where the article makes its three big claims; the lab that tests them sits
/// beside the paragraphs that discuss them: start-up and speed after the paragraph on speed,
/// sizes after the paragraph on size, then what the reader's own measurements say; the sandbox
/// lab after the paragraphs on safety, and the WASI module after the one on WASI.
#[component]
pub fn Webassembly(lang: Lang) -> impl IntoView {
    let section = ESSAY.section("webassembly");
    let after = |id: &str| {
        let found = section.paragraphs.iter().position(|p| p.id == id);
        found.map_or(section.paragraphs.len(), |i| i + 1)
    };
    let speed_at = after("webassembly-lab");
    let size_at = after("webassembly-5");
    let sandbox_at = after("webassembly-sandbox");
    let inside_at = after("webassembly-inside");
    let wasi_at = after("webassembly-wasi");
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
            {super::paragraphs(&text[size_at..sandbox_at], lang)}
            <SyscallContrast lang />
            <Capabilities />
            <Sandbox />
            {super::paragraphs(&text[sandbox_at..inside_at], lang)}
            <InsideModule lang />
            <Inspector />
            {super::paragraphs(&text[inside_at..wasi_at], lang)}
            <Wasi />
            {super::paragraphs(&text[wasi_at..], lang)}
        </super::SectionFrame>
    }
}
