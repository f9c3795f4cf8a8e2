//! The content rules of build.rs, on the real content and on content broken on purpose (each
//! rule must catch what it is for), plus what the rendered pages make of the content.

#[path = "../build/content_source.rs"]
#[allow(dead_code)]
mod content_source;

use content_source::{check, load, parse, parse_inline, Inline, FILES};
use essay::content::{Inline as Piece, Lang, ESSAY};
use leptos::prelude::*;
use std::path::Path;

fn real_texts() -> [String; 6] {
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
fn every_cited_figure_is_shown() {
    let pieces = || {
        ESSAY
            .sections()
            .iter()
            .flat_map(|s| s.paragraphs)
            .flat_map(|p| [p.text.zh, p.text.en])
            .flatten()
    };
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
fn quotations_carry_their_language() {
    let q_tags = |html: &str, class: &str| -> Vec<String> {
        let tags = html
            .split("<q ")
            .skip(1)
            .map(|t| t.split('>').next().unwrap().to_owned());
        tags.filter(|t| t.contains(&format!("class=\"{class}\"")))
            .collect()
    };
    let (en, zh) = (render(Lang::En), render(Lang::Zh));
    let original_en = q_tags(&en, "original");
    assert!(
        original_en.len() >= 10,
        "the English page quotes the original {} times",
        original_en.len()
    );
    assert!(
        original_en.iter().all(|t| t.contains("lang=\"zh-Hans\"")),
        "{original_en:?}"
    );
    assert!(q_tags(&zh, "original").iter().all(|t| !t.contains("lang=")));
    let english_on_zh = q_tags(&zh, "quotation");
    assert!(!english_on_zh.is_empty() && english_on_zh.iter().all(|t| t.contains("lang=\"en\"")));
}

#[test]
fn citation_numbers_rise_as_the_chinese_text_is_read() {
    let html = render(Lang::Zh);
    let numbers: Vec<usize> = html
        .split("<sup")
        .skip(1)
        .filter(|s| s.split('>').next().unwrap().contains("class=\"cite\""))
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

/// The claims table of ../shared/facts.md: row number and verdict.
fn facts_md_verdicts() -> Vec<(u32, String)> {
    let path = Path::new("../shared/facts.md");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the fact sheet sits beside the repository)",
            path.display()
        )
    });
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let row = cells.get(1)?.parse().ok()?;
            Some((row, cells.get(3)?.to_string()))
        })
        .collect()
}

#[test]
fn every_claim_of_the_fact_sheet_is_here_with_its_verdict() {
    let content = load(Path::new("content")).unwrap();
    let facts = facts_md_verdicts();
    assert_eq!(facts.len(), 21, "rows read from facts.md");
    for (row, verdict) in &facts {
        let claim = content.claims.iter().find(|c| c.fact == *row);
        let claim =
            claim.unwrap_or_else(|| panic!("facts.md claim {row} has no entry in claims.toml"));
        assert_eq!(
            &claim.verdict, verdict,
            "claim {} (facts.md row {row})",
            claim.id
        );
    }
    assert_eq!(
        content.claims.len(),
        facts.len(),
        "claims.toml has claims facts.md does not"
    );
}

