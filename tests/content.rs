//! The content rules of build.rs, on the real content and on content broken on purpose (each
//! rule must catch what it is for), plus what the rendered pages make of the content.

#[path = "../build/content_source.rs"]
#[allow(dead_code)]
mod content_source;

use content_source::{check, load, parse, parse_inline, ui_item_name, Inline, FILES};
use essay::content::{Inline as Piece, Lang, ESSAY};
use leptos::prelude::*;
use std::path::Path;

fn real_texts() -> [String; 8] {
    FILES.map(|f| std::fs::read_to_string(Path::new("content").join(f)).unwrap())
}

/// Content broken on purpose, one rule at a time: (file, text in it, its replacement, what the
/// rules must report). Each case edits the real content, so it breaks exactly one thing.
const BREAKAGES: &[(&str, &str, &str, &str)] = &[
    // A paragraph in one language only: its English emptied (the rest turned into a comment).
    (
        "sections.toml",
        "en = \"The story opens in 2010",
        "en = \" \"\n# The story opens in 2010",
        "paragraph 'openstack-1' has no en text",
    ),
    // A misspelt language key is refused outright.
    (
        "sections.toml",
        "en = \"The story opens in 2010",
        "not_en = \"The story opens in 2010",
        "not_en",
    ),
    (
        "sections.toml",
        "id = \"docker-2\"",
        "id = \"docker-1\"",
        "duplicate id 'docker-1'",
    ),
    (
        "sources.toml",
        "id = \"rust-1-0\"",
        "id = \"w3c-wasm-rec\"",
        "duplicate id 'w3c-wasm-rec'",
    ),
    (
        "figures.toml",
        "source = \"infoq-lucet\"\n",
        "",
        "figure 'lucet-instantiation' has neither a source nor measured_live",
    ),
    (
        "figures.toml",
        "source = \"infoq-lucet\"",
        "source = \"nowhere\"",
        "cites unknown source 'nowhere'",
    ),
    (
        "figures.toml",
        "value = \"5.58\"",
        "value = \"about 5.58\"",
        "value 'about 5.58' is not a number",
    ),
    (
        "sections.toml",
        "{cite:dcd-nebula}",
        "{cite:nebula}",
        "cites unknown source 'nebula'",
    ),
    (
        "sections.toml",
        "{fig:smallest-module}",
        "{fig:tiniest}",
        "unknown figure 'tiniest'",
    ),
    (
        "sections.toml",
        "{q:乌央乌央}",
        "{quote:乌央乌央}",
        "unknown inline kind 'quote'",
    ),
    (
        "sources.toml",
        "https://www.forbes.com",
        "http://www.forbes.com",
        "URL is not https",
    ),
    (
        "sections.toml",
        "id = \"mozilla\"",
        "id = \"mozzila\"",
        "article sections must be",
    ),
    (
        "sections.toml",
        "{cite:hykes-tweet}",
        "",
        "source 'hykes-tweet' is never cited",
    ),
    (
        "claims.toml",
        "sources = [\"wikipedia-spring\"]",
        "sources = [\"spring-wiki\"]",
        "'spring-2003' cites unknown source 'spring-wiki'",
    ),
    (
        "claims.toml",
        "claim = { zh = \"2003年 Spring 框架开源，目标是取代 EJB。\"",
        "claim = { zh = \"\"",
        "claim 'spring-2003' has no zh claim",
    ),
    (
        "claims.toml",
        "verdict = \"false\"",
        "verdict = \"mostly\"",
        "unknown variant `mostly`, expected one of `true`, `partly`, `false`",
    ),
    (
        "claims.toml",
        "fact = 13\n",
        "fact = 12\n",
        "fact row 12 is not a unique row",
    ),
    (
        "sections.toml",
        "{claim:lxc-google}",
        "",
        "claim 'lxc-google': its marker stands 0 time(s) in the zh text of 'docker-1'",
    ),
    // A record sentence that states a date loses its citation (the source stays cited nearby).
    (
        "sections.toml",
        "发布于2013年3月23日{cite:moby-changelog}",
        "发布于2013年3月23日",
        "paragraph 'openstack-2' (zh) states a date or quantity without a cite",
    ),
    (
        "sections.toml",
        "came out on 23 March 2013{cite:moby-changelog}",
        "came out on 23 March 2013",
        "paragraph 'openstack-2' (en) states a date or quantity without a cite",
    ),
    // A note is held to the same rule as a record: a bare count in the method paragraph.
    (
        "sections.toml",
        "Every fact was checked against the sources below,",
        "Every one of the 69 sources below was read,",
        "paragraph 'method-1' (en) states a date or quantity without a cite",
    ),
    // A paragraph's kind is one of three; serde names the one it got.
    (
        "sections.toml",
        "kind = \"record\"",
        "kind = \"recorded\"",
        "unknown variant `recorded`",
    ),
    // Both languages of an interface string fill the same placeholders.
    (
        "site.toml",
        "en = \"The article's {n} factual claims, checked\"",
        "en = \"The article's {count} factual claims, checked\"",
        "ui 'scorecard-title': zh has placeholders [\"n\"], en has [\"count\"]",
    ),
    (
        "site.toml",
        "en = \"The article's {n} factual claims, checked\"",
        "en = \"The article's {N} factual claims, checked\"",
        "ui 'scorecard-title': placeholder '{N}' is not a lower-case name",
    ),
    // Every exhibit stands once, after a paragraph that exists.
    (
        "placements.toml",
        "after = \"webassembly-wasi\"",
        "after = \"webassembly-nine\"",
        "'wasi' is placed after unknown paragraph 'webassembly-nine'",
    ),
    (
        "placements.toml",
        "show = \"wasi\"",
        "show = \"wasi-demo\"",
        "exhibit 'wasi' is placed 0 time(s), expected once",
    ),
    (
        "placements.toml",
        "show = \"wasi\"",
        "show = \"wasi\"\nafter = \"webassembly-wasi\"\n[[placements]]\nshow = \"wasi-demo\"",
        "placement of unknown exhibit 'wasi-demo'",
    ),
    // A step of a stepped figure keeps a record paragraph's rules, and carries no claim.
    (
        "stepped.toml",
        "首次发布{cite:moby-changelog}",
        "首次发布",
        "step 3 of 'what-ships' (zh) states a date or quantity without a cite",
    ),
    (
        "stepped.toml",
        "also leave the kernel out of the box:",
        "also leave the kernel out of the box{claim:docker-2013}:",
        "step 3 of 'what-ships' (en) carries a claim marker",
    ),
    // what-ships draws each era once, in order; the other stepped figures name none.
    (
        "stepped.toml",
        "era = \"container\"",
        "era = \"vm\"",
        "what-ships draws [Vm, Platform, Vm, Module]",
    ),
    (
        "stepped.toml",
        "figure = \"who-builds\"\ntitle = { zh = \"代码\"",
        "figure = \"who-builds\"\nera = \"vm\"\ntitle = { zh = \"代码\"",
        "step 5 of 'who-builds' takes no era",
    ),
    // A timeline stands after a paragraph, or inside a figure, not both and not neither.
    (
        "timelines.toml",
        "figure = \"docker-pieces\"\ntitle = { zh = \"编排之争",
        "figure = \"docker-bits\"\ntitle = { zh = \"编排之争",
        "timeline 'docker-pieces-contest' stands in unknown exhibit 'docker-bits'",
    ),
    (
        "timelines.toml",
        "figure = \"docker-pieces\"\ntitle = { zh = \"编排之争",
        "figure = \"docker-pieces\"\nafter = \"docker-4\"\ntitle = { zh = \"编排之争",
        "timeline 'docker-pieces-contest' needs either `after` (a paragraph) or `figure` (an exhibit)",
    ),
    (
        "stepped.toml",
        "era = \"module\"",
        "era = \"unikernel\"",
        "unknown variant `unikernel`",
    ),
    (
        "timelines.toml",
        "record = \"2009-06\"",
        "record = \"2009-13-01\"",
        "is not YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "timelines.toml",
        "record = \"2022-05-03\"",
        "record = \"2031-05-03\"",
        "is outside 2019-2025",
    ),
];

