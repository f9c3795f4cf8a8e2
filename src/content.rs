//! The essay's content as typed Rust data. The values are generated at build time from
//! `content/*.toml` by `build.rs`; see `build/content_source.rs` for the rules they obey.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The value of `<html lang>` for this language.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Lang {
        if tag.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Where this language's page lives, relative to the site root.
    pub fn path(self) -> &'static str {
        match self {
            Lang::Zh => "",
            Lang::En => "en/",
        }
    }

    /// What goes between two sentences: Chinese sets them side by side, English leaves a space.
    pub fn sentence_gap(self) -> &'static str {
        match self {
            Lang::Zh => "",
            Lang::En => " ",
        }
    }

    /// The way back from this language's page to the site root.
    pub fn root(self) -> &'static str {
        match self {
            Lang::Zh => "./",
            Lang::En => "../",
        }
    }
}

/// A value in both languages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Both<T: 'static> {
    pub zh: T,
    pub en: T,
}

impl<T: Copy> Both<T> {
    pub fn get(&self, lang: Lang) -> T {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    pub heading: Both<&'static str>,
    /// True for the six sections that retell the article; false for our opening and closing.
    pub in_article: bool,
    pub paragraphs: &'static [Paragraph],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// What the article says, in our words.
    Retelling,
    /// What the record shows where it differs.
    Record,
    /// Our own framing.
    Note,
}

#[derive(Debug)]
pub struct Paragraph {
    pub id: &'static str,
    pub kind: ParagraphKind,
    pub text: Both<&'static [Inline]>,
}

#[derive(Debug, Clone, Copy)]
pub enum Inline {
    Plain(&'static str),
    /// A short quotation of the original article, always Chinese.
    Quote(&'static str),
    /// A quotation in English.
    EnglishQuote(&'static str),
    /// A citation of a source, by id.
    Cite(&'static str),
    /// A number from the figures table, by id.
    Figure(&'static str),
    /// The verdict marker of a claim, by id.
    Claim(&'static str),
}

#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    /// The one English rendering of a title in another language (the article's), if any.
    pub title_en: Option<&'static str>,
    pub publisher: &'static str,
    pub date: &'static str,
    pub url: Option<&'static str>,
}

impl Source {
    /// The language of the title (the sources are Chinese or English), so both pages set it in
    /// the right font and style and screen readers read it in the right voice.
    pub fn title_lang(&self) -> &'static str {
        let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        if self.title.chars().any(han) {
            Lang::Zh.tag()
        } else {
            Lang::En.tag()
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Basis {
    /// Given by a source: its id, and its number in the bibliography (worked out at build
    /// time, so that a widget citing a figure carries no list of sources to look it up in).
    Cited { source: &'static str, number: usize },
    /// Measured in the reader's browser; the value shown comes from the page.
    MeasuredLive,
}

#[derive(Debug)]
pub struct Figure {
    pub id: &'static str,
    /// As written in content/figures.toml and shown to the reader.
    pub value: &'static str,
    /// The same value as a number (parsed at build time; NaN for a live measurement).
    pub number: f64,
    pub unit: Both<&'static str>,
    pub basis: Basis,
}

/// How a claim of the article fares against the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    True,
    Partly,
    False,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::True, Verdict::Partly, Verdict::False];

    /// The name used in `data-verdict`, CSS classes and anchors.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::True => "true",
            Verdict::Partly => "partly",
            Verdict::False => "false",
        }
    }

    /// A shape beside the colour, so the verdict never rests on colour alone.
    pub fn icon(self) -> &'static str {
        match self {
            Verdict::True => "✓",
            Verdict::Partly => "◐",
            Verdict::False => "✗",
        }
    }

    /// Its label, from content/site.toml.
    pub fn label(self) -> Both<&'static str> {
        match self {
            Verdict::True => ui::VERDICT_TRUE,
            Verdict::Partly => ui::VERDICT_PARTLY,
            Verdict::False => ui::VERDICT_FALSE,
        }
    }
}

#[derive(Debug)]
pub struct Claim {
    pub id: &'static str,
    /// The retelling paragraph whose text carries the claim's marker.
    pub paragraph: &'static str,
    pub verdict: Verdict,
    /// The claim as the article states it.
    pub claim: Both<&'static str>,
    /// What the record shows.
    pub correction: Both<&'static str>,
    pub sources: &'static [&'static str],
}

/// A date as precise as the record gives it: month and day are 0 when not given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date as a year with a fraction, for placing it on a time axis: the middle of the
    /// month or year when the day or month is not known.
    pub fn position(self) -> f64 {
        let month = if self.month == 0 {
            6.5
        } else {
            f64::from(self.month) - 1.0
        };
        let day = if self.day == 0 {
            0.5
        } else {
            (f64::from(self.day) - 1.0) / 31.0
        };
        let day = if self.month == 0 { 0.0 } else { day };
        f64::from(self.year) + (month + day) / 12.0
    }

