//! The text primitives every figure, widget and section builds on: HTML as escaped text, the
//! one way a citation is written, the one way a cited number is written, and the page's
//! language. Above `content`, below everything that draws.

pub mod html;

use crate::content::{cite_anchor, ui, Basis, Figure, Lang, ESSAY};
use html::Html;

/// Text that only the prerender writes: static text inside an island (a widget's title, its
/// method, its idle sentence). Hydration walks past a text node the server wrote without
/// reading it (tachys sets a node's text only when it renders on the client), so the browser
/// build skips the text and its strings never reach the Wasm.
/// Only for text that is never drawn again on the client.
pub fn prerendered<S: Default>(text: impl FnOnce() -> S) -> S {
    #[cfg(feature = "ssr")]
    return text();
    #[cfg(not(feature = "ssr"))]
    {
        let _ = text;
        S::default()
    }
}

/// A numbered link to a source in the bibliography, named for screen readers ("source 3"),
/// with an id where the bibliography links back. (No `title` tooltip: the number leads to the
/// entry, and a title on every citation cost each page and the app's Wasm a kilobyte or more.)
/// The essay's text and the notes cite through this (the lab, through `figure_citation`, which
/// knows its number without looking it up). An unknown id writes nothing
/// (the content's ids are checked at build time; the code's by the page tests, which resolve
/// every citation).
pub fn citation(id: &str, lang: Lang, anchor: Option<&str>) -> Html {
    // An anchor only where the bibliography links back: an id nothing points to is bytes for
    // nothing (81 of 184 on a page were).
    let linked = |anchor: &&str| ESSAY.back_links(id).iter().any(|(a, _)| a == anchor);
    match ESSAY.cited(id) {
        Some(index) => numbered_citation(id, index + 1, lang, anchor.filter(linked)),
        None => Html::default(),
    }
}

/// The citation of source `id`, number `number` in the bibliography.
fn numbered_citation(id: &str, number: usize, lang: Lang, anchor: Option<&str>) -> Html {
    let number = number.to_string();
    let link = Html::element(
        "a",
        &[
            ("href", &format!("#source-{id}")),
            (
                "aria-label",
                &format!("{} {number}", ui::SOURCE_OF.get(lang)),
            ),
        ],
        Html::text(&format!("[{number}]")),
    );
    match anchor {
        Some(anchor) => Html::element("sup", &[("class", "cite"), ("id", anchor)], link),
        None => Html::element("sup", &[("class", "cite")], link),
    }
}

/// Numbered citations of several sources, as in a claim's note or a timeline event; with a
/// `place`, each gets the anchor the bibliography links back to.
pub fn citations(ids: &[&str], lang: Lang, place: Option<&str>) -> Html {
    ids.iter()
        .map(|id| {
            let anchor = place.map(|p| cite_anchor(p, id));
            citation(id, lang, anchor.as_deref())
        })
        .collect()
}

/// The citation of the source a figure is cited from (nothing for a live measurement).
pub fn figure_citation(figure: &Figure, lang: Lang) -> Html {
    match figure.basis {
        Basis::Cited { source, number } => numbered_citation(source, number, lang, None),
        Basis::MeasuredLive => Html::default(),
    }
}

/// A cited number as the reader sees it: its value and unit, as `content/figures.toml` has them,
/// a space between them made a no-break one ("5.58 MB" never breaks across lines).
pub fn figure_text(figure: &Figure, lang: Lang) -> String {
    let unit = figure.unit.get(lang);
    match unit.strip_prefix(' ') {
        Some(symbol) => format!("{}\u{a0}{symbol}", figure.value),
        None => format!("{}{unit}", figure.value),
    }
}

/// The page's language: given by `App` at build time, read from `<html lang>` in the browser
/// (islands start without the App around them, so the browser build does not look for it).
pub fn page_lang() -> Lang {
    #[cfg(feature = "ssr")]
    return leptos::prelude::use_context::<Lang>().unwrap_or_else(crate::browser::document_lang);
    #[cfg(not(feature = "ssr"))]
    crate::browser::document_lang()
}
