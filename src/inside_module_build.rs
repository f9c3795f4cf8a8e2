//! Build-time only (the prerender): draws the inside of a shipped module for
//! `widgets::InsideModule`. The section map comes from the same parser as the inspector's.

use crate::html::{element, escape};
use crate::widgets::InsideModuleHtml;
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
    let hex: String = parts
        .iter()
        .map(|(name, bytes, contents_start)| {
            let hex = |range: std::ops::Range<usize>| -> String {
                wasm[range].iter().map(|b| format!("{b:02x} ")).collect()
            };
            let head = element(
                "span",
                &[("class", "hex-head")],
                &hex(bytes.start..*contents_start),
            );
            element(
                "span",
                &[("class", "hex-part"), ("data-section", name)],
                &(head + &hex(*contents_start..bytes.end)),
            )
        })
        .collect();
    let legend: String = parts
        .iter()
        .map(|(name, bytes, _)| {
            element(
                "li",
                &[("data-section", name), ("tabindex", "0")],
                &format!(
                    "<code>{}</code> {}–{}",
                    escape(name),
                    bytes.start,
                    bytes.end
                ),
            )
        })
        .collect();
    Ok(InsideModuleHtml {
        source: highlight_rust(rust_source)?,
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
    Ok(html.finalize())
}

/// The text form, each top-level form marked with the section(s) it comes from. wasmprinter
/// indents the module's forms by two spaces; a form runs until the next one begins (its body
/// and closing parenthesis included) or the module's own closing parenthesis.
fn wat(wasm: &[u8]) -> Result<String, String> {
    let text = wasmprinter::print_bytes(wasm).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let mut open = false;
    for line in text.lines() {
        let form = line
            .strip_prefix("  (")
            .filter(|_| !line.starts_with("   "));
        if (form.is_some() || line == ")") && open {
            out.push_str("</span>");
            open = false;
        }
        if let Some(form) = form {
            let keyword = form.split([' ', ')']).next().unwrap_or_default();
            let sections = match keyword {
                "func" => "function code",
                "elem" => "element",
                "@custom" | "@producers" => "custom",
                other => other,
            };
            out.push_str(&format!(
                "<span class=\"wat-part\" data-section=\"{sections}\">"
            ));
            open = true;
        }
        out.push_str(&escape(line));
        out.push('\n');
    }
    if open {
        out.push_str("</span>");
    }
    Ok(out)
}