    pub fn format(self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (y, m, d) = (self.year, self.month, self.day);
        match (lang, m, d) {
            (_, 0, _) => y.to_string(),
            (Lang::Zh, _, 0) => format!("{y}年{m}月"),
            (Lang::Zh, _, _) => format!("{y}年{m}月{d}日"),
            // No-break spaces: "6 Aug 2008" never breaks across lines.
            (Lang::En, _, 0) => format!("{}\u{a0}{y}", MONTHS[usize::from(m) - 1]),
            (Lang::En, _, _) => format!("{d}\u{a0}{}\u{a0}{y}", MONTHS[usize::from(m) - 1]),
        }
    }
}

/// Which state of the stack a step of `what-ships` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// A virtual machine image (OpenStack).
    Vm,
    /// An app the platform packs for you (Cloud Foundry).
    Platform,
    /// A container image on a shared kernel (Docker).
    Container,
    /// A Wasm module that gets only what its host links.
    Module,
}

impl Era {
    /// In the order of the article, and of the what-ships steps.
    pub const ALL: [Era; 4] = [Era::Vm, Era::Platform, Era::Container, Era::Module];

    /// Its name in `data-era`, as in content/stepped.toml.
    pub fn name(self) -> &'static str {
        match self {
            Era::Vm => "vm",
            Era::Platform => "platform",
            Era::Container => "container",
            Era::Module => "module",
        }
    }
}

/// One step of a figure that explains in stages.
#[derive(Debug)]
pub struct Step {
    /// The exhibit it belongs to, by its name in content/placements.toml.
    pub figure: &'static str,
    /// Its name, which the live region reads out.
    pub title: Both<&'static str>,
    /// For what-ships: which state of the stack it draws (checked at build time).
    pub era: Option<Era>,
    pub text: Both<&'static [Inline]>,
}

#[derive(Debug)]
pub struct Timeline {
    pub id: &'static str,
    /// The paragraph it follows, itself or in its figure.
    pub after: &'static str,
    /// The figure it stands in, if it does not stand on its own.
    pub figure: Option<&'static str>,
    pub title: Both<&'static str>,
    pub from: u16,
    pub to: u16,
    pub events: &'static [Event],
}

#[derive(Debug)]
pub struct Event {
    pub id: &'static str,
    pub label: Both<&'static str>,
    /// Where the article puts it, if it dates it at all.
    pub article: Option<Date>,
    /// Where the record puts it.
    pub record: Date,
    /// What it is, beyond its label and dates; a row of data (a release) needs none.
    pub detail: Option<Both<&'static str>>,
    pub sources: &'static [&'static str],
}

// `ui` (one item per interface string), `fig`, `Exhibit` and PLACEMENTS, STEPS, SECTIONS, SOURCES, CITED, FIGURES,
// CLAIMS, TIMELINES: generated from content/ by build.rs.
include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The essay's content. Each kind lives in its own static so that code using only interface
/// strings (the browser's islands) does not pull the prose into the bundle.
pub struct Essay;

pub static ESSAY: Essay = Essay;

