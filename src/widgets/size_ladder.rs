use super::{html_body, log_scale, run_button, start, Phase};
use crate::content::{Lang, ESSAY};
use crate::html::{citation, element, escape, table_quiet_caption};
use crate::stats::{fixed, grouped, sort_by_key};
use crate::wasm_host::{self, SizeReport};
use leptos::prelude::*;

/// The axis runs from 1 byte to 1 GB.
const AXIS: (i32, i32) = (0, 9);

/// Our modules' sizes, read from the fetched bytes, on a log scale beside the empty module and
/// a cited container image, each with its ratio to the image: the article's "1/100" checked.
#[island]
pub fn SizeLadder() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<SizeReport>::Idle);
    let run = move || start(phase, wasm_host::measure_sizes());
    Effect::new(move |_| run());
    let alpine = ESSAY.figure("alpine-image").expect("in figures.toml");

    let body = html_body(
        phase,
        ["ladder-idle", "ladder-running"],
        None,
        results,
        lang,
    );

    view! {
        <figure class="widget lab" data-widget="size-ladder" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("ladder-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <a href="#claim-wasm-1-100-size" class="widget-claim">{ui("ladder-claim")}</a>
            </div>
            <div class="widget-body" aria-live="polite">{body}</div>
            <p class="widget-fair" inner_html=format!(
                "{} {}{}{}{}",
                escape(ui("ladder-fair")),
                alpine.value,
                escape(alpine.unit.get(lang)),
                alpine.source().map(citation).unwrap_or_default(),
                ui("full-stop")
            )></p>
        </figure>
    }
}

/// One row per file: its bar on the log axis, its size (measured here, or cited), and its ratio
/// to the cited image.
fn results(report: &SizeReport, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    let alpine = ESSAY.figure("alpine-image").expect("in figures.toml");
    let alpine_bytes = alpine.number * 1e6;
    // (label, file, bytes, as shown, measured here)
    let measured = |label: &str, file: &str, bytes: u32| {
        (
            label.to_owned(),
            file.to_owned(),
            f64::from(bytes),
            bytes.to_string(),
            true,
        )
    };
    let mut rows = vec![measured(
        ui("ladder-empty"),
        "empty",
        report.empty_module_bytes,
    )];
    rows.extend(
        report
            .modules
            .iter()
            .map(|(file, bytes)| measured(file, file, *bytes)),
    );
    if let Some(bytes) = report.app_bundle {
        rows.push(measured(ui("ladder-app"), "app", bytes));
    }
    sort_by_key(&mut rows, |r| r.2);
    let alpine_shown = format!("{}{}", alpine.value, alpine.unit.get(lang));
    rows.push((
        ui("ladder-alpine").to_owned(),
        "alpine".into(),
        alpine_bytes,
        alpine_shown,
        false,
    ));

    let rows: Vec<String> = rows
        .into_iter()
        .map(|(label, file, bytes, shown, measured)| {
            let width = fixed(log_scale::percent(bytes, AXIS.0, AXIS.1), 1);
            let bar_class = if measured {
                "ladder-bar"
            } else {
                "ladder-bar cited"
            };
            let bar = element(
                "span",
                &[
                    ("class", bar_class),
                    ("aria-hidden", "true"),
                    ("style", &format!("width: {width}%")),
                ],
                "",
            );
            let basis = element(
                "span",
                &[("class", "basis")],
                &escape(if measured {
                    ui("measured-here")
                } else {
                    ui("cited")
                }),
            );
            let ratio = if bytes < alpine_bytes {
                let times = (alpine_bytes / bytes).round();
                let verdict = if times >= 100.0 {
                    ui("ladder-below")
                } else {
                    ui("ladder-above")
                };
                format!("1/{} · {}", grouped(times), escape(verdict))
            } else {
                String::new()
            };
            element(
                "tr",
                &[
                    ("data-file", &file),
                    ("data-bytes", &fixed(bytes, 0)),
                    ("data-measured", if measured { "true" } else { "false" }),
                ],
                &(element("th", &[("scope", "row")], &(escape(&label) + &bar))
                    + &element("td", &[], &format!("{} {basis}", escape(&shown)))
                    + &element("td", &[], &ratio)),
            )
        })
        .collect();
    let ticks: String = log_scale::decades(AXIS.0, AXIS.1)
        .filter(|(e, _)| e % 3 == 0)
        .map(|(e, at)| {
            let label = ["1 B", "1 kB", "1 MB", "1 GB"][(e / 3) as usize];
            element(
                "span",
                &[
                    ("class", "chart-tick"),
                    ("style", &format!("left: {}%", fixed(at, 1))),
                ],
                label,
            )
        })
        .collect();
    element(
        "div",
        &[("class", "chart-axis ladder-axis"), ("aria-hidden", "true")],
        &ticks,
    ) + &table_quiet_caption(
        "ladder",
        ui("ladder-title"),
        &[ui("ladder-what"), ui("ladder-bytes"), ui("ladder-ratio")],
        &rows,
    ) + &element(
        "p",
        &[("class", "widget-method")],
        &escape(ui("ladder-method")),
    )
}
