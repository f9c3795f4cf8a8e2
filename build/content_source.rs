//! The essay's content as written in `content/*.toml`, checked and turned into Rust source.
//!
//! Shared by `build.rs` (which compiles the content into the app, so the browser bundle carries
//! no TOML parser) and by `tests/content.rs` (which feeds it broken content to prove the checks
//! catch it). Nothing here runs in the browser.

use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// A string in both languages. Both are required: a missing one is a parse error.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Both {
    pub zh: String,
    pub en: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Interface strings, keyed by id; each in both languages.
    pub ui: HashMap<String, Both>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub heading: Both,
    /// "article" sections retell the source; "frame" sections are ours (opening, sources and method).
    pub kind: String,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    /// "retelling": what the article says; "record": what the record shows; "note": our own framing.
    pub kind: String,
    pub zh: Option<String>,
    pub en: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub url: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub value: String,
    pub unit: Both,
    /// The id of the source that gives this number; absent only when `measured_live` is true.
    pub source: Option<String>,
    #[serde(default)]
    pub measured_live: bool,
}

#[derive(Deserialize)]
struct SectionsFile {
    sections: Vec<Section>,
}
#[derive(Deserialize)]
struct SourcesFile {
    sources: Vec<Source>,
}
#[derive(Deserialize)]
struct FiguresFile {
    figures: Vec<Figure>,
}

#[derive(Debug)]
pub struct Content {
    pub site: Site,
    pub sections: Vec<Section>,
    pub sources: Vec<Source>,
    pub figures: Vec<Figure>,
}

/// One piece of a paragraph after its inline markup is read.
#[derive(Debug, PartialEq)]
pub enum Inline<'a> {
    Plain(&'a str),
    /// `{q:…}`: a short quotation of the original article (Chinese).
    Quote(&'a str),
    /// `{cite:source-id}`: a citation.
    Cite(&'a str),
    /// `{fig:figure-id}`: a number from `figures.toml`, shown with its unit.
    Figure(&'a str),
}

/// Splits a paragraph into plain text and `{kind:value}` pieces.
pub fn parse_inline(text: &str) -> Result<Vec<Inline<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Inline::Plain(&rest[..open]));
        }
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed '{{' in: {text}"))?
            + open;
        let token = &rest[open + 1..close];
        let (kind, value) = token
            .split_once(':')
            .ok_or_else(|| format!("'{{{token}}}' lacks a kind (q:, cite:, fig:)"))?;
        out.push(match kind {
            "q" => Inline::Quote(value),
            "cite" => Inline::Cite(value),
            "fig" => Inline::Figure(value),
            other => return Err(format!("unknown inline kind '{other}' in '{{{token}}}'")),
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Inline::Plain(rest));
    }
    Ok(out)
}

/// The content files, by name, in the order `parse` takes their texts.
pub const FILES: [&str; 4] = ["sections.toml", "sources.toml", "figures.toml", "site.toml"];

pub fn load(dir: &Path) -> Result<Content, String> {
    let read =
        |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    parse([
        read(FILES[0])?,
        read(FILES[1])?,
        read(FILES[2])?,
        read(FILES[3])?,
    ])
}

/// Parses the four files' texts, given in the order of `FILES`.
pub fn parse(texts: [String; 4]) -> Result<Content, String> {
    let [sections, sources, figures, site] = texts;
    let sections: SectionsFile =
        toml::from_str(&sections).map_err(|e| format!("sections.toml: {e}"))?;
    let sources: SourcesFile =
        toml::from_str(&sources).map_err(|e| format!("sources.toml: {e}"))?;
    let figures: FiguresFile =
        toml::from_str(&figures).map_err(|e| format!("figures.toml: {e}"))?;
    let site: Site = toml::from_str(&site).map_err(|e| format!("site.toml: {e}"))?;
    Ok(Content {
        site,
        sections: sections.sections,
        sources: sources.sources,
        figures: figures.figures,
    })
}

/// The section ids the essay's permalinks promise, in the article's order.
pub const ARTICLE_SECTIONS: [&str; 6] = [
    "openstack",
    "cloud-foundry",
    "docker",
    "mozilla",
    "webassembly",
    "epilogue",
];

/// Every rule the content must keep. Returns all problems at once, so one build shows them all.
pub fn check(c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    let mut unique = |kind: &str, id: &str, problems: &mut Vec<String>| {
        if !ids.insert(id.to_owned()) {
            problems.push(format!("duplicate id '{id}' ({kind})"));
        }
    };
    for s in &c.sections {
        unique("section", &s.id, &mut problems);
        if !matches!(s.kind.as_str(), "article" | "frame") {
            problems.push(format!("section '{}': kind must be article or frame", s.id));
        }
        for p in &s.paragraphs {
            unique("paragraph", &p.id, &mut problems);
            if !matches!(p.kind.as_str(), "retelling" | "record" | "note") {
                problems.push(format!(
                    "paragraph '{}': kind must be retelling, record or note",
                    p.id
                ));
            }
            for (lang, text) in [("zh", &p.zh), ("en", &p.en)] {
                match text.as_deref().map(str::trim) {
                    None | Some("") => {
                        problems.push(format!("paragraph '{}' has no {lang} text", p.id))
                    }
                    Some(t) => check_inline(c, &p.id, t, &mut problems),
                }
            }
        }
    }
    let article: Vec<&str> = c
        .sections
        .iter()
        .filter(|s| s.kind == "article")
        .map(|s| s.id.as_str())
        .collect();
    if article != ARTICLE_SECTIONS {
        problems.push(format!(
            "article sections must be {ARTICLE_SECTIONS:?} in that order, found {article:?}"
        ));
    }
    for s in &c.sources {
        unique("source", &s.id, &mut problems);
        if let Some(url) = &s.url {
            if !url.starts_with("https://") {
                problems.push(format!("source '{}': URL is not https: {url}", s.id));
            }
        }
    }
    for f in &c.figures {
        unique("figure", &f.id, &mut problems);
        match (&f.source, f.measured_live) {
            (None, false) => problems.push(format!(
                "figure '{}' has neither a source nor measured_live = true",
                f.id
            )),
            (Some(_), true) => problems.push(format!(
                "figure '{}' is both cited and measured live: pick one",
                f.id
            )),
            (Some(src), false) if !c.sources.iter().any(|s| &s.id == src) => {
                problems.push(format!("figure '{}' cites unknown source '{src}'", f.id))
            }
            _ => {}
        }
    }
    problems
}

