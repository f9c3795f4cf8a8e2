//! The content rules of build.rs, on the real content and on content broken on purpose (each
//! rule must catch what it is for), plus what the rendered pages make of the content.

#[path = "../build/content_source.rs"]
#[allow(dead_code)]
mod content_source;

use content_source::{check, load, parse, parse_inline, Inline, FILES};
use essay::content::{Inline as Piece, Lang, ESSAY};
use leptos::prelude::*;
use std::path::Path;

fn real_texts() -> [String; 4] {
    FILES.map(|f| std::fs::read_to_string(Path::new("content").join(f)).unwrap())
}

/// The real content with one file's text changed by `edit`; returns the problems found.
fn problems_after(file: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    let mut texts = real_texts();
    let i = FILES.iter().position(|f| *f == file).unwrap();
    texts[i] = edit(texts[i].clone());
    match parse(texts) {
        Ok(content) => check(&content),
        Err(parse_error) => vec![parse_error],
    }
}

fn assert_caught(problems: Vec<String>, expected: &str) {
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem mentioning {expected:?}, got {problems:?}"
    );
}

#[test]
fn the_real_content_keeps_every_rule() {
    let content = load(Path::new("content")).unwrap();
    assert_eq!(check(&content), Vec::<String>::new());
}

#[test]
fn a_paragraph_in_one_language_only_is_caught() {
    let problems = problems_after("sections.toml", |t| {
        t.replacen(
            "\nen = \"The story opens in 2010",
            "\nnot_en = \"The story opens in 2010",
            1,
        )
    });
    // deny_unknown_fields makes the misspelt key itself an error; without it, the paragraph
    // would have no English text. Both say which paragraph is wrong.
    assert!(!problems.is_empty());
    let problems = problems_after("sections.toml", |t| {
        t.replacen(
            "\nen = \"The story opens in 2010",
            "\nen = \" \"\nxx = \"",
            1,
        )
        .replace("\nxx = \"", "\n# ")
    });
    assert_caught(problems, "paragraph 'openstack-1' has no en text");
}

#[test]
fn a_duplicated_id_is_caught() {
    let problems = problems_after("sections.toml", |t| {
        t.replacen("id = \"docker-2\"", "id = \"docker-1\"", 1)
    });
    assert_caught(problems, "duplicate id 'docker-1'");
    let problems = problems_after("sources.toml", |t| {
        t.replacen("id = \"rust-1-0\"", "id = \"w3c-wasm-rec\"", 1)
    });
    assert_caught(problems, "duplicate id 'w3c-wasm-rec'");
}

#[test]
fn a_figure_needs_a_source_or_a_live_measurement() {
    let problems = problems_after("figures.toml", |t| {
        t.replacen("source = \"infoq-lucet\"\n", "", 1)
    });
    assert_caught(
        problems,
        "figure 'lucet-instantiation' has neither a source nor measured_live",
    );
    let problems = problems_after("figures.toml", |t| {
        t.replacen("source = \"infoq-lucet\"", "source = \"nowhere\"", 1)
    });
    assert_caught(problems, "cites unknown source 'nowhere'");
}

#[test]
fn citations_figures_and_urls_are_checked() {
    let problems = problems_after("sections.toml", |t| {
        t.replacen("{cite:dcd-nebula}", "{cite:nebula}", 1)
    });
    assert_caught(problems, "cites unknown source 'nebula'");
    let problems = problems_after("sections.toml", |t| {
        t.replacen("{fig:smallest-module}", "{fig:tiniest}", 1)
    });
    assert_caught(problems, "unknown figure 'tiniest'");
    let problems = problems_after("sources.toml", |t| {
        t.replacen("https://nodejs.org", "http://nodejs.org", 1)
    });
    assert_caught(problems, "URL is not https");
    let problems = problems_after("sections.toml", |t| {
        t.replacen("id = \"mozilla\"", "id = \"mozzila\"", 1)
    });
    assert_caught(problems, "article sections must be");
}