#[test]
fn every_rule_catches_what_it_is_for() {
    for (file, from, to, expected) in BREAKAGES {
        let mut texts = real_texts();
        let i = FILES.iter().position(|f| f == file).unwrap();
        // A case whose text is not there would pass without testing anything.
        assert!(
            texts[i].contains(from),
            "{file} no longer contains {from:?}"
        );
        texts[i] = texts[i].replace(from, to);
        let problems = match parse(texts) {
            Ok(content) => check(&content),
            Err(parse_error) => vec![parse_error],
        };
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{file}: {from:?} → {to:?} should report {expected:?}, got {problems:?}"
        );
    }
}

/// What the sentence rule counts as a date or quantity, and what it lets pass.
#[test]
fn the_sentence_rule_counts_dates_and_quantities_only() {
    use content_source::uncited_quantities as uncited;
    // Dates and counts, in either language, need backing in their own sentence.
    assert_eq!(
        uncited("It closed in April 2015."),
        ["It closed in April 2015."]
    );
    assert_eq!(uncited("它在2015年4月关门。"), ["它在2015年4月关门。"]);
    assert_eq!(uncited("About 300 of them."), ["About 300 of them."]);
    assert!(uncited("It closed in April 2015{cite:x}.").is_empty());
    assert!(uncited("它在2015年4月关门{cite:x}。").is_empty());
    assert!(uncited("Allowed: {fig:seccomp-allowed} calls.").is_empty());
    // Only the sentence that states it: the one after it is its own sentence.
    assert_eq!(
        uncited("Founded in 2007{cite:x}. Bought in 2010."),
        ["Bought in 2010."]
    );
    assert_eq!(
        uncited("第一句2007{cite:x}。第二句2010。"),
        ["第二句2010。"]
    );
    // Numbers in words count; "one", 一个 and words that only look like counts do not.
    assert_eq!(
        uncited("In six brisk sections."),
        ["In six brisk sections."]
    );
    assert_eq!(
        uncited("For a decade, nothing."),
        ["For a decade, nothing."]
    );
    assert_eq!(uncited("文章只有六个小节。"), ["文章只有六个小节。"]);
    assert_eq!(uncited("本页用几十行代码。"), ["本页用几十行代码。"]);
    assert!(uncited("One of them runs. 一个模块，十分重要。").is_empty());
    // Versions, names with digits, section numbers and quotations are not quantities.
    assert!(uncited("Docker 1.12 and Linux 2.6.24 came later.").is_empty());
    assert!(uncited("It imports wasi_snapshot_preview1 on x86-64.").is_empty());
    assert!(uncited("Runc's CVE-2019-5736 is one.").is_empty());
    assert!(uncited("As section 1 says, it is so.").is_empty());
    assert!(uncited("He wrote {q-en:in 2008, we would not}. So be it.").is_empty());
    // A decimal point inside a number does not end a sentence.
    assert_eq!(
        uncited("It was 5.58 MB in 2019. Fine."),
        ["It was 5.58 MB in 2019."]
    );
}