fn check_inline(c: &Content, paragraph: &str, text: &str, problems: &mut Vec<String>) {
    match parse_inline(text) {
        Err(e) => problems.push(format!("paragraph '{paragraph}': {e}")),
        Ok(pieces) => {
            for piece in pieces {
                match piece {
                    Inline::Cite(id) if !c.sources.iter().any(|s| s.id == id) => problems.push(
                        format!("paragraph '{paragraph}' cites unknown source '{id}'"),
                    ),
                    Inline::Figure(id) if !c.figures.iter().any(|f| f.id == id) => problems.push(
                        format!("paragraph '{paragraph}' uses unknown figure '{id}'"),
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// Rust source for the statics in `src/content.rs`: one static per kind of content, so a
/// browser build that uses only interface strings carries no prose. Assumes `check` passed.
pub fn to_rust(c: &Content) -> String {
    let mut out = String::new();
    let both = |b: &Both| format!("Both {{ zh: {:?}, en: {:?} }}", b.zh, b.en);

    let mut ui: Vec<_> = c.site.ui.iter().collect();
    ui.sort_by_key(|(k, _)| k.as_str());
    out.push_str("pub static UI: &[(&str, Both<&str>)] = &[\n");
    for (key, text) in ui {
        let _ = writeln!(out, "({key:?}, {}),", both(text));
    }
    out.push_str("];\npub static SECTIONS: &[Section] = &[\n");
    for s in &c.sections {
        let _ = writeln!(
            out,
            "Section {{ id: {:?}, heading: {}, in_article: {}, paragraphs: &[",
            s.id,
            both(&s.heading),
            s.kind == "article"
        );
        for p in &s.paragraphs {
            let kind = match p.kind.as_str() {
                "retelling" => "Retelling",
                "record" => "Record",
                _ => "Note",
            };
            let rich = |t: &Option<String>| {
                let pieces = parse_inline(t.as_deref().unwrap_or_default()).unwrap_or_default();
                let items: Vec<String> = pieces
                    .iter()
                    .map(|piece| match piece {
                        Inline::Plain(s) => format!("Inline::Plain({s:?})"),
                        Inline::Quote(s) => format!("Inline::Quote({s:?})"),
                        Inline::Cite(s) => format!("Inline::Cite({s:?})"),
                        Inline::Figure(s) => format!("Inline::Figure({s:?})"),
                    })
                    .collect();
                format!("&[{}]", items.join(", "))
            };
            let _ = writeln!(
                out,
                "Paragraph {{ id: {:?}, kind: ParagraphKind::{kind}, text: Both {{ zh: {}, en: {} }} }},",
                p.id,
                rich(&p.zh),
                rich(&p.en)
            );
        }
        out.push_str("] },\n");
    }
    out.push_str("];\npub static SOURCES: &[Source] = &[\n");
    for s in sources_in_citation_order(c) {
        let _ = writeln!(
            out,
            "Source {{ id: {:?}, title: {:?}, publisher: {:?}, date: {:?}, url: {:?} }},",
            s.id, s.title, s.publisher, s.date, s.url
        );
    }
    out.push_str("];\npub static FIGURES: &[Figure] = &[\n");
    for f in &c.figures {
        let basis = match &f.source {
            Some(src) => format!("Basis::Cited({src:?})"),
            None => "Basis::MeasuredLive".to_owned(),
        };
        let _ = writeln!(
            out,
            "Figure {{ id: {:?}, value: {:?}, unit: {}, basis: {basis} }},",
            f.id,
            f.value,
            both(&f.unit)
        );
    }
    out.push_str("];\n");
    out
}

/// Sources ordered by their first citation in the Chinese text (the essay's first language),
/// so citation numbers rise as the reader reads. Uncited sources keep file order, at the end.
pub fn sources_in_citation_order(c: &Content) -> Vec<&Source> {
    let cited: Vec<String> = c
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| parse_inline(p.zh.as_deref().unwrap_or_default()).unwrap_or_default())
        .filter_map(|piece| match piece {
            Inline::Cite(id) => Some(id.to_owned()),
            _ => None,
        })
        .collect();
    let mut sources: Vec<&Source> = c.sources.iter().collect();
    sources.sort_by_key(|s| {
        cited
            .iter()
            .position(|id| *id == s.id)
            .unwrap_or(usize::MAX)
    });
    sources
}