#[test]
fn broken_claims_are_caught() {
    let problems = problems_after("claims.toml", |t| {
        t.replacen(
            "sources = [\"wikipedia-spring\"]",
            "sources = [\"spring-wiki\"]",
            1,
        )
    });
    assert_caught(problems, "'spring-2003' cites unknown source 'spring-wiki'");
    let problems = problems_after("claims.toml", |t| {
        t.replacen(
            "correction = { zh = \"属实：代码最早",
            "correction = { zh = \" \", old = \"",
            1,
        )
        .replacen(", old = \"", "\", xx = \"", 1)
    });
    assert!(
        !problems.is_empty(),
        "a claim without Chinese correction must not pass"
    );
    let problems = problems_after("claims.toml", |t| {
        t.replacen("verdict = \"false\"", "verdict = \"mostly\"", 1)
    });
    assert_caught(problems, "verdict must be true, partly or false");
    let problems = problems_after("sections.toml", |t| t.replacen("{claim:lxc-google}", "", 1));
    assert_caught(
        problems,
        "claim 'lxc-google': its marker stands 0 time(s) in the zh text of 'docker-1'",
    );
    let problems = problems_after("sections.toml", |t| t.replacen("{cite:hykes-tweet}", "", 2));
    assert_caught(problems, "source 'hykes-tweet' is never cited");
    let problems = problems_after("timelines.toml", |t| {
        t.replacen("record = \"2009-08-19\"", "record = \"2009-13-01\"", 1)
    });
    assert_caught(problems, "is not YYYY, YYYY-MM or YYYY-MM-DD");
    let problems = problems_after("timelines.toml", |t| {
        t.replacen("record = \"2022-05-03\"", "record = \"2031-05-03\"", 1)
    });
    assert_caught(problems, "is outside 2019-2025");
}

#[test]
fn the_scorecard_counts_what_the_markers_say() {
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        for verdict in ["true", "partly", "false"] {
            let markers = html
                .split("<button")
                .filter(|b| {
                    b.contains("class=\"verdict-marker\"")
                        && b.contains(&format!("data-verdict=\"{verdict}\""))
                })
                .count();
            let data = ESSAY
                .claims()
                .iter()
                .filter(|c| c.verdict.name() == verdict)
                .count();
            assert_eq!(markers, data, "{lang:?}: {verdict} markers");
            let tile = format!("data-verdict=\"{verdict}\" data-count=\"{data}\"");
            let tile_alt = format!("data-count=\"{data}\"");
            assert!(
                html.split("<a")
                    .any(|a| a.contains(&format!("href=\"#verdict-{verdict}\""))
                        && (a.contains(&tile) || a.contains(&tile_alt))),
                "{lang:?}: scorecard tile for {verdict} does not say {data}"
            );
        }
    }
}

#[test]
fn every_link_inside_a_page_lands_on_an_id_and_ids_are_unique() {
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        let ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "{lang:?}: duplicate ids");
        let mut links = 0;
        for target in html
            .split("href=\"#")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
        {
            assert!(
                ids.contains(&target),
                "{lang:?}: link to #{target}, which is nowhere"
            );
            links += 1;
        }
        for target in html
            .split("popovertarget=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
        {
            assert!(
                ids.contains(&target),
                "{lang:?}: popovertarget {target}, which is nowhere"
            );
        }
        assert!(links > 100, "{lang:?}: only {links} internal links");
    }
}

#[test]
fn every_source_links_back_to_where_it_is_cited() {
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        for source in ESSAY.sources() {
            let entry = html
                .split(&format!("<li id=\"source-{}\"", source.id))
                .nth(1)
                .unwrap();
            let entry = entry.split("</li>").next().unwrap();
            assert!(
                entry.contains("class=\"back-link\""),
                "{lang:?}: {} has no back-link",
                source.id
            );
        }
    }
}

#[test]
fn dates_are_placed_and_written_as_given() {
    use essay::content::Date;
    let d = |year, month, day| Date { year, month, day };
    assert_eq!(d(2009, 8, 19).format(Lang::Zh), "2009年8月19日");
    assert_eq!(d(2009, 8, 19).format(Lang::En), "19 Aug 2009");
    assert_eq!(d(2013, 3, 0).format(Lang::En), "Mar 2013");
    assert_eq!(d(2015, 0, 0).format(Lang::Zh), "2015");
    assert!(d(2009, 1, 1).position() < d(2009, 12, 31).position());
    assert!(
        (d(2015, 0, 0).position() - 2015.54).abs() < 0.01,
        "a bare year sits mid-year"
    );
    assert!(d(2009, 12, 31).position() < 2010.0);
}