/// The article's title has one English rendering (its source's `title_en`), wherever the
/// essay, its interface or its README names the article in English.
#[test]
fn the_article_title_has_one_english_rendering() {
    let content = load(Path::new("content")).unwrap();
    let article = content.sources.iter().find(|s| s.id == "article").unwrap();
    let rendering = article.title_en.as_deref().expect("the article's title_en");
    // Every English rendering so far ended in "wrong road again"; a new one would too, or
    // would start "Sorry, cloud".
    let markers = ["wrong road again", "sorry, cloud"];
    let mut files: Vec<std::path::PathBuf> = ["README.md", "index.html"].map(Into::into).into();
    for dir in ["content", "src"] {
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(d).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push(path);
                }
            }
        }
    }
    let mut renderings = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let lower = text.to_lowercase();
        let canonical = text.matches(rendering).count();
        renderings += canonical;
        for marker in markers {
            assert_eq!(
                lower.matches(marker).count(),
                canonical,
                "{}: “{marker}” outside the one rendering “{rendering}”",
                file.display()
            );
        }
    }
    assert!(renderings >= 3, "the rendering is used {renderings} times");
}

#[test]
fn the_real_content_keeps_every_rule() {
    let content = load(Path::new("content")).unwrap();
    assert_eq!(check(&content), Vec::<String>::new());
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
        .filter(|f| matches!(f.basis, essay::content::Basis::Cited { .. }))
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

/// Each figure and widget stands where `content/placements.toml` puts it: after its paragraph
/// and before the next; and a run of one voice broken by one reopens with its label.
#[test]
fn exhibits_stand_where_the_content_places_them() {
    let content = load(Path::new("content")).unwrap();
    let paragraphs: Vec<_> = content
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .collect();
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{lang:?}: no {needle}"))
        };
        for place in &content.placements {
            let marker = match place.show.as_str() {
                "kernel-source" => "class=\"code-pair\"".to_owned(),
                name => format!("data-widget=\"{name}\""),
            };
            let i = paragraphs.iter().position(|p| p.id == place.after).unwrap();
            let next = paragraphs[i + 1];
            let next_at = at(&format!("<p id=\"{}\"", next.id));
            let shown = at(&marker);
            assert!(
                at(&format!("<p id=\"{}\"", place.after)) < shown && shown < next_at,
                "{lang:?}: {} is not between {} and {}",
                place.show,
                place.after,
                next.id
            );
            if next.kind != content_source::ParagraphKind::Note {
                let opening: String = html[next_at..].chars().take(120).collect();
                assert!(
                    opening.contains("class=\"voice-label\""),
                    "{lang:?}: {} follows {} without its voice label",
                    next.id,
                    place.show
                );
            }
        }
    }
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

