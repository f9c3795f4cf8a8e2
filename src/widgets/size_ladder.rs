use super::frame::Run;
use crate::content::{fig, ui, Lang};
use crate::stats::{fixed, grouped, log_decades, log_percent, sort_by_key};
use crate::text::html::{table, Html};
use crate::text::{figure_citation, figure_text, page_lang, prerendered};
use crate::wasm_host::{self, SizeReport};
use leptos::prelude::*;

/// The axis runs from 1 byte to 1 GB.
const AXIS: (i32, i32) = (0, 9);

/// One row of the ladder.
struct Rung {
    label: String,
    /// `data-file`: the file's name, or what the row stands for.
    file: String,
    bytes: f64,
    shown: String,
    /// Read from the bytes on this page, rather than cited.
    measured: bool,
}

/// Our modules' sizes, read from the fetched bytes, on a log scale beside the empty module and
/// a cited container image, each with its ratio to the image: the article's "1/100" checked.
#[island]
pub fn SizeLadder() -> impl IntoView {
    let lang = page_lang();
    let (run, start) = Run::on_load(wasm_host::measure_sizes, results, lang);
    // What is left out of the comparison, said whether or not it has run: static, so written
    // by the prerender only.
    let fair = prerendered(|| {
        let alpine = fig::ALPINE_IMAGE;
        let fair = format!(
            "{} {}",
            ui::LADDER_FAIR.get(lang),
            figure_text(alpine, lang)
        );
        let full_stop = Html::text(ui::FULL_STOP.get(lang));
        (Html::text(&fair) + figure_citation(alpine, lang) + full_stop).into_string()
    });
    let body = view! {
        {run.body([ui::LADDER_IDLE, ui::LADDER_RUNNING], None)}
        <p class="widget-fair" inner_html=fair></p>
    };
    let frame = run.frame("size-ladder", ui::LADDER_TITLE).run(start);
    frame
        .claim("wasm-1-100-size", ui::LADDER_CLAIM)
        .method(|| ui::LADDER_METHOD.get(lang))
        .draw((), body)
}

/// One row per file: its bar on the log axis, its size (measured here, or cited), and its ratio
/// to the cited image.
fn results(report: &SizeReport, lang: Lang) -> Html {
    let text = |t: ui::Text| t.get(lang);
    let alpine = fig::ALPINE_IMAGE;
    let alpine_bytes = alpine.number * 1e6;
    let measured = |label: &str, file: &str, bytes: u32| Rung {
        label: label.to_owned(),
        file: file.to_owned(),
        bytes: f64::from(bytes),
        shown: grouped(f64::from(bytes)),
        measured: true,
    };
    let mut rungs = vec![measured(
        text(ui::LADDER_EMPTY),
        "empty",
        report.empty_module_bytes,
    )];
    rungs.extend(
        report
            .modules
            .iter()
            .map(|(file, bytes)| measured(file, file, *bytes)),
    );
    if let Some(bytes) = report.app_bundle {
        rungs.push(measured(text(ui::LADDER_APP), "app", bytes));
    }
    sort_by_key(&mut rungs, |r| r.bytes);
    rungs.push(Rung {
        label: text(ui::LADDER_ALPINE).to_owned(),
        file: "alpine".into(),
        bytes: alpine_bytes,
        shown: figure_text(alpine, lang),
        measured: false,
    });

    let rows: Html = rungs
        .iter()
        .map(|rung| {
            let width = fixed(log_percent(rung.bytes, AXIS.0, AXIS.1), 1);
            let bar = Html::element(
                "span",
                &[
                    (
                        "class",
                        if rung.measured {
                            "ladder-bar"
                        } else {
                            "ladder-bar cited"
                        },
                    ),
                    ("aria-hidden", "true"),
                    ("data-width", &width),
                ],
                Html::default(),
            );
            let basis = if rung.measured {
                ui::MEASURED_HERE
            } else {
                ui::CITED
            };
            let basis = Html::element("span", &[("class", "basis")], Html::text(text(basis)));
            let ratio = if rung.bytes < alpine_bytes {
                let times = (alpine_bytes / rung.bytes).round();
                let verdict = if times >= 100.0 {
                    ui::LADDER_BELOW
                } else {
                    ui::LADDER_ABOVE
                };
                // The verdict on a line of its own, the same in every row.
                Html::text(&format!("1/{}", grouped(times)))
                    + Html::element(
                        "span",
                        &[("class", "ladder-verdict")],
                        Html::text(text(verdict)),
                    )
            } else {
                Html::default()
            };
            Html::element(
                "tr",
                &[
                    ("data-file", &rung.file),
                    ("data-bytes", &fixed(rung.bytes, 0)),
                    (
                        "data-measured",
                        if rung.measured { "true" } else { "false" },
                    ),
                ],
                Html::element("th", &[("scope", "row")], Html::text(&rung.label) + bar)
                    + Html::element("td", &[], Html::text(&format!("{} ", rung.shown)) + basis)
                    + Html::element("td", &[], ratio),
            )
        })
        .collect();
    let ticks: Html = log_decades(AXIS.0, AXIS.1)
        .filter(|(e, _)| e % 3 == 0)
        .map(|(e, at)| {
            let label = ["1 B", "1 kB", "1 MB", "1 GB"][(e / 3) as usize];
            let left = fixed(at, 1);
            Html::element(
                "span",
                &[("class", "chart-tick"), ("data-left", &left)],
                Html::text(label),
            )
        })
        .collect();
    Html::element(
        "div",
        &[("class", "chart-axis ladder-axis"), ("aria-hidden", "true")],
        ticks,
    ) + table(
        "ladder",
        text(ui::LADDER_TITLE),
        true,
        &[
            text(ui::LADDER_WHAT),
            text(ui::LADDER_BYTES),
            text(ui::LADDER_RATIO),
        ],
        rows,
    )
}