impl Essay {
    pub fn sections(&self) -> &'static [Section] {
        SECTIONS
    }

    /// Every source, numbered by its place here (the order of first citation).
    pub fn sources(&self) -> &'static [Source] {
        SOURCES
    }

    pub fn figures(&self) -> &'static [&'static Figure] {
        FIGURES
    }

    pub fn claims(&self) -> &'static [Claim] {
        CLAIMS
    }

    pub fn claim(&self, id: &str) -> &'static Claim {
        let found = CLAIMS.iter().find(|c| c.id == id);
        found.unwrap_or_else(|| panic!("no claim '{id}' in content/claims.toml"))
    }

    /// The claims whose markers stand in a section, in reading order.
    pub fn claims_in(&self, section: &Section) -> Vec<&'static Claim> {
        let markers = section.paragraphs.iter().flat_map(|p| p.text.zh.iter());
        markers
            .filter_map(|piece| match piece {
                Inline::Claim(id) => Some(self.claim(id)),
                _ => None,
            })
            .collect()
    }

    /// The steps of a stepped figure, in order.
    pub fn steps(&self, figure: &'static str) -> impl Iterator<Item = &'static Step> {
        STEPS.iter().filter(move |s| s.figure == figure)
    }

    /// The timelines that stand inside a figure (`figure` in content/timelines.toml).
    pub fn timelines_in(&self, figure: &'static str) -> impl Iterator<Item = &'static Timeline> {
        TIMELINES.iter().filter(move |t| t.figure == Some(figure))
    }

    pub fn timelines(&self) -> &'static [Timeline] {
        TIMELINES
    }

    /// Where a source is cited, in reading order, as (anchor id, section): the first citation
    /// in each paragraph, each claim's note at the end of its section, and each timeline.
    /// The anchors are the ids `text::citation` gives those places, and the timelines' own.
    pub fn citations_of(&self, source: &str) -> Vec<(String, &'static Section)> {
        let mut places = Vec::new();
        for section in SECTIONS {
            for p in section.paragraphs {
                let cites = p
                    .text
                    .zh
                    .iter()
                    .any(|i| matches!(i, Inline::Cite(id) if *id == source));
                if cites {
                    places.push((cite_anchor(p.id, source), section));
                }
                for t in TIMELINES.iter().filter(|t| t.after == p.id) {
                    if t.events.iter().any(|e| e.sources.contains(&source)) {
                        places.push((t.id.to_owned(), section));
                    }
                }
                // The steps of a stepped figure placed after the paragraph.
                for exhibit in self.exhibits_after(p.id) {
                    for (i, step) in self.steps(exhibit.name()).enumerate() {
                        if step
                            .text
                            .zh
                            .iter()
                            .any(|i| matches!(i, Inline::Cite(id) if *id == source))
                        {
                            let place = format!("{}-{i}", step.figure);
                            places.push((cite_anchor(&place, source), section));
                        }
                    }
                }
            }
            for claim in self.claims_in(section) {
                if claim.sources.contains(&source) {
                    places.push((cite_anchor(claim.id, source), section));
                }
            }
        }
        places
    }

    /// Where the bibliography links back to from `source`: the first place citing it in each
    /// section, as (anchor id, section).
    pub fn back_links(&self, source: &str) -> Vec<(String, &'static Section)> {
        let mut places = self.citations_of(source);
        places.dedup_by_key(|(_, section)| section.id);
        places
    }

    /// The figures and widgets that follow a paragraph, in order.
    pub fn exhibits_after<'a>(&self, paragraph: &'a str) -> impl Iterator<Item = Exhibit> + 'a {
        let here = PLACEMENTS
            .iter()
            .filter(move |(after, _)| *after == paragraph);
        here.map(|(_, exhibit)| *exhibit)
    }

    pub fn section(&self, id: &str) -> &'static Section {
        let found = SECTIONS.iter().find(|s| s.id == id);
        found.unwrap_or_else(|| panic!("no section '{id}' in content/sections.toml"))
    }

    /// A source's place in the bibliography (from 0): what a citation in the text shows.
    /// Read from `CITED`, not `SOURCES`, so that citing needs no more of a source than its
    /// id. (The lab's widgets cite figures, which carry their source's number: `Basis`.)
    pub fn cited(&self, id: &str) -> Option<usize> {
        CITED.iter().position(|source| *source == id)
    }

    pub fn figure(&self, id: &str) -> Option<&'static Figure> {
        FIGURES.iter().find(|f| f.id == id).copied()
    }
}

/// The id of the first citation of `source` within `place` (a paragraph or a claim's note).
pub fn cite_anchor(place: &str, source: &str) -> String {
    format!("cite-{place}-{source}")
}
