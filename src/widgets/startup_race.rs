use super::frame::Run;
use super::lab_results::RESULTS;
use crate::content::{fig, ui, Figure, Lang};
use crate::stats::{fixed, grouped, log_decades, log_percent, readable, Spread};
use crate::text::html::{table, Html};
use crate::text::{figure_citation, figure_text, page_lang};
use crate::wasm_host::{self, StartupReport};
use leptos::prelude::*;

/// The chart's axis: 1 µs to 100 s.
const AXIS: (i32, i32) = (0, 8);

/// Cited start-up figures drawn beside the measured ones: (what it is, low figure, high
/// figure); the same figure twice where the source gives one value rather than a range.
static CITED: [(&ui::Text, &Figure, &Figure); 5] = [
    (
        &ui::STARTUP_LUCET,
        fig::LUCET_INSTANTIATION,
        fig::LUCET_INSTANTIATION,
    ),
    (
        &ui::STARTUP_V8,
        fig::V8_INSTANTIATION,
        fig::V8_INSTANTIATION,
    ),
    (
        &ui::STARTUP_FIRECRACKER,
        fig::FIRECRACKER_BOOT,
        fig::FIRECRACKER_BOOT,
    ),
    (
        &ui::STARTUP_KHAN,
        fig::CONTAINER_START_SSD,
        fig::CONTAINER_START_HDD,
    ),
    (
        &ui::STARTUP_STRAESSER,
        fig::CONTAINER_START_RANGE_LOW,
        fig::CONTAINER_START_RANGE_HIGH,
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
    let lang = page_lang();
    let run = Run::new(results, lang);
    let progress = RwSignal::new(0.0);
    let start = move || {
        progress.set(0.0);
        run.start(async move {
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
    let texts = [ui::STARTUP_IDLE, ui::STARTUP_RUNNING];
    let body = run.body(texts, Some(progress));
    let frame = run.frame("startup-race", ui::STARTUP_TITLE).run(start);
    let method = move || {
        ui::StartupMethod {
            batch: &wasm_host::BATCH,
            batches: &wasm_host::BATCHES,
        }
        .get(lang)
    };
    frame
        .claim("wasm-100x-faster", ui::STARTUP_CLAIM)
        .method(method)
        .draw((), body)
}

/// A time, or "< resolution" where the clock could not tell it from zero.
fn time(us: f64, resolution: f64) -> String {
    if us < resolution {
        format!("<\u{a0}{}", readable(resolution))
    } else {
        readable(us)
    }
}

/// A median with its range, carrying the numbers in data attributes for checking.
fn spread_cell(s: &Spread, resolution: f64) -> Html {
    let range = format!(" ({}–{})", time(s.min, resolution), time(s.max, resolution));
    Html::element(
        "td",
        &[
            ("data-median", &fixed(s.median, 3)),
            ("data-min", &fixed(s.min, 3)),
            ("data-max", &fixed(s.max, 3)),
        ],
        Html::text(&time(s.median, resolution))
            + Html::element("span", &[("class", "spread")], Html::text(&range)),
    )
}

fn results(report: &StartupReport, lang: Lang) -> Html {
    let text = |t: ui::Text| t.get(lang);
    // A batch divides the clock's step; a single (cold) measurement does not.
    let batch_step = report.clock_step_us / wasm_host::BATCH as f64;
    let memory_step = report.clock_step_us / wasm_host::MEMORY_BATCH as f64;
    let rows: Html = report
        .modules
        .iter()
        .map(|m| {
            let cold: Vec<String> = m
                .cold
                .iter()
                .map(|t| time(*t, report.clock_step_us))
                .collect();
            Html::element(
                "tr",
                &[("data-file", m.file), ("data-total", &fixed(m.total(), 3))],
                Html::element("th", &[("scope", "row")], Html::text(m.file))
                    + spread_cell(&m.compile, batch_step)
                    + spread_cell(&m.instantiate, batch_step)
                    + spread_cell(&m.call, batch_step)
                    + Html::element("td", &[], Html::text(&readable(m.total())))
                    + Html::element("td", &[("class", "cold")], Html::text(&cold.join(" / "))),
            )
        })
        .collect();
    let memory: Html = report
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
            Html::element(
                "tr",
                &[("data-pages", &pages.to_string())],
                Html::element("th", &[("scope", "row")], Html::text(&label))
                    + spread_cell(s, memory_step),
            )
        })
        .collect();
    let clock = ui::StartupClock {
        step: &readable(report.clock_step_us),
    };
    let headings = [
        text(ui::STARTUP_MODULE),
        text(ui::STARTUP_COMPILE),
        text(ui::STARTUP_INSTANTIATE),
        text(ui::STARTUP_CALL),
        text(ui::STARTUP_TOTAL),
        text(ui::STARTUP_COLD),
    ];
    let memory_headings = [text(ui::STARTUP_DECLARED), text(ui::STARTUP_INSTANTIATE)];
    // Six columns scroll sideways on a phone: a region the keyboard can reach and scroll,
    // named by the table's caption.
    Html::element(
        "div",
        &[
            ("class", "table-scroll"),
            ("role", "region"),
            ("tabindex", "0"),
            ("aria-label", text(ui::STARTUP_TABLE)),
        ],
        table("lab-table", text(ui::STARTUP_TABLE), false, &headings, rows),
    ) + table(
        "lab-table memory",
        text(ui::STARTUP_MEMORY),
        false,
        &memory_headings,
        memory,
    ) + chart(report, lang)
        + Html::element(
            "p",
            &[("class", "widget-clock")],
            Html::text(&clock.get(lang)),
        )
}

/// One log-scale line per measured module and per cited figure, with the ratio of each cited
/// container start-up to the fastest module's, as a range where the source gives one.
fn chart(report: &StartupReport, lang: Lang) -> Html {
    let text = |t: &ui::Text| t.get(lang);
    let at = |us: f64| log_percent(us, AXIS.0, AXIS.1);
    let fastest = report
        .modules
        .iter()
        .map(|m| m.total())
        .fold(f64::INFINITY, f64::min);
    // `figure` names the cited figure a line draws (empty for a measured one).
    let line = |class: &str, figure: &str, label: Html, track: Html, value: Html| {
        Html::element(
            "li",
            &[("class", class), ("data-figure", figure)],
            Html::element("span", &[("class", "chart-label")], label)
                + Html::element("span", &[("class", "chart-track")], track)
                + Html::element("span", &[("class", "chart-value")], value),
        )
    };
    let measured = report.modules.iter().map(|m| {
        let left = fixed(at(m.total()), 1);
        let point = Html::element(
            "span",
            &[("class", "chart-point"), ("data-left", &left)],
            Html::default(),
        );
        let label = format!("{} · {}", m.file, text(&ui::MEASURED_HERE));
        let value = format!("{}\u{a0}µs", readable(m.total()));
        line(
            "measured",
            "",
            Html::text(&label),
            point,
            Html::text(&value),
        )
    });
    let cited = CITED.iter().map(|(what, low, high)| {
        let (lo, hi) = (micros(low), micros(high));
        let width = (at(hi) - at(lo)).max(0.8);
        let (left, width) = (fixed(at(lo), 1), fixed(width, 1));
        let range = Html::element(
            "span",
            &[
                ("class", "chart-range"),
                ("data-left", &left),
                ("data-width", &width),
            ],
            Html::default(),
        );
        // In unit symbols in both languages, as the axis and the measured lines are: the zh
        // prose says 微秒, but a chart that mixed "50微秒" with "190 µs" would read as two scales.
        let mut shown = figure_text(low, Lang::En);
        if low.id != high.id {
            shown = format!("{shown}–{}", figure_text(high, Lang::En));
        }
        let mut value = Html::text(&shown);
        // Only start-ups of whole machines and containers (10 ms and more) are compared.
        if lo >= 1e4 && fastest.is_finite() {
            let (a, b) = ((lo / fastest).round(), (hi / fastest).round());
            let times = if a == b {
                format!("{}×", grouped(a))
            } else {
                format!("{}–{}×", grouped(a), grouped(b))
            };
            let attrs = [
                ("class", "chart-ratio"),
                ("data-low", &fixed(lo / fastest, 3)),
                ("data-high", &fixed(hi / fastest, 3)),
            ];
            value += Html::text(" ") + Html::element("span", &attrs, Html::text(&times));
        }
        let label = Html::text(&format!("{} · {}", text(what), text(&ui::CITED)))
            + figure_citation(low, lang);
        line("cited", low.id, label, range, value)
    });
    let ticks: Html = log_decades(AXIS.0, AXIS.1)
        .filter(|(e, _)| e % 2 == 0)
        .map(|(e, left)| {
            let label = ["1 µs", "100 µs", "10 ms", "1 s", "100 s"][(e / 2) as usize];
            // On a phone only every other label has room.
            let class = if e % 4 == 2 {
                "chart-tick minor"
            } else {
                "chart-tick"
            };
            let left = fixed(left, 1);
            Html::element(
                "span",
                &[("class", class), ("data-left", &left)],
                Html::text(label),
            )
        })
        .collect();
    let axis = Html::element(
        "div",
        &[("class", "chart-row-axis"), ("aria-hidden", "true")],
        Html::element("span", &[], Html::default())
            + Html::element("span", &[("class", "chart-axis")], ticks),
    );
    let lines: Html = measured.chain(cited).collect();
    Html::element(
        "div",
        &[("class", "startup-chart")],
        Html::element(
            "p",
            &[("class", "chart-caption")],
            Html::text(text(&ui::STARTUP_CHART)),
        ) + axis
            + Html::element("ol", &[("class", "chart-rows")], lines),
    )
}
