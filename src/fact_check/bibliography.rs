use crate::content::{ui, Lang, ESSAY};
use leptos::prelude::*;

/// Every source, numbered in the order of first citation, with its link where it has one and
/// links back to each section that cites it.
#[component]
pub fn Bibliography(lang: Lang) -> impl IntoView {
    let entries = ESSAY
        .sources()
        .iter()
        .map(|s| {
            let link = match s.url {
                Some(url) => view! { <a href=url>{host(url)}</a> }.into_any(),
                None => view! { <span class="no-link">{ui::NO_LINK.get(lang)}</span> }.into_any(),
            };
            let date = (!s.date.is_empty()).then(|| format!(" ({})", s.date));
            // On the English page, a Chinese title is followed by its one English rendering.
            let rendering = s
                .title_en
                .filter(|_| lang == Lang::En)
                .map(|t| format!(" (“{t}”)"));
            // One link back per section is enough to find the citation.
            let back = ESSAY
                .back_links(s.id)
                .into_iter()
                .map(|(anchor, section)| {
                    view! { " " <a class="back-link" href=format!("#{anchor}")>"↩ "{section.heading.get(lang)}</a> }
                })
                .collect_view();
            view! {
                <li id=format!("source-{}", s.id)>
                    <cite lang=s.title_lang()>{s.title}</cite>{rendering}". "{s.publisher}{date}". "{link}
                    <span class="back-links">
                        <span class="visually-hidden">{ui::CITED_IN.get(lang)}</span>
                        {back}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3 id="sources-heading">{ui::SOURCES.get(lang)}</h3>
        <ol class="bibliography" aria-labelledby="sources-heading">{entries}</ol>
    }
}

/// The host a source's link goes to (`github.com`), its text on screen: the title before it
/// says what the page is, and a phone has no room for whole addresses. Paper, where a link
/// cannot be followed, prints the whole address (style/print.css).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::host;

    #[test]
    fn a_link_reads_as_its_host() {
        assert_eq!(
            host("https://github.com/v8/v8.dev/blob/main/x.md"),
            "github.com"
        );
        assert_eq!(host("https://www.infoq.com/news/2019/"), "infoq.com");
        assert_eq!(host("https://web.dev"), "web.dev");
    }
}
