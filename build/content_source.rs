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
    pub kind: SectionKind,
    pub paragraphs: Vec<Paragraph>,
}

/// `article` sections retell the source; `frame` sections are ours (opening, sources and method).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Article,
    Frame,
}

/// Whose voice a paragraph is in: the article's (retold), the record's, or our own framing.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Retelling,
    Record,
    Note,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    True,
    Partly,
    False,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub kind: ParagraphKind,
    pub zh: Option<String>,
    pub en: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The one English rendering of a title in another language, where the essay needs one.
    pub title_en: Option<String>,
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

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The claim's row number in the fact sheet (vendored: tests/data/fact-sheet-claims.md);
    /// none for a claim of our own check that the fact sheet does not list.
    pub fact: Option<u32>,
    /// The retelling paragraph where the article makes the claim; its marker stands there.
    pub paragraph: String,
    /// As the fact sheet assigns it.
    pub verdict: Verdict,
    /// The claim as the article states it.
    pub claim: Both,
    /// What the record shows.
    pub correction: Both,
    pub sources: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub id: String,
    /// The paragraph the timeline follows; none for a timeline inside a figure.
    pub after: Option<String>,
    /// The exhibit (`placements.toml`) it stands in, instead of after a paragraph.
    pub figure: Option<String>,
    pub title: Both,
    pub from: u16,
    pub to: u16,
    pub events: Vec<Event>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub label: Both,
    /// The date the article gives, if it gives one.
    pub article: Option<String>,
    /// The date the record gives.
    pub record: String,
    /// What it is, beyond its label and dates; a row of data (a release) needs none.
    pub detail: Option<Both>,
    pub sources: Vec<String>,
}

/// Which state of the stack a step of `what-ships` draws: what ships with one small program.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Era {
    Vm,
    Platform,
    Container,
    Module,
}

/// One step of a stepped figure.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The exhibit it belongs to; one of `STEPPED`.
    pub figure: String,
    pub title: Both,
    /// For what-ships: which state of the stack the step draws.
    pub era: Option<Era>,
    pub zh: String,
    pub en: String,
}

/// The exhibits that explain in steps (`stepped.toml`), and whether each step names an era.
pub const STEPPED: [(&str, bool); 3] = [
    ("what-ships", true),
    ("who-builds", false),
    ("kubelet-path", false),
];

/// Where a figure or a widget stands: after the paragraph it illustrates.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// One of `EXHIBITS`.
    pub show: String,
    pub after: String,
}

/// Every figure and widget the sections can place, by the name `placements.toml` uses. The
/// generated `Exhibit` enum has one variant per name, and the sections match on it, so a name
/// added here without a component, or a component without a placement, does not build.
pub const EXHIBITS: [&str; 21] = [
    "what-ships",
    "ships-platform",
    "who-builds",
    "ships-container",
    "docker-pieces",
    "asmjs-vs-wasm",
    "ships-module",
    "kubelet-path",
    "k8s-releases",
    "startup-race",
    "speed-race",
    "kernel-source",
    "hello-wasm",
    "size-ladder",
    "lab-summary",
    "syscall-contrast",
    "capabilities",
    "sandbox",
    "inside-module",
    "inspector",
    "wasi",
];

