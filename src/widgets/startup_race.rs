use super::{html_body, log_scale, run_button, start, Phase};
use crate::content::{Figure, Lang, ESSAY};
use crate::html::{citation, element, escape, table};
use crate::lab_results::RESULTS;
use crate::stats::{fixed, grouped, readable, Spread};
use crate::wasm_host::{self, StartupReport};
use leptos::prelude::*;

/// The chart's axis: 1 µs to 100 s.
const AXIS: (i32, i32) = (0, 8);

/// Cited start-up figures drawn beside the measured ones: (label key, low figure, high figure);
/// the same figure twice where the source gives one value rather than a range.
const CITED: [(&str, &str, &str); 5] = [
    (
        "startup-lucet",
        "lucet-instantiation",
        "lucet-instantiation",
    ),
    ("startup-v8", "v8-instantiation", "v8-instantiation"),
    (
        "startup-firecracker",
        "firecracker-boot",
        "firecracker-boot",
    ),
    ("startup-khan", "container-start-ssd", "container-start-hdd"),
    (
        "startup-straesser",
        "container-start-range-low",
        "container-start-range-high",
    ),
];

/// A cited time in microseconds, by its unit.
fn micros(figure: &Figure) -> f64 {
    let unit = match figure.unit.en.trim() {
        "µs" => 1.0,
        "ms" => 1e3,
        "s" => 1e6,
        _ => f64::NAN,
    };
    figure.number * unit
}

/// Times compile, instantiate and first call of each lab module, cold and then in batches of
/// fresh copies, and puts the result on one log scale with the cited start-up of containers,
/// a microVM and other Wasm runtimes.
#[island]
pub fn StartupRace() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<StartupReport>::Idle);
    let progress = RwSignal::new(0.0);
    let run = move || {
        progress.set(0.0);
        start(phase, async move {
            let report = wasm_host::startup_race(move |p| progress.set(p)).await?;
            // The summary quotes the fastest module's start-up.
            let fastest = report.modules.iter().map(|m| (m.file, m.total()));
            let fastest = fastest.fold(None, |best: Option<(&str, f64)>, m| match best {
                Some(b) if b.1 <= m.1 => Some(b),
                _ => Some(m),
            });
            RESULTS.update(|r| r.startup = fastest);
            Ok(report)
        });
    };

    let body = html_body(
        phase,
        ["startup-idle", "startup-running"],
        Some(progress),
        results,
        lang,
    );

    view! {
        <figure class="widget lab" data-widget="startup-race" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("startup-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <a href="#claim-wasm-100x-faster" class="widget-claim">{ui("startup-claim")}</a>
            </div>
            <div class="widget-body" aria-live="polite">{body}</div>
        </figure>
    }
}

/// A time, or "< resolution" where the clock could not tell it from zero.
fn time(us: f64, resolution: f64) -> String {
    if us < resolution {
        format!("&lt;&nbsp;{}", readable(resolution))
    } else {
        readable(us)
    }
}

/// A median with its range, carrying the numbers in data attributes for checking.
fn spread_cell(s: &Spread, resolution: f64) -> String {
    let text = format!(
        "{}<span class=\"spread\"> ({}–{})</span>",
        time(s.median, resolution),
        time(s.min, resolution),
        time(s.max, resolution)
    );
    element(
        "td",
        &[
            ("data-median", &fixed(s.median, 3)),
            ("data-min", &fixed(s.min, 3)),
            ("data-max", &fixed(s.max, 3)),
        ],
        &text,
    )
}

fn results(report: &StartupReport, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    // A batch divides the clock's step; a single (cold) measurement does not.
    let batch_step = report.clock_step_us / report.batch as f64;
    let memory_step = report.clock_step_us / wasm_host::MEMORY_BATCH as f64;
    let rows: Vec<String> = report
        .modules
        .iter()
        .map(|m| {
            let cold: Vec<String> = m
                .cold
                .iter()
                .map(|t| time(*t, report.clock_step_us))
                .collect();
            element(
                "tr",
                &[("data-file", m.file), ("data-total", &fixed(m.total(), 3))],
                &[
                    element("th", &[("scope", "row")], m.file),
                    spread_cell(&m.compile, batch_step),
                    spread_cell(&m.instantiate, batch_step),
                    spread_cell(&m.call, batch_step),
                    element("td", &[], &readable(m.total())),
                    element("td", &[("class", "cold")], &cold.join(" / ")),
                ]
                .concat(),
            )
        })
        .collect();
    let memory: Vec<String> = report
        .memory
        .iter()
        .map(|(pages, s)| {
            let bytes = u64::from(*pages) * 65536;
            let size = if bytes >= 1 << 20 {
                format!("{} MiB", bytes >> 20)
            } else {
                format!("{} KiB", bytes >> 10)
            };
            let label = format!("{pages} × 64 KiB = {size}");
            element(
                "tr",
                &[("data-pages", &pages.to_string())],
                &(element("th", &[("scope", "row")], &label) + &spread_cell(s, memory_step)),
            )
        })
        .collect();
    let method = ui("startup-method")
        .replace("{batch}", &report.batch.to_string())
        .replace("{batches}", &report.batches.to_string())
        .replace("{step}", &readable(report.clock_step_us));
    let headings = [
        ui("startup-module"),
        ui("startup-compile"),
        ui("startup-instantiate"),
        ui("startup-call"),
        ui("startup-total"),
        ui("startup-cold"),
    ];
    element(
        "div",
        &[("class", "table-scroll")],
        &table("lab-table", ui("startup-table"), &headings, &rows),
    ) + &table(
        "lab-table memory",
        ui("startup-memory"),
        &[ui("startup-declared"), ui("startup-instantiate")],
        &memory,
    ) + &chart(report, lang)
        + &element("p", &[("class", "widget-method")], &escape(&method))
}

