//! Build-time only (the prerender): draws the inside of a shipped module for `InsideModule`.
//! The section map comes from the same parser as the inspector's.

use super::InsideModuleHtml;
use crate::text::html::Html;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

pub fn build(wasm: &[u8], rust_source: &str) -> Result<InsideModuleHtml, String> {
    let summary = inspector::inspect(wasm).map_err(|p| format!("{p:?}"))?;
    // The 8-byte preamble, then every section as the file has it.
    let mut parts = vec![("header".to_owned(), 0..8, 8)];
    parts.extend(summary.sections.iter().map(|s| {
        (
            section_kind(&s.name).to_owned(),
            s.bytes.clone(),
            s.contents_start,
        )
    }));
    let hex: Html = parts
        .iter()
        .map(|(name, bytes, contents_start)| {
            let hex = |range: std::ops::Range<usize>| -> Html {
                Html::text(
                    &wasm[range]
                        .iter()
                        .map(|b| format!("{b:02x} "))
                        .collect::<String>(),
                )
            };
            let head = Html::element(
                "span",
                &[("class", "hex-head")],
                hex(bytes.start..*contents_start),
            );
            Html::element(
                "span",
                &[("class", "hex-part"), ("data-section", name)],
                head + hex(*contents_start..bytes.end),
            )
        })
        .collect();
    let legend: Html = parts
        .iter()
        .map(|(name, bytes, _)| {
            Html::element(
                "li",
                &[("data-section", name), ("tabindex", "0")],
                Html::element("code", &[], Html::text(name))
                    + Html::text(&format!(" {}–{}", bytes.start, bytes.end)),
            )
        })
        .collect();
    Ok(InsideModuleHtml {
        source: Html::from_generator(highlight_rust(rust_source)?),
        hex,
        wat: wat(wasm)?,
        legend,
    })
}

/// Custom sections are all `custom`, whatever their name, for the highlighting.
fn section_kind(name: &str) -> &str {
    if name.starts_with("custom:") {
        "custom"
    } else {
        name
    }
}

fn highlight_rust(source: &str) -> Result<String, String> {
    let syntaxes = SyntaxSet::load_defaults_newlines();
    let rust = syntaxes
        .find_syntax_by_extension("rs")
        .ok_or("no Rust syntax")?;
    let mut html = ClassedHTMLGenerator::new_with_class_style(
        rust,
        &syntaxes,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(source) {
        html.parse_html_for_line_which_includes_newline(line)
            .map_err(|e| e.to_string())?;
    }
    Ok(only_styled_classes(&html.finalize()))
}

/// The scope classes style/lab.css colours, of the many syntect writes on every span (a
/// `hl-punctuation hl-section hl-group hl-begin hl-rust` cost bytes on every page and
/// coloured nothing). The spans stay, so the markup nests as syntect wrote it.
const STYLED_SCOPES: &[&str] = &[
    "hl-comment",
    "hl-keyword",
    "hl-storage",
    "hl-operator",
    "hl-string",
    "hl-constant",
    "hl-entity",
    "hl-name",
    "hl-annotation",
];

fn only_styled_classes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<span class=\"") {
        let start = at + "<span class=\"".len();
        let end = start + rest[start..].find('"').expect("a closed class");
        let kept: Vec<&str> = rest[start..end]
            .split(' ')
            .filter(|class| STYLED_SCOPES.contains(class))
            .collect();
        out.push_str(&rest[..at]);
        if kept.is_empty() {
            out.push_str("<span");
        } else {
            out.push_str(&format!("<span class=\"{}\"", kept.join(" ")));
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The text form, each top-level form marked with the section(s) it comes from. wasmprinter
/// indents the module's forms by two spaces; a form runs until the next one begins (its body
/// and closing parenthesis included) or the module's own closing parenthesis.
fn wat(wasm: &[u8]) -> Result<Html, String> {
    let text = wasmprinter::print_bytes(wasm).map_err(|e| e.to_string())?;
    let mut out = Html::default();
    // The form being read: the sections it comes from, and its lines so far.
    let mut form: Option<(&str, Html)> = None;
    for line in text.lines() {
        let starts = line
            .strip_prefix("  (")
            .filter(|_| !line.starts_with("   "));
        if starts.is_some() || line == ")" {
            if let Some((sections, lines)) = form.take() {
                let attrs = [("class", "wat-part"), ("data-section", sections)];
                out += Html::element("span", &attrs, lines);
            }
        }
        if let Some(start) = starts {
            let keyword = start.split([' ', ')']).next().unwrap_or_default();
            let sections = match keyword {
                "func" => "function code",
                "elem" => "element",
                "@custom" | "@producers" => "custom",
                other => other,
            };
            form = Some((sections, Html::default()));
        }
        let line = Html::text(&format!("{line}\n"));
        match &mut form {
            Some((_, lines)) => *lines += line,
            None => out += line,
        }
    }
    if let Some((sections, lines)) = form {
        out += Html::element(
            "span",
            &[("class", "wat-part"), ("data-section", sections)],
            lines,
        );
    }
    Ok(out)
}
