//! HTML as text, for what is built once and set with `inner_html`: the lab's results (a typed
//! Leptos view per table cell cost the browser bundle about 100 KB for three widgets) and the
//! prerender's head and citations. `Html` can only be made from escaped text, from elements
//! whose tag and attribute names are literals (with escaped values), from other `Html`, and at
//! build time from syntect's highlighter (`from_generator`), so unescaped text cannot reach
//! the page.

use std::fmt::Write;
use std::ops::{Add, AddAssign};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Html(String);

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

impl Html {
    /// Text, escaped.
    pub fn text(text: &str) -> Html {
        let mut out = String::with_capacity(text.len());
        escape_into(&mut out, text);
        Html(out)
    }

    /// `<tag name="value"…>inner</tag>`, every value escaped.
    pub fn element(tag: &'static str, attrs: &[(&'static str, &str)], inner: Html) -> Html {
        let mut out = Html::void(tag, attrs).0;
        out.push_str(&inner.0);
        let _ = write!(out, "</{tag}>");
        Html(out)
    }

    /// An element without contents or end tag (`<br>`).
    pub fn void(tag: &'static str, attrs: &[(&'static str, &str)]) -> Html {
        let mut out = format!("<{tag}");
        for (name, value) in attrs {
            let _ = write!(out, " {name}=\"");
            escape_into(&mut out, value);
            out.push('"');
        }
        out.push('>');
        Html(out)
    }

    /// HTML made by a generator that escapes its input itself (syntect's highlighter), at
    /// build time only.
    #[cfg(feature = "ssr")]
    pub fn from_generator(html: String) -> Html {
        Html(html)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For `inner_html`.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Markup as a view, for what only the prerender writes (any markup, written out as it is).
    /// Never in an island: hydration would take it for one element; there, use `inner_html`.
    pub fn into_view(self) -> leptos::tachys::html::InertElement {
        leptos::tachys::html::InertElement::new(self.0)
    }
}

impl Add for Html {
    type Output = Html;
    fn add(mut self, other: Html) -> Html {
        self.0.push_str(&other.0);
        self
    }
}

impl AddAssign for Html {
    fn add_assign(&mut self, other: Html) {
        self.0.push_str(&other.0);
    }
}

impl FromIterator<Html> for Html {
    fn from_iter<I: IntoIterator<Item = Html>>(parts: I) -> Html {
        parts.into_iter().fold(Html::default(), Add::add)
    }
}

/// A table with a caption (`quiet`: for screen readers only, where a figure caption says it
/// already), column headings, and rows whose first cell is a row heading.
pub fn table(class: &str, caption: &str, quiet: bool, headings: &[&str], rows: Html) -> Html {
    let head: Html = headings
        .iter()
        .map(|h| Html::element("th", &[("scope", "col")], Html::text(h)))
        .collect();
    let caption_attrs: &[(&str, &str)] = if quiet {
        &[("class", "visually-hidden")]
    } else {
        &[]
    };
    Html::element(
        "table",
        &[("class", class)],
        Html::element("caption", caption_attrs, Html::text(caption))
            + Html::element("thead", &[], Html::element("tr", &[], head))
            + Html::element("tbody", &[], rows),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_it_interpolates() {
        assert_eq!(
            Html::text("<a href=\"x\">&</a>").as_str(),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
        let cell = Html::element("td", &[("data-x", "\"")], Html::text("<1>"));
        assert_eq!(cell.as_str(), "<td data-x=\"&quot;\">&lt;1&gt;</td>");
        assert_eq!(Html::void("br", &[]).as_str(), "<br>");
    }

    #[test]
    fn tables_keep_their_parts_in_order() {
        let row = Html::element("tr", &[], Html::element("th", &[], Html::text("a")));
        let quiet = table("t", "cap", true, &["h"], row);
        assert_eq!(
            quiet.as_str(),
            "<table class=\"t\"><caption class=\"visually-hidden\">cap</caption>\
             <thead><tr><th scope=\"col\">h</th></tr></thead><tbody><tr><th>a</th></tr></tbody></table>"
        );
    }
}
