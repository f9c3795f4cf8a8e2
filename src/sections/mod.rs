//! One component per part of the essay, in reading order. Sections compose widgets and never
//! reach into them; the shared pieces below keep every section's markup the same.

mod cloud_foundry;
mod contents;
mod docker;
mod epilogue;
mod intro;
mod kernel_source;
mod language_link;
mod method;
mod mozilla;
mod openstack;
mod syscall_contrast;
mod webassembly;

pub use cloud_foundry::CloudFoundry;
pub use contents::Contents;
pub use docker::Docker;
pub use epilogue::Epilogue;
pub use intro::Intro;
pub use language_link::LanguageLink;
pub use method::Method;
pub use mozilla::Mozilla;
pub use openstack::Openstack;
pub use webassembly::Webassembly;

use crate::content::{Lang, Paragraph, ParagraphKind, Section, ESSAY};
use crate::fact_check::{SectionNotes, TimelineFigure};
use crate::rich_text;
use leptos::prelude::*;

/// A `<section>` with its permalink id and heading; the body comes from the caller, and the
/// notes on the claims checked in it close it.
#[component]
fn SectionFrame(section: &'static Section, lang: Lang, children: Children) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    view! {
        <section id=section.id class="essay-section" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>
                <a class="permalink" href=format!("#{}", section.id)>{section.heading.get(lang)}</a>
            </h2>
            {children()}
            <SectionNotes section lang />
        </section>
    }
}

/// Paragraphs in order. A run of paragraphs of one kind opens with a label that says whose
/// voice it is: the article's (retold) or the record's. A timeline follows the paragraph its
/// data names.
fn paragraphs(list: &'static [Paragraph], lang: Lang) -> impl IntoView {
    let mut previous = None;
    list.iter()
        .map(|p| {
            let label_key = match p.kind {
                ParagraphKind::Retelling => Some("the-article-says"),
                ParagraphKind::Record => Some("the-record-shows"),
                ParagraphKind::Note => None,
            };
            let label = label_key
                .filter(|_| previous != Some(p.kind))
                .map(|key| view! { <span class="voice-label">{ESSAY.ui(key, lang)}</span> " " });
            previous = Some(p.kind);
            let class = match p.kind {
                ParagraphKind::Retelling => "para retelling",
                ParagraphKind::Record => "para record",
                ParagraphKind::Note => "para note",
            };
            let timelines = ESSAY
                .timelines()
                .iter()
                .filter(|t| t.after == p.id)
                .map(|timeline| view! { <TimelineFigure timeline lang /> })
                .collect_view();
            view! {
                <p id=p.id class=class>{label}{rich_text::render(p.text.get(lang), lang, p.id)}</p>
                {timelines}
            }
        })
        .collect_view()
}

/// A section of the article with nothing but its paragraphs.
fn plain_article_section(id: &'static str, lang: Lang) -> impl IntoView {
    let section = ESSAY.section(id);
    view! {
        <SectionFrame section lang>
            {paragraphs(section.paragraphs, lang)}
        </SectionFrame>
    }
}
