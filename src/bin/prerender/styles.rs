//! The page's one stylesheet. The shell lists the source files in order (`data-bundle`); they
//! become one file named for its content, so one request blocks the first paint, not eleven,
//! and it can be cached for ever. The components' `style` attributes (a timeline mark's place,
//! a verdict's share of the scorecard) join it as classes: a content-security policy strict
//! enough to refuse injected styles refuses every `style` attribute too.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// Every distinct `style` attribute of the pages, by the class that now carries it.
#[derive(Default)]
pub struct Hoisted(BTreeMap<String, usize>);

impl Hoisted {
    /// The page's HTML with each `style="…"` replaced by a class `s-N` of the same value.
    pub fn hoist(&mut self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = rest.find(" style=\"") {
            let value_start = at + " style=\"".len();
            let value_end = value_start + rest[value_start..].find('"').expect("a closed style");
            let tag_start = rest[..at].rfind('<').expect("style inside a tag");
            let tag_end = value_end + rest[value_end..].find('>').expect("a closed tag");
            let next = self.0.len();
            let class = format!(
                "s-{}",
                *self
                    .0
                    .entry(rest[value_start..value_end].to_owned())
                    .or_insert(next)
            );
            let tag = format!("{}{}", &rest[tag_start..at], &rest[value_end + 1..tag_end]);
            out.push_str(&rest[..tag_start]);
            out.push_str(&with_class(&tag, &class));
            rest = &rest[tag_end..];
        }
        out.push_str(rest);
        out
    }

    /// The rules, `!important` as the attributes were: an inline style outranks every rule.
    fn rules(&self) -> String {
        let mut by_class: Vec<(&usize, &String)> = self.0.iter().map(|(v, n)| (n, v)).collect();
        by_class.sort();
        by_class.iter().fold(String::new(), |mut css, (n, value)| {
            let value = value
                .trim()
                .trim_end_matches(';')
                .replace(';', " !important;");
            let _ = writeln!(css, ".s-{n}{{{value} !important}}");
            css
        })
    }
}

/// A tag (without its closing `>`) with one more class.
fn with_class(tag: &str, class: &str) -> String {
    match tag.find(" class=\"") {
        Some(at) => {
            let end = at + " class=\"".len();
            let close = end + tag[end..].find('"').expect("a closed class");
            format!("{} {class}{}", &tag[..close], &tag[close..])
        }
        None => format!("{tag} class=\"{class}\""),
    }
}

/// The shell with its `data-bundle` stylesheets replaced by one link to their bundle, which
/// is written into `dir` with the hoisted rules at its end.
pub fn bundle(shell: &str, dir: &Path, hoisted: &Hoisted) -> String {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"";
    let mut css = String::new();
    let mut kept = String::new();
    for line in shell.lines() {
        let file = line
            .trim()
            .strip_prefix(LINK)
            .and_then(|rest| rest.strip_suffix("\" data-bundle>"));
        match file {
            Some(file) => {
                let path = crate::repository().join(file);
                let source = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                css += &shipped_css(&source);
                if !kept.contains("data-bundled") {
                    kept += "<link rel=\"stylesheet\" href=\"./{bundle}\" data-bundled>\n";
                }
            }
            None => {
                kept += line;
                kept.push('\n');
            }
        }
    }
    assert!(!css.is_empty(), "the shell lists no data-bundle stylesheet");
    css += &hoisted.rules();
    let hash = Sha256::digest(css.as_bytes());
    let name = format!("essay-{}.css", hex(&hash[..8]));
    crate::write(&dir.join(&name), &css);
    kept.replace("{bundle}\" data-bundled", &format!("{name}\""))
}

/// CSS as it ships: without comments and indentation (our CSS has no comment markers or
/// line-spanning strings inside its values).
fn shipped_css(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("a closed comment");
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .fold(String::new(), |mut css, line| {
            css.push_str(line);
            css.push('\n');
            css
        })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
