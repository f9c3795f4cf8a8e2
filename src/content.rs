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

    /// The way back from this language's page to the site root.
    pub fn root(self) -> &'static str {
        match self {
            Lang::Zh => "./",
            Lang::En => "../",
        }
    }
}

/// A value in both languages.
#[derive(Clone, Copy, Debug)]
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
    /// A citation of a source, by id.
    Cite(&'static str),
    /// A number from the figures table, by id.
    Figure(&'static str),
}

#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
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
    /// Given by a source, by id.
    Cited(&'static str),
    /// Measured in the reader's browser; the value shown comes from the page.
    MeasuredLive,
}

#[derive(Debug)]
pub struct Figure {
    pub id: &'static str,
    pub value: &'static str,
    pub unit: Both<&'static str>,
    pub basis: Basis,
}

// UI, SECTIONS, SOURCES, FIGURES: generated from content/ by build.rs.
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

    pub fn figures(&self) -> &'static [Figure] {
        FIGURES
    }

    /// An interface string. Unknown keys are a programming error, caught by the tests.
    pub fn ui(&self, key: &str, lang: Lang) -> &'static str {
        match UI.binary_search_by_key(&key, |(k, _)| k) {
            Ok(i) => UI[i].1.get(lang),
            Err(_) => panic!("no interface string '{key}' in content/site.toml"),
        }
    }

    pub fn section(&self, id: &str) -> &'static Section {
        let found = SECTIONS.iter().find(|s| s.id == id);
        found.unwrap_or_else(|| panic!("no section '{id}' in content/sections.toml"))
    }

    pub fn source(&self, id: &str) -> Option<(usize, &'static Source)> {
        SOURCES.iter().enumerate().find(|(_, s)| s.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&'static Figure> {
        FIGURES.iter().find(|f| f.id == id)
    }
}