#[derive(Deserialize)]
struct StepsFile {
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct PlacementsFile {
    placements: Vec<Placement>,
}

#[derive(Deserialize)]
struct ClaimsFile {
    claims: Vec<Claim>,
}
#[derive(Deserialize)]
struct TimelinesFile {
    timelines: Vec<Timeline>,
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
    pub claims: Vec<Claim>,
    pub timelines: Vec<Timeline>,
    pub placements: Vec<Placement>,
    pub steps: Vec<Step>,
}

/// One piece of a paragraph after its inline markup is read.
#[derive(Debug, PartialEq)]
pub enum Inline<'a> {
    Plain(&'a str),
    /// `{q:…}`: a short quotation of the original article (Chinese).
    Quote(&'a str),
    /// `{q-en:…}`: a quotation in English (marked as English on the Chinese page).
    EnglishQuote(&'a str),
    /// `{cite:source-id}`: a citation.
    Cite(&'a str),
    /// `{fig:figure-id}`: a number from `figures.toml`, shown with its unit.
    Figure(&'a str),
    /// `{claim:claim-id}`: the verdict marker of a claim from `claims.toml`.
    Claim(&'a str),
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
        let (kind, value) = token.split_once(':').ok_or_else(|| {
            format!("'{{{token}}}' lacks a kind (q:, q-en:, cite:, fig:, claim:)")
        })?;
        out.push(match kind {
            "q" => Inline::Quote(value),
            "q-en" => Inline::EnglishQuote(value),
            "cite" => Inline::Cite(value),
            "fig" => Inline::Figure(value),
            "claim" => Inline::Claim(value),
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
pub const FILES: [&str; 8] = [
    "sections.toml",
    "sources.toml",
    "figures.toml",
    "site.toml",
    "claims.toml",
    "timelines.toml",
    "placements.toml",
    "stepped.toml",
];

pub fn load(dir: &Path) -> Result<Content, String> {
    let mut texts: [String; 8] = Default::default();
    for (text, name) in texts.iter_mut().zip(FILES) {
        *text = std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
    }
    parse(texts)
}

fn from_toml<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{name}: {e}"))
}

/// Parses the files' texts, given in the order of `FILES`.
pub fn parse(texts: [String; 8]) -> Result<Content, String> {
    let [sections, sources, figures, site, claims, timelines, placements, steps] = texts;
    Ok(Content {
        site: from_toml(FILES[3], &site)?,
        sections: from_toml::<SectionsFile>(FILES[0], &sections)?.sections,
        sources: from_toml::<SourcesFile>(FILES[1], &sources)?.sources,
        figures: from_toml::<FiguresFile>(FILES[2], &figures)?.figures,
        claims: from_toml::<ClaimsFile>(FILES[4], &claims)?.claims,
        timelines: from_toml::<TimelinesFile>(FILES[5], &timelines)?.timelines,
        placements: from_toml::<PlacementsFile>(FILES[6], &placements)?.placements,
        steps: from_toml::<StepsFile>(FILES[7], &steps)?.steps,
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
        for p in &s.paragraphs {
            unique("paragraph", &p.id, &mut problems);
            for (lang, text) in [("zh", &p.zh), ("en", &p.en)] {
                match text.as_deref().map(str::trim) {
                    None | Some("") => {
                        problems.push(format!("paragraph '{}' has no {lang} text", p.id))
                    }
                    Some(t) => {
                        check_inline(c, &p.id, t, &mut problems);
                        // The article's own words are exempt; ours must cite what they state.
                        if p.kind != ParagraphKind::Retelling {
                            for sentence in uncited_quantities(t) {
                                problems.push(format!(
                                    "paragraph '{}' ({lang}) states a date or quantity without a cite, claim or fig: “{sentence}”",
                                    p.id
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    let article: Vec<&str> = c
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Article)
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
    for claim in &c.claims {
        unique("claim", &claim.id, &mut problems);
        if let Some(row) = claim.fact {
            let same_row = c.claims.iter().filter(|other| other.fact == Some(row));
            if row == 0 || same_row.count() > 1 {
                problems.push(format!(
                    "claim '{}': fact row {row} is not a unique row of the fact sheet",
                    claim.id
                ));
            }
        }
        check_claim(c, claim, &mut problems);
    }
    check_ui(c, &mut problems);
    check_placements(c, &mut problems);
    check_steps(c, &mut problems);
    for t in &c.timelines {
        unique("timeline", &t.id, &mut problems);
        check_timeline(c, t, &mut unique, &mut problems);
    }
    for s in &c.sources {
        if !cited_sources(c).contains(s.id.as_str()) {
            problems.push(format!("source '{}' is never cited", s.id));
        }
    }
    for f in &c.figures {
        unique("figure", &f.id, &mut problems);
        if !is_plain_id(&f.id) {
            problems.push(format!(
                "figure '{}': an id is lower-case words joined by - or _",
                f.id
            ));
        }
        match (&f.source, f.measured_live) {
            (None, false) => problems.push(format!(
                "figure '{}' has neither a source nor measured_live = true",
                f.id
            )),
            (Some(_), true) => problems.push(format!(
                "figure '{}' is both cited and measured live: pick one",
                f.id
            )),
            (Some(_), false) if f.value.parse::<f64>().is_err() => problems.push(format!(
                "figure '{}': value '{}' is not a number",
                f.id, f.value
            )),
            (Some(src), false) if !c.sources.iter().any(|s| &s.id == src) => {
                problems.push(format!("figure '{}' cites unknown source '{src}'", f.id))
            }
            _ => {}
        }
    }
    problems
}

fn known_sources(c: &Content, owner: &str, ids: &[String], problems: &mut Vec<String>) {
    if ids.is_empty() {
        problems.push(format!("'{owner}' cites no source"));
    }
    for id in ids {
        if !c.sources.iter().any(|s| &s.id == id) {
            problems.push(format!("'{owner}' cites unknown source '{id}'"));
        }
    }
}

fn check_claim(c: &Content, claim: &Claim, problems: &mut Vec<String>) {
    let id = &claim.id;
    for (what, both) in [("claim", &claim.claim), ("correction", &claim.correction)] {
        for (lang, text) in [("zh", &both.zh), ("en", &both.en)] {
            if text.trim().is_empty() {
                problems.push(format!("claim '{id}' has no {lang} {what}"));
            }
        }
    }
    known_sources(c, id, &claim.sources, problems);
    // Its marker stands once in each language of its paragraph, and nowhere else.
    let marker = format!("{{claim:{id}}}");
    for s in &c.sections {
        for p in &s.paragraphs {
            for (lang, text) in [("zh", &p.zh), ("en", &p.en)] {
                let count = text.as_deref().unwrap_or_default().matches(&marker).count();
                let expected = usize::from(p.id == claim.paragraph);
                if count != expected {
                    problems.push(format!(
                        "claim '{id}': its marker stands {count} time(s) in the {lang} text of '{}', expected {expected}",
                        p.id
                    ));
                }
            }
        }
    }
    let home = c
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.id == claim.paragraph);
    if home.is_none_or(|p| p.kind != ParagraphKind::Retelling) {
        problems.push(format!(
            "claim '{id}': paragraph '{}' is not a retelling paragraph",
            claim.paragraph
        ));
    }
}

fn is_paragraph(c: &Content, id: &str) -> bool {
    c.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .any(|p| p.id == id)
}

/// Every exhibit stands once, after a paragraph that exists.
fn check_placements(c: &Content, problems: &mut Vec<String>) {
    for place in &c.placements {
        if !EXHIBITS.contains(&place.show.as_str()) {
            problems.push(format!(
                "placement of unknown exhibit '{}' (known: {EXHIBITS:?})",
                place.show
            ));
        }
        if !is_paragraph(c, &place.after) {
            problems.push(format!(
                "'{}' is placed after unknown paragraph '{}'",
                place.show, place.after
            ));
        }
    }
    for name in EXHIBITS {
        let count = c.placements.iter().filter(|p| p.show == name).count();
        if count != 1 {
            problems.push(format!(
                "exhibit '{name}' is placed {count} time(s), expected once"
            ));
        }
    }
}

/// Each stepped figure has two steps or more; a step's text keeps the rules of a record
/// paragraph (both languages, known citations and figures, every quantity backed), and carries
/// no claim, whose marker belongs to its paragraph.
fn check_steps(c: &Content, problems: &mut Vec<String>) {
    for (figure, _) in STEPPED {
        let count = c.steps.iter().filter(|s| s.figure == figure).count();
        if count < 2 {
            problems.push(format!(
                "stepped figure '{figure}' has {count} step(s), needs 2 or more"
            ));
        }
    }
    // what-ships draws each era once, in the article's order; the era comparisons name an era
    // by its step's title.
    let eras: Vec<Era> = c.steps.iter().filter_map(|s| s.era).collect();
    let all = [Era::Vm, Era::Platform, Era::Container, Era::Module];
    if eras != all {
        problems.push(format!(
            "what-ships draws {eras:?}; it must draw {all:?}, in that order"
        ));
    }
    for (i, step) in c.steps.iter().enumerate() {
        let place = format!("step {} of '{}'", i + 1, step.figure);
        match STEPPED.iter().find(|(f, _)| *f == step.figure) {
            None => problems.push(format!(
                "{place}: '{}' is not a stepped figure",
                step.figure
            )),
            Some((_, needs_era)) if *needs_era != step.era.is_some() => {
                let what = if *needs_era { "needs" } else { "takes no" };
                problems.push(format!("{place} {what} era"));
            }
            Some(_) => {}
        }
        for (lang, text) in [("zh", &step.zh), ("en", &step.en)] {
            if text.trim().is_empty() {
                problems.push(format!("{place} has no {lang} text"));
            }
            check_inline(c, &place, text, problems);
            if text.contains("{claim:") {
                problems.push(format!("{place} ({lang}) carries a claim marker"));
            }
            for sentence in uncited_quantities(text) {
                problems.push(format!(
                    "{place} ({lang}) states a date or quantity without a cite or fig: “{sentence}”"
                ));
            }
        }
    }
}

/// The `{name}`s of an interface string, in order, or what is wrong with its braces.
pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let close = rest[open..].find('}').map(|c| c + open);
        let name = match close {
            Some(close) if rest[open..].starts_with('{') => &rest[open + 1..close],
            _ => return Err(format!("a brace that opens no placeholder in: {text}")),
        };
        let identifier = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !identifier {
            return Err(format!("placeholder '{{{name}}}' is not a lower-case name"));
        }
        if !names.contains(&name) {
            names.push(name);
        }
        rest = &rest[close.unwrap_or_default() + 1..];
    }
    Ok(names)
}

/// Both languages of an interface string carry the same placeholders, and key names map to
/// distinct Rust names.
fn check_ui(c: &Content, problems: &mut Vec<String>) {
    let mut names = BTreeSet::new();
    let mut keys: Vec<_> = c.site.ui.iter().collect();
    keys.sort_by_key(|(key, _)| key.as_str());
    for (key, text) in keys {
        if !is_plain_id(key) {
            problems.push(format!(
                "ui key '{key}' is not lower-case words joined by - or _"
            ));
            continue;
        }
        let name = ui_item_name(key, text);
        // `ui::Text` is the type of every string without placeholders.
        if name == "Text" || !names.insert(name) {
            problems.push(format!("ui key '{key}' has the Rust name of another item"));
        }
        let keyword = placeholders(&text.en)
            .unwrap_or_default()
            .into_iter()
            .find(|p| KEYWORDS.contains(p));
        if let Some(keyword) = keyword {
            problems.push(format!(
                "ui '{key}': placeholder '{{{keyword}}}' is a Rust keyword"
            ));
        }
        match (placeholders(&text.zh), placeholders(&text.en)) {
            (Ok(mut zh), Ok(mut en)) => {
                zh.sort();
                en.sort();
                if zh != en {
                    problems.push(format!(
                        "ui '{key}': zh has placeholders {zh:?}, en has {en:?}"
                    ));
                }
            }
            (Err(e), _) | (_, Err(e)) => problems.push(format!("ui '{key}': {e}")),
        }
    }
}

/// The Rust name of an interface string: `SKIP_TO_TEXT` for `skip-to-text`, or for one with
/// placeholders the struct that fills them, `ScorecardTitle` for `scorecard-title`.
pub fn ui_item_name(key: &str, text: &Both) -> String {
    if placeholders(&text.en).is_ok_and(|names| !names.is_empty()) {
        pascal_case(key)
    } else {
        screaming_case(key)
    }
}

/// `SKIP_TO_TEXT` for `skip-to-text`: the name of a static.
pub fn screaming_case(id: &str) -> String {
    id.replace('-', "_").to_ascii_uppercase()
}

/// `ScorecardTitle` for `scorecard-title`: the name of a type or a variant.
fn pascal_case(id: &str) -> String {
    let mut out = String::new();
    for word in id.split(['-', '_']) {
        let mut chars = word.chars();
        out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        out.extend(chars);
    }
    out
}

/// Whether an id makes a Rust name: lower-case ASCII words joined by `-` or `_`. (Ids become
/// the names of generated items.)
fn is_plain_id(id: &str) -> bool {
    let words_ok = id.split(['-', '_']).all(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    });
    id.starts_with(|c: char| c.is_ascii_lowercase()) && words_ok
}

/// Rust's keywords, which a placeholder (a field of a generated struct) cannot be named.
const KEYWORDS: [&str; 38] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
    "where", "while", "gen",
];

fn check_timeline(
    c: &Content,
    t: &Timeline,
    unique: &mut impl FnMut(&str, &str, &mut Vec<String>),
    problems: &mut Vec<String>,
) {
    match (&t.after, &t.figure) {
        (Some(after), None) if !is_paragraph(c, after) => problems.push(format!(
            "timeline '{}' follows unknown paragraph '{after}'",
            t.id
        )),
        (None, Some(figure)) if !EXHIBITS.contains(&figure.as_str()) => problems.push(format!(
            "timeline '{}' stands in unknown exhibit '{figure}'",
            t.id
        )),
        (Some(_), None) | (None, Some(_)) => {}
        _ => problems.push(format!(
            "timeline '{}' needs either `after` (a paragraph) or `figure` (an exhibit)",
            t.id
        )),
    }
    for e in &t.events {
        unique("timeline event", &e.id, problems);
        known_sources(c, &e.id, &e.sources, problems);
        for date in e.article.iter().chain([&e.record]) {
            match parse_date(date) {
                Some((year, ..)) if (t.from..=t.to).contains(&year) => {}
                Some(_) => problems.push(format!(
                    "event '{}': {date} is outside {}-{}",
                    e.id, t.from, t.to
                )),
                None => problems.push(format!(
                    "event '{}': '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD",
                    e.id
                )),
            }
        }
    }
}

/// "2009", "2009-08" or "2009-08-19" as (year, month, day), with 0 for what is not given.
pub fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let mut parts = text.split('-');
    let year = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1900..2100).contains(y))?;
    let month = parts
        .next()
        .map_or(Some(0), |m| m.parse().ok().filter(|m| (1..=12).contains(m)))?;
    let day = parts
        .next()
        .map_or(Some(0), |d| d.parse().ok().filter(|d| (1..=31).contains(d)))?;
    (parts.next().is_none() && (month > 0 || day == 0)).then_some((year, month, day))
}

/// Every source id cited anywhere: in the text, by a claim, by a timeline event.
fn cited_sources(c: &Content) -> BTreeSet<&str> {
    let mut cited = BTreeSet::new();
    let step_texts = c
        .steps
        .iter()
        .flat_map(|s| [&s.zh, &s.en])
        .map(String::as_str);
    let paragraph_texts = c.sections.iter().flat_map(|s| &s.paragraphs);
    let paragraph_texts = paragraph_texts.flat_map(|p| [p.zh.as_deref(), p.en.as_deref()]);
    for text in paragraph_texts
        .map(Option::unwrap_or_default)
        .chain(step_texts)
    {
        for piece in parse_inline(text).unwrap_or_default() {
            if let Inline::Cite(id) = piece {
                if let Some(s) = c.sources.iter().find(|s| s.id == id) {
                    cited.insert(s.id.as_str());
                }
            }
        }
    }
    let listed = c.claims.iter().flat_map(|cl| &cl.sources);
    let listed = listed.chain(
        c.timelines
            .iter()
            .flat_map(|t| &t.events)
            .flat_map(|e| &e.sources),
    );
    cited.extend(listed.map(String::as_str));
    cited
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

/// Stands for a `{cite}`, `{claim}` or `{fig}` in a paragraph's skeleton: what backs a sentence.
const BACKED: char = '\u{1}';
/// Stands for a quotation in the skeleton: its words, punctuation and numbers are the quoted.
const QUOTED: char = '\u{2}';

/// The sentences of a paragraph that state a year, a date or a quantity and carry no
/// `{cite}`, `{claim}` or `{fig}`. A sentence ends at 。！？, or at `.` `!` `?` followed by a
/// space or the end. A quantity is a run of digits standing on its own: digits inside a word
/// or a name (wasi_snapshot_preview1, x86-64, CVE-2019-5736), version numbers with a dot (1.12,
/// 0.9, 2.6.24; a real decimal quantity comes from `{fig:}`) and numbers after "section" do not
/// count, nor does anything inside a quotation. Numbers in words count too: English ones from
/// two up (and dozens, hundreds, decades…), and a Chinese numeral from 两 up followed by a
/// measure word (六个, 十年, 几十行); "one", 一 and 一个 are everywhere and count as nothing.
pub fn uncited_quantities(text: &str) -> Vec<String> {
    let Ok(pieces) = parse_inline(text) else {
        return Vec::new(); // reported by check_inline
    };
    let mut skeleton = String::new();
    for piece in pieces {
        match piece {
            Inline::Plain(t) => skeleton.push_str(t),
            Inline::Quote(_) | Inline::EnglishQuote(_) => skeleton.push(QUOTED),
            Inline::Cite(_) | Inline::Figure(_) | Inline::Claim(_) => skeleton.push(BACKED),
        }
    }
    sentences(&skeleton)
        .into_iter()
        .filter(|s| !s.contains(BACKED) && states_quantity(s))
        .map(|s| s.replace(QUOTED, "“…”").trim().to_owned())
        .collect()
}

fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = matches!(ch, '。' | '！' | '？')
            || (matches!(ch, '.' | '!' | '?') && next.is_none_or(char::is_whitespace));
        if ends {
            let end = i + ch.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

/// English number words that state a quantity ("one" is everywhere as a pronoun).
const NUMBER_WORDS: [&str; 24] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "hundredth",
    "thousand",
    "thousands",
    "million",
    "billion",
    "dozen",
    "decade",
];
/// A Chinese numeral from 两 up, and the measure words that make it a count.
const CHINESE_NUMERALS: &str = "两二三四五六七八九十百千万亿";
const CHINESE_MEASURES: &str = "个年倍次项行种家份条位名周天";

fn states_quantity(sentence: &str) -> bool {
    let words = sentence.split(|c: char| !c.is_ascii_alphabetic());
    if words
        .map(str::to_ascii_lowercase)
        .any(|w| NUMBER_WORDS.contains(&w.as_str()) || w == "decades" || w == "dozens")
    {
        return true;
    }
    let chars: Vec<char> = sentence.chars().collect();
    if chars
        .windows(2)
        .any(|w| CHINESE_NUMERALS.contains(w[0]) && CHINESE_MEASURES.contains(w[1]))
    {
        return true;
    }
    // Words: maximal runs of ASCII letters, digits and the joiners of names and versions.
    let is_word_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    let mut previous_word = "";
    for word in sentence.split(|c: char| !is_word_char(c)) {
        let word = word.trim_matches(|c| matches!(c, '.' | '-'));
        if word.is_empty() {
            continue;
        }
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        let is_name = word.chars().any(|c| c.is_ascii_alphabetic());
        let is_version = word.contains('.');
        let after_section = previous_word.eq_ignore_ascii_case("section");
        if has_digit && !is_name && !is_version && !after_section {
            return true;
        }
        previous_word = word;
    }
    false
}

/// Rust source for the statics in `src/content.rs`: one static per kind of content, so a
/// browser build that uses only interface strings carries no prose. Assumes `check` passed.
pub fn to_rust(c: &Content) -> String {
    let mut out = String::new();
    let both = |b: &Both| format!("Both {{ zh: {:?}, en: {:?} }}", b.zh, b.en);

    out.push_str(&ui_to_rust(c));
    out.push_str(&exhibits_to_rust(c));
    out.push_str("pub static SECTIONS: &[Section] = &[\n");
    for s in &c.sections {
        let _ = writeln!(
            out,
            "Section {{ id: {:?}, heading: {}, in_article: {}, paragraphs: &[",
            s.id,
            both(&s.heading),
            s.kind == SectionKind::Article
        );
        for p in &s.paragraphs {
            let kind = format!("{:?}", p.kind);
            let rich = |t: &Option<String>| inline_to_rust(t.as_deref().unwrap_or_default());
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
    out.push_str("];\npub static STEPS: &[Step] = &[\n");
    for step in &c.steps {
        let _ = writeln!(
            out,
            "Step {{ figure: {:?}, title: {}, era: {}, text: Both {{ zh: {}, en: {} }} }},",
            step.figure,
            both(&step.title),
            step.era
                .map_or("None".to_owned(), |era| format!("Some(Era::{era:?})")),
            inline_to_rust(&step.zh),
            inline_to_rust(&step.en)
        );
    }
    out.push_str("];\npub static SOURCES: &[Source] = &[\n");
    let cited = sources_in_citation_order(c);
    for s in &cited {
        let _ = writeln!(
            out,
            "Source {{ id: {:?}, title: {:?}, title_en: {:?}, publisher: {:?}, date: {:?}, url: {:?} }},",
            s.id, s.title, s.title_en, s.publisher, s.date, s.url
        );
    }
    // What a citation needs, apart: a source's number by its id, without its title,
    // publisher, date or URL. (A widget citing a figure does not even need this: the figure
    // carries its source's number.)
    out.push_str("];\n/// The id of each source, in the order of `SOURCES`.\npub static CITED: &[&str] = &[\n");
    for s in &cited {
        let _ = writeln!(out, "{:?},", s.id);
    }
    // Each figure a static of its own, so that the app's Wasm keeps only those its widgets show.
    out.push_str("];\n/// Each figure by its id, for the code that shows one: a misspelt id does not compile.\npub mod fig {\n    use super::{Basis, Both, Figure};\n");
    for f in &c.figures {
        let basis = match &f.source {
            Some(src) => {
                let number = 1 + cited
                    .iter()
                    .position(|s| s.id == *src)
                    .expect("a figure's source is checked to exist");
                format!("Basis::Cited {{ source: {src:?}, number: {number} }}")
            }
            None => "Basis::MeasuredLive".to_owned(),
        };
        let number = f
            .value
            .parse::<f64>()
            .map_or("f64::NAN".to_owned(), |n| format!("{n:?}"));
        let _ = writeln!(
            out,
            "    /// `{}`\n    pub static {}: &Figure = &Figure {{ id: {:?}, value: {:?}, number: {number}, unit: {}, basis: {basis} }};",
            f.id,
            screaming_case(&f.id),
            f.id,
            f.value,
            both(&f.unit)
        );
    }
    out.push_str("}\npub static FIGURES: &[&Figure] = &[\n");
    for f in &c.figures {
        let _ = writeln!(out, "fig::{},", screaming_case(&f.id));
    }
    out.push_str("];\npub static CLAIMS: &[Claim] = &[\n");
    for cl in &c.claims {
        let verdict = format!("{:?}", cl.verdict);
        let _ = writeln!(
            out,
            "Claim {{ id: {:?}, paragraph: {:?}, verdict: Verdict::{verdict}, claim: {}, correction: {}, sources: &{:?} }},",
            cl.id,
            cl.paragraph,
            both(&cl.claim),
            both(&cl.correction),
            cl.sources
        );
    }
    out.push_str("];\npub static TIMELINES: &[Timeline] = &[\n");
    let date = |d: &str| {
        let (year, month, day) = parse_date(d).unwrap_or_default();
        format!("Date {{ year: {year}, month: {month}, day: {day} }}")
    };
    for t in &c.timelines {
        let _ = writeln!(
            out,
            "Timeline {{ id: {:?}, after: {:?}, figure: {:?}, title: {}, from: {}, to: {}, events: &[",
            t.id,
            timeline_after(c, t),
            t.figure,
            both(&t.title),
            t.from,
            t.to
        );
        for e in &t.events {
            let article = e
                .article
                .as_deref()
                .map_or("None".to_owned(), |d| format!("Some({})", date(d)));
            let _ = writeln!(
                out,
                "Event {{ id: {:?}, label: {}, article: {article}, record: {}, detail: {}, sources: &{:?} }},",
                e.id,
                both(&e.label),
                date(&e.record),
                e.detail
                    .as_ref()
                    .map_or("None".to_owned(), |d| format!("Some({})", both(d))),
                e.sources
            );
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n");
    out
}

/// A text's inline pieces as a Rust slice of `Inline`s.
fn inline_to_rust(text: &str) -> String {
    let items: Vec<String> = parse_inline(text)
        .unwrap_or_default()
        .iter()
        .map(|piece| match piece {
            Inline::Plain(s) => format!("Inline::Plain({s:?})"),
            Inline::Quote(s) => format!("Inline::Quote({s:?})"),
            Inline::EnglishQuote(s) => format!("Inline::EnglishQuote({s:?})"),
            Inline::Cite(s) => format!("Inline::Cite({s:?})"),
            Inline::Figure(s) => format!("Inline::Figure({s:?})"),
            Inline::Claim(s) => format!("Inline::Claim({s:?})"),
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

/// The interface strings as a module of Rust items, one per key, so a misspelt key does not
/// compile and the browser bundle carries only the strings its islands use. A string without
/// placeholders is a `Both`; one with placeholders is a struct whose fields fill them, so none
/// can be left out or misnamed.
fn ui_to_rust(c: &Content) -> String {
    let mut keys: Vec<_> = c.site.ui.iter().collect();
    keys.sort_by_key(|(k, _)| k.as_str());
    let mut out = String::from(
        "pub mod ui {\n    use super::{Both, Lang};\n    /// An interface string without placeholders.\n    pub type Text = Both<&'static str>;\n",
    );
    for (key, text) in keys {
        let name = ui_item_name(key, text);
        let names = placeholders(&text.en).unwrap_or_default();
        let _ = writeln!(out, "    /// `{key}`");
        if names.is_empty() {
            let _ = writeln!(
                out,
                "    pub static {name}: Text = Both {{ zh: {:?}, en: {:?} }};",
                text.zh, text.en
            );
            continue;
        }
        let fields: Vec<String> = names
            .iter()
            .map(|n| format!("pub {n}: &'a dyn core::fmt::Display"))
            .collect();
        let _ = writeln!(
            out,
            "    pub struct {name}<'a> {{ {} }}\n    impl {name}<'_> {{\n        pub fn get(&self, lang: Lang) -> String {{\n            let Self {{ {} }} = *self;\n            match lang {{ Lang::Zh => format!({:?}), Lang::En => format!({:?}) }}\n        }}\n    }}",
            fields.join(", "),
            names.join(", "),
            text.zh,
            text.en
        );
    }
    out.push_str("}\n");
    out
}

/// The figures and widgets the sections place, as an enum, and where each stands.
fn exhibits_to_rust(c: &Content) -> String {
    let variant = pascal_case;
    let variants: Vec<String> = EXHIBITS.iter().map(|n| variant(n)).collect();
    let mut out = format!(
        "/// A figure or widget a section places (content/placements.toml).\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Exhibit {{ {} }}\n",
        variants.join(", ")
    );
    out.push_str("impl Exhibit {\n    /// Its name in content/placements.toml.\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for (name, v) in EXHIBITS.iter().zip(&variants) {
        let _ = writeln!(out, "            Exhibit::{v} => {name:?},");
    }
    out.push_str("        }\n    }\n}\n");
    out.push_str("/// (paragraph, exhibit): each exhibit follows its paragraph, in this order.\npub static PLACEMENTS: &[(&str, Exhibit)] = &[\n");
    for p in &c.placements {
        let _ = writeln!(out, "({:?}, Exhibit::{}),", p.after, variant(&p.show));
    }
    out.push_str("];\n");
    out
}

/// The paragraph a timeline stands after: its own `after`, or its figure's placement.
fn timeline_after<'a>(c: &'a Content, t: &'a Timeline) -> &'a str {
    let placed = |figure: &String| c.placements.iter().find(|p| &p.show == figure);
    let figure_after = t.figure.as_ref().and_then(placed).map(|p| p.after.as_str());
    t.after.as_deref().or(figure_after).unwrap_or_default()
}

/// Sources ordered by their first citation in the Chinese text (the essay's first language),
/// reading the page as it is laid out: a claim's sources where its marker stands, a timeline's
/// after the paragraph it follows. Citation numbers then rise as the reader reads.
pub fn sources_in_citation_order(c: &Content) -> Vec<&Source> {
    let mut cited: Vec<&str> = Vec::new();
    for p in c.sections.iter().flat_map(|s| &s.paragraphs) {
        for piece in parse_inline(p.zh.as_deref().unwrap_or_default()).unwrap_or_default() {
            match piece {
                Inline::Cite(id) => cited.push(id),
                Inline::Claim(id) => {
                    let claim = c.claims.iter().find(|cl| cl.id == id);
                    cited.extend(claim.iter().flat_map(|cl| &cl.sources).map(String::as_str));
                }
                _ => {}
            }
        }
        let own = c.timelines.iter().filter(|t| t.figure.is_none());
        for t in own.filter(|t| timeline_after(c, t) == p.id) {
            cited.extend(t.events.iter().flat_map(|e| &e.sources).map(String::as_str));
        }
        let placed = c.placements.iter().filter(|place| place.after == p.id);
        for place in placed {
            let inside = c
                .timelines
                .iter()
                .filter(|t| t.figure.as_ref() == Some(&place.show));
            cited.extend(
                inside
                    .flat_map(|t| &t.events)
                    .flat_map(|e| &e.sources)
                    .map(String::as_str),
            );
            for step in c.steps.iter().filter(|s| s.figure == place.show) {
                for piece in parse_inline(&step.zh).unwrap_or_default() {
                    if let Inline::Cite(id) = piece {
                        cited.push(id);
                    }
                }
            }
        }
    }
    let mut sources: Vec<&Source> = c.sources.iter().collect();
    sources.sort_by_key(|s| {
        cited
            .iter()
            .position(|id| *id == s.id)
            .unwrap_or(usize::MAX)
    });
    sources
}