/// The fact sheet's claims table (vendored in tests/data): row number and verdict.
fn fact_sheet_verdicts() -> Vec<(u32, String)> {
    let path = Path::new("tests/data/fact-sheet-claims.md");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
    let facts = fact_sheet_verdicts();
    assert_eq!(facts.len(), 21, "rows read from the fact sheet");
    for (row, verdict) in &facts {
        let claim = content.claims.iter().find(|c| c.fact == Some(*row));
        let claim =
            claim.unwrap_or_else(|| panic!("fact sheet claim {row} has no entry in claims.toml"));
        // The fact sheet writes a verdict as claims.toml does: true, partly, false.
        let written = format!("{:?}", claim.verdict).to_lowercase();
        assert_eq!(
            &written, verdict,
            "claim {} (fact sheet row {row})",
            claim.id
        );
    }
    // Beyond the fact sheet, only the claims of our own check, which say so by having no row.
    let own: Vec<&str> = content
        .claims
        .iter()
        .filter(|c| c.fact.is_none())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(own, ["bytecode-alliance-standards"]);
    assert_eq!(content.claims.len(), facts.len() + own.len());
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
    // No-break spaces: a date never breaks across lines.
    assert_eq!(d(2009, 8, 19).format(Lang::En), "19\u{a0}Aug\u{a0}2009");
    assert_eq!(d(2013, 3, 0).format(Lang::En), "Mar\u{a0}2013");
    assert_eq!(d(2015, 0, 0).format(Lang::Zh), "2015");
    assert!(d(2009, 1, 1).position() < d(2009, 12, 31).position());
    assert!(
        (d(2015, 0, 0).position() - 2015.54).abs() < 0.01,
        "a bare year sits mid-year"
    );
    assert!(d(2009, 12, 31).position() < 2010.0);
}

