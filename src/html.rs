//! HTML as text: the escaping the prerender uses for the page head, and the small builders the
//! lab uses for its results. A lab result is shown once and never changes, so it is built as one
//! string and set with `inner_html`: Leptos would compile every table cell and chart row into a
//! typed view of its own, which cost the browser bundle about 100 KB for three widgets.
//! Everything interpolated goes through `escape`.

use std::fmt::Write;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// `<tag attr="value"…>inner</tag>`; attribute values are escaped, `inner` is HTML already.
pub fn element(tag: &str, attrs: &[(&str, &str)], inner: &str) -> String {
    let mut out = format!("<{tag}");
    for (name, value) in attrs {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
    let _ = write!(out, ">{inner}</{tag}>");
    out
}

/// A table with a caption, column headings, and rows whose first cell is a row heading.
pub fn table(class: &str, caption: &str, headings: &[&str], rows: &[String]) -> String {
    let head: String = headings
        .iter()
        .map(|h| element("th", &[("scope", "col")], &escape(h)))
        .collect();
    let body = format!(
        "<thead><tr>{head}</tr></thead><tbody>{}</tbody>",
        rows.concat()
    );
    element(
        "table",
        &[("class", class)],
        &(element("caption", &[], &escape(caption)) + &body),
    )
}

/// The same, with its caption only for screen readers (where a figure caption says it already).
pub fn table_quiet_caption(
    class: &str,
    caption: &str,
    headings: &[&str],
    rows: &[String],
) -> String {
    table(class, caption, headings, rows).replacen(
        "<caption>",
        "<caption class=\"visually-hidden\">",
        1,
    )
}

/// A citation as the text shows it: a numbered link to the bibliography.
pub fn citation(source: &str) -> String {
    match crate::content::ESSAY.source(source) {
        Some((i, s)) => element(
            "sup",
            &[("class", "cite")],
            &element(
                "a",
                &[("href", &format!("#source-{source}")), ("title", s.title)],
                &format!("[{}]", i + 1),
            ),
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_it_interpolates() {
        assert_eq!(
            escape("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(
            element("td", &[("data-x", "\"")], "1"),
            "<td data-x=\"&quot;\">1</td>"
        );
    }
}