#[test]
fn inline_markup_is_read_and_its_mistakes_reported() {
    assert_eq!(
        parse_inline("a {q:原文} b{cite:x}{fig:y}").unwrap(),
        [
            Inline::Plain("a "),
            Inline::Quote("原文"),
            Inline::Plain(" b"),
            Inline::Cite("x"),
            Inline::Figure("y"),
        ]
    );
    assert!(parse_inline("open {q:never closed").is_err());
    assert!(parse_inline("{nokind}").is_err());
    assert!(parse_inline("{bold:x}").is_err());
}

/// Counts Chinese characters, or English words, in a paragraph's plain text and quotes.
fn amount(pieces: &[Piece], lang: Lang) -> usize {
    let text: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Plain(t) | Piece::Quote(t) => *t,
            _ => " ",
        })
        .collect();
    match lang {
        Lang::Zh => text
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count(),
        Lang::En => text.split_whitespace().count(),
    }
}

#[test]
fn every_section_is_real_prose_in_both_languages() {
    for section in ESSAY.sections() {
        let zh: usize = section
            .paragraphs
            .iter()
            .map(|p| amount(p.text.zh, Lang::Zh))
            .sum();
        let en: usize = section
            .paragraphs
            .iter()
            .map(|p| amount(p.text.en, Lang::En))
            .sum();
        assert!(zh >= 150, "{}: {zh} Chinese characters", section.id);
        assert!(en >= 100, "{}: {en} English words", section.id);
    }
}

#[test]
fn every_source_is_cited_and_every_figure_used() {
    let pieces = || {
        ESSAY
            .sections()
            .iter()
            .flat_map(|s| s.paragraphs)
            .flat_map(|p| [p.text.zh, p.text.en])
            .flatten()
    };
    for source in ESSAY.sources() {
        assert!(
            pieces().any(|p| matches!(p, Piece::Cite(id) if *id == source.id)),
            "source '{}' is never cited",
            source.id
        );
    }
    for figure in ESSAY
        .figures()
        .iter()
        .filter(|f| matches!(f.basis, essay::content::Basis::Cited(_)))
    {
        assert!(
            pieces().any(|p| matches!(p, Piece::Figure(id) if *id == figure.id)),
            "figure '{}' is never shown",
            figure.id
        );
    }
}

fn render(lang: Lang) -> String {
    Owner::new().with(|| view! { <essay::App lang /> }.to_html())
}

#[test]
fn both_pages_render_every_section_and_resolve_every_citation() {
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        for id in content_source::ARTICLE_SECTIONS {
            assert!(
                html.contains(&format!("<section id=\"{id}\"")),
                "{lang:?}: no section {id}"
            );
        }
        let mut rest = html.as_str();
        let mut citations = 0;
        while let Some(at) = rest.find("href=\"#source-") {
            let id = rest[at + 14..].split('"').next().unwrap();
            assert!(
                html.contains(&format!("id=\"source-{id}\"")),
                "{lang:?}: citation of missing {id}"
            );
            citations += 1;
            rest = &rest[at + 14..];
        }
        assert!(citations > 30, "{lang:?}: only {citations} citations");
        assert_eq!(html.matches("<h1").count(), 1);
    }
}

#[test]
fn quotes_of_the_original_are_marked_chinese_on_the_english_page() {
    let q_tags = |html: &str| -> Vec<String> {
        html.split("<q ")
            .skip(1)
            .map(|t| t.split('>').next().unwrap().to_owned())
            .collect()
    };
    let en = q_tags(&render(Lang::En));
    let zh = q_tags(&render(Lang::Zh));
    assert!(
        en.len() >= 10,
        "English page quotes the original {} times",
        en.len()
    );
    assert!(en.iter().all(|t| t.contains("lang=\"zh-Hans\"")), "{en:?}");
    assert!(zh.iter().all(|t| !t.contains("lang=")), "{zh:?}");
}

#[test]
fn citation_numbers_rise_as_the_chinese_text_is_read() {
    let html = render(Lang::Zh);
    let numbers: Vec<usize> = html
        .split("<sup class=\"cite\">")
        .skip(1)
        .filter_map(|s| s.split('[').nth(1)?.split(']').next()?.parse().ok())
        .collect();
    let mut highest = 0;
    for n in numbers {
        assert!(
            n <= highest + 1,
            "citation [{n}] appears before [{}]",
            highest + 1
        );
        highest = highest.max(n);
    }
    assert_eq!(highest, ESSAY.sources().len());
}
