//! The essay's parts, in reading order: the opening, the contents, the six sections of the
//! article (one `ArticleSection` each), and the method with its sources. A section is its
//! paragraphs from `content/sections.toml`; the timelines, figures and widgets stand after the
//! paragraphs `content/` places them after.

mod contents;
mod intro;
mod method;

pub use contents::{Contents, ContentsList};
pub use intro::Intro;
pub use method::Method;

use crate::content::{ui, Era, Exhibit, Lang, Paragraph, ParagraphKind, Section, ESSAY};
use crate::fact_check::{SectionNotes, TimelineFigure};
use crate::figures::{
    DockerPieces, EraCompare, InsideModule, KernelSource, KubeletPath, ReleaseCadence,
    SyscallContrast, WhatShips, WhoBuilds,
};
use crate::prose;
use crate::widgets::{
    AsmjsVsWasm, Capabilities, HelloWasm, Inspector, LabSummary, Sandbox, SizeLadder, SpeedRace,
    StartupRace, Wasi,
};
use leptos::prelude::*;

/// A section of the article: its heading with the permalink, its paragraphs with what stands
/// after each, and the notes on the claims checked in it.
#[component]
pub fn ArticleSection(id: &'static str, lang: Lang) -> impl IntoView {
    let section = ESSAY.section(id);
    view! {
        <SectionFrame section lang>
            {paragraphs(section.paragraphs, lang)}
        </SectionFrame>
    }
}

/// A `<section>` with its permalink id and heading; the body comes from the caller, and the
/// notes on the claims checked in it close it.
#[component]
fn SectionFrame(section: &'static Section, lang: Lang, children: Children) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    view! {
        <section id=section.id class="essay-section" aria-labelledby=heading_id.clone()>
            <div class="section-head">
                <h2 id=heading_id.clone()>
                    <a class="permalink" href=format!("#{}", section.id)>{section.heading.get(lang)}</a>
                </h2>
                // Shown by reading.js, which copies the section's address and says so.
                <button
                    type="button"
                    class="copy-link"
                    // Seven buttons say "Copy link": each is told apart by its section's heading.
                    aria-describedby=heading_id.clone()
                    hidden
                    data-copy-link=format!("#{}", section.id)
                    data-copied=ui::LINK_COPIED.get(lang)
                >
                    {ui::COPY_LINK.get(lang)}
                </button>
                <span class="copy-status" role="status"></span>
            </div>
            {children()}
            <SectionNotes section lang />
        </section>
    }
}

/// Paragraphs in order. A run of paragraphs of one kind opens with a label that says whose
/// voice it is: the article's (retold) or the record's; a figure or widget between two
/// paragraphs ends a run. After each paragraph stand the timelines and then the exhibits that
/// `content/` places after it.
fn paragraphs(list: &'static [Paragraph], lang: Lang) -> impl IntoView {
    let mut previous = None;
    list.iter()
        .map(|p| {
            let voice = match p.kind {
                ParagraphKind::Retelling => Some(ui::THE_ARTICLE_SAYS),
                ParagraphKind::Record => Some(ui::THE_RECORD_SHOWS),
                ParagraphKind::Note => None,
            };
            let label = voice
                .filter(|_| previous != Some(p.kind))
                .map(|voice| view! { <span class="voice-label">{voice.get(lang)}</span> " " });
            previous = Some(p.kind);
            let class = match p.kind {
                ParagraphKind::Retelling => "para retelling",
                ParagraphKind::Record => "para record",
                ParagraphKind::Note => "para note",
            };
            let timelines = ESSAY
                .timelines()
                .iter()
                .filter(|t| t.after == p.id && t.figure.is_none())
                .map(|timeline| view! { <TimelineFigure timeline lang /> })
                .collect_view();
            let exhibits: Vec<AnyView> = ESSAY
                .exhibits_after(p.id)
                .map(|exhibit| show(exhibit, lang))
                .collect();
            if !exhibits.is_empty() {
                previous = None;
            }
            view! {
                <p id=p.id class=class>{label}{prose::render(p.text.get(lang), lang, p.id)}</p>
                {timelines}
                {exhibits}
            }
        })
        .collect_view()
}

/// Each exhibit's component. The match is exhaustive: an exhibit added to the content's list
/// without a component here does not build.
fn show(exhibit: Exhibit, lang: Lang) -> AnyView {
    match exhibit {
        Exhibit::WhatShips => view! { <WhatShips lang /> }.into_any(),
        Exhibit::ShipsPlatform => view! { <EraCompare era=Era::Platform lang /> }.into_any(),
        Exhibit::ShipsContainer => view! { <EraCompare era=Era::Container lang /> }.into_any(),
        Exhibit::ShipsModule => view! { <EraCompare era=Era::Module lang /> }.into_any(),
        Exhibit::WhoBuilds => view! { <WhoBuilds lang /> }.into_any(),
        Exhibit::KubeletPath => view! { <KubeletPath lang /> }.into_any(),
        Exhibit::K8sReleases => view! { <ReleaseCadence lang /> }.into_any(),
        Exhibit::DockerPieces => view! { <DockerPieces lang /> }.into_any(),
        Exhibit::AsmjsVsWasm => view! { <AsmjsVsWasm /> }.into_any(),
        Exhibit::StartupRace => view! { <StartupRace /> }.into_any(),
        Exhibit::SpeedRace => view! { <SpeedRace /> }.into_any(),
        Exhibit::KernelSource => view! { <KernelSource lang /> }.into_any(),
        Exhibit::HelloWasm => view! { <HelloWasm /> }.into_any(),
        Exhibit::SizeLadder => view! { <SizeLadder /> }.into_any(),
        Exhibit::LabSummary => view! { <LabSummary /> }.into_any(),
        Exhibit::SyscallContrast => view! { <SyscallContrast lang /> }.into_any(),
        Exhibit::Capabilities => view! { <Capabilities /> }.into_any(),
        Exhibit::Sandbox => view! { <Sandbox /> }.into_any(),
        Exhibit::InsideModule => view! { <InsideModule lang /> }.into_any(),
        Exhibit::Inspector => view! { <Inspector /> }.into_any(),
        Exhibit::Wasi => view! { <Wasi /> }.into_any(),
    }
}