/// One log-scale line per measured module and per cited figure, with the ratio of each cited
/// container start-up to the fastest module's, as a range where the source gives one.
fn chart(report: &StartupReport, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    let at = |us: f64| log_scale::percent(us, AXIS.0, AXIS.1);
    let fastest = report
        .modules
        .iter()
        .map(|m| m.total())
        .fold(f64::INFINITY, f64::min);
    // `figure` names the cited figure a line draws (empty for a measured one).
    let line = |class: &str, figure: &str, label: String, track: String, value: String| {
        element(
            "li",
            &[("class", class), ("data-figure", figure)],
            &(element("span", &[("class", "chart-label")], &label)
                + &element("span", &[("class", "chart-track")], &track)
                + &element("span", &[("class", "chart-value")], &value)),
        )
    };
    let measured = report.modules.iter().map(|m| {
        let point = element(
            "span",
            &[
                ("class", "chart-point"),
                ("style", &format!("left: {}%", fixed(at(m.total()), 1))),
            ],
            "",
        );
        let label = format!("{} · {}", m.file, escape(ui("measured-here")));
        line(
            "measured",
            "",
            label,
            point,
            format!("{} µs", readable(m.total())),
        )
    });
    let cited = CITED.iter().map(|(label, low, high)| {
        let (low, high) = (
            ESSAY.figure(low).expect("figure"),
            ESSAY.figure(high).expect("figure"),
        );
        let (lo, hi) = (micros(low), micros(high));
        let width = (at(hi) - at(lo)).max(0.8);
        let range = element(
            "span",
            &[
                ("class", "chart-range"),
                (
                    "style",
                    &format!("left: {}%; width: {}%", fixed(at(lo), 1), fixed(width, 1)),
                ),
            ],
            "",
        );
        let mut shown = format!("{}{}", low.value, escape(low.unit.get(lang)));
        if low.id != high.id {
            shown = format!("{shown}–{}{}", high.value, escape(high.unit.get(lang)));
        }
        // Only start-ups of whole machines and containers (10 ms and more) are compared.
        if lo >= 1e4 && fastest.is_finite() {
            let (a, b) = ((lo / fastest).round(), (hi / fastest).round());
            let text = if a == b {
                format!("{}×", grouped(a))
            } else {
                format!("{}–{}×", grouped(a), grouped(b))
            };
            let attrs = [
                ("class", "chart-ratio"),
                ("data-low", &fixed(lo / fastest, 3)),
                ("data-high", &fixed(hi / fastest, 3)),
            ];
            shown = format!("{shown} {}", element("span", &attrs, &text));
        }
        let label = format!(
            "{} · {}{}",
            escape(ui(label)),
            escape(ui("cited")),
            low.source().map(citation).unwrap_or_default()
        );
        line("cited", low.id, label, range, shown)
    });
    let ticks: String = log_scale::decades(AXIS.0, AXIS.1)
        .filter(|(e, _)| e % 2 == 0)
        .map(|(e, left)| {
            let label = ["1 µs", "100 µs", "10 ms", "1 s", "100 s"][(e / 2) as usize];
            // On a phone only every other label has room.
            let class = if e % 4 == 2 {
                "chart-tick minor"
            } else {
                "chart-tick"
            };
            element(
                "span",
                &[
                    ("class", class),
                    ("style", &format!("left: {}%", fixed(left, 1))),
                ],
                label,
            )
        })
        .collect();
    let axis = element(
        "div",
        &[("class", "chart-row-axis"), ("aria-hidden", "true")],
        &(element("span", &[], "") + &element("span", &[("class", "chart-axis")], &ticks)),
    );
    let lines: String = measured.chain(cited).collect();
    element(
        "div",
        &[("class", "startup-chart")],
        &(element(
            "p",
            &[("class", "chart-caption")],
            &escape(ui("startup-chart")),
        ) + &axis
            + &element("ol", &[("class", "chart-rows")], &lines)),
    )
}