/// Every Rust source file under `dir`, as text.
fn rust_sources(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text += &rust_sources(&path);
        } else if path.extension().is_some_and(|e| e == "rs") {
            text += &std::fs::read_to_string(&path).unwrap();
        }
    }
    text
}

/// Whether `code` names `item` whole (`ui::SECTION` is not used by `ui::SECTIONS`).
fn uses(code: &str, item: &str) -> bool {
    code.match_indices(item).any(|(at, _)| {
        let next = code[at + item.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

#[test]
fn every_interface_string_is_used_by_the_code() {
    let content = load(Path::new("content")).unwrap();
    let code = rust_sources(Path::new("src"));
    // Each string is a generated item, `ui::SKIP_TO_TEXT` or `ui::ScorecardTitle { … }`.
    let unused: Vec<&String> = content
        .site
        .ui
        .iter()
        .filter(|(key, text)| !uses(&code, &format!("ui::{}", ui_item_name(key, text))))
        .map(|(key, _)| key)
        .collect();
    assert!(
        unused.is_empty(),
        "content/site.toml strings no code shows: {unused:?}"
    );
}

/// The system-call figures, counted again from the stored files (content/counted/README.md
/// says how each call is counted): a figure typed in by hand would fail here.
#[test]
fn the_system_call_figures_are_counted_from_the_files() {
    let table = std::fs::read_to_string("content/counted/linux-syscall_64.tsv").unwrap();
    let entries: Vec<(&str, bool)> = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields[1], fields[2] == "yes")
        })
        .collect();
    let implemented: Vec<&str> = entries.iter().filter(|e| e.1).map(|e| e.0).collect();

    let profile: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("content/counted/moby-seccomp-default.json").unwrap(),
    )
    .unwrap();
    assert_eq!(
        profile["defaultAction"], "SCMP_ACT_ERRNO",
        "what no rule allows is blocked"
    );
    let (mut allowed, mut with_capability) = (Vec::new(), Vec::new());
    for rule in profile["syscalls"].as_array().unwrap() {
        let includes = &rule["includes"];
        let for_amd64 = includes["arches"]
            .as_array()
            .is_none_or(|arches| arches.iter().any(|a| a == "amd64"));
        let excluded = rule["excludes"]["arches"]
            .as_array()
            .is_some_and(|arches| arches.iter().any(|a| a == "amd64"));
        if rule["action"] != "SCMP_ACT_ALLOW" || !for_amd64 || excluded {
            continue;
        }
        let names = rule["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap());
        if includes["caps"].is_array() {
            with_capability.extend(names);
        } else {
            allowed.extend(names);
        }
    }
    let count =
        |keep: &dyn Fn(&&str) -> bool| implemented.iter().filter(|n| keep(n)).count() as f64;
    let allowed_n = count(&|n| allowed.contains(n));
    let capability_n = count(&|n| !allowed.contains(n) && with_capability.contains(n));
    let never_n = count(&|n| !allowed.contains(n) && !with_capability.contains(n));
    let figure = |id: &str| {
        ESSAY
            .figure(id)
            .unwrap_or_else(|| panic!("figure {id}"))
            .number
    };
    assert_eq!(figure("linux-syscall-entries"), entries.len() as f64);
    assert_eq!(figure("linux-syscalls"), implemented.len() as f64);
    assert_eq!(figure("seccomp-allowed"), allowed_n);
    assert_eq!(figure("seccomp-cap-only"), capability_n);
    assert_eq!(figure("seccomp-never"), never_n);
    assert_eq!(figure("seccomp-blocked"), capability_n + never_n);
}
