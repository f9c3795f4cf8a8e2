use crate::content::{Lang, ESSAY};
use leptos::prelude::*;

/// How the essay was made, then the numbered list of every source.
#[component]
pub fn Method(lang: Lang) -> impl IntoView {
    let section = ESSAY.section("method");
    let ui = move |key| ESSAY.ui(key, lang);
    let entries = ESSAY
        .sources()
        .iter()
        .map(|s| {
            let link = match s.url {
                Some(url) => view! { <a href=url>{url}</a> }.into_any(),
                None => view! { <span class="no-link">{ui("no-link")}</span> }.into_any(),
            };
            let date = (!s.date.is_empty()).then(|| format!(" ({})", s.date));
            view! {
                <li id=format!("source-{}", s.id)>
                    <cite lang=s.title_lang()>{s.title}</cite>". "{s.publisher}{date}". "{link}
                </li>
            }
        })
        .collect_view();
    view! {
        <super::SectionFrame section lang>
            {super::paragraphs(section.paragraphs, lang)}
            <h3 id="sources-heading">{ui("sources")}</h3>
            <ol class="bibliography" aria-labelledby="sources-heading">{entries}</ol>
        </super::SectionFrame>
    }
}
