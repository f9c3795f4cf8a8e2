use super::frame::Run;
use super::lab_results::RESULTS;
use crate::content::{fig, ui, Lang};
use crate::stats::{fixed, readable, times_as_fast, Spread};
use crate::text::html::{table, Html};
use crate::text::{figure_citation, figure_text, page_lang, prerendered};
use crate::wasm_host::{self, SpeedReport, SPEED_ROUNDS, WARMUP_RUNS, WARMUP_SIZE};
use leptos::prelude::*;

/// Grid sizes the reader may pick: big enough to time, small enough to finish in seconds.
/// Choices, not a number field: Chromium lays out a skipped section when parsing ends if a
/// text or number field is in it (its form autofill looks at every such field), which cost
/// the first load a long task; radio buttons are not looked at.
const SIZES: [u32; 5] = [64, 128, 256, 512, 1024];
const DEFAULT_SIZE: u32 = SIZES[2];

/// The same Mandelbrot kernel in Wasm and in hand-written JavaScript, warmed up, run band by
/// band, timed, and checked against each other's checksum.
#[island]
pub fn SpeedRace() -> impl IntoView {
    let lang = page_lang();
    let run = Run::new(results, lang);
    let progress = RwSignal::new(0.0);
    let grid = RwSignal::new(DEFAULT_SIZE);
    let start = move || {
        let size = grid.get_untracked();
        progress.set(0.0);
        run.start(async move {
            let report = wasm_host::speed_race(size, move |p| progress.set(p)).await?;
            RESULTS.update(|r| r.speed_ratio = Some(report.ratio()));
            Ok(report)
        });
    };
    let sizes = SIZES
        .into_iter()
        .map(|n| {
            view! {
                <label class="toggle">
                    // `checked` for the prerendered page; the property follows the signal, so
                    // a choice the browser restores (a reload) is not shown for another size.
                    <input type="radio" name="speed-size" value=n checked=n == DEFAULT_SIZE
                        prop:checked=move || grid.get() == n on:change=move |_| grid.set(n) />
                    {n}
                </label>
            }
        })
        .collect_view();
    let size_input = view! {
        <fieldset class="widget-options">
            <legend>{prerendered(|| ui::SPEED_SIZE.get(lang))}</legend>
            {sizes}
        </fieldset>
    };

    // What the race does not compare, said whether or not it has run: written by the
    // prerender only.
    let context = prerendered(|| {
        let (firefox, chrome) = (fig::WASM_VS_NATIVE_FIREFOX, fig::WASM_VS_NATIVE_CHROME);
        let context = ui::SpeedContext {
            firefox: &figure_text(firefox, lang),
            chrome: &figure_text(chrome, lang),
        };
        (Html::text(&context.get(lang)) + figure_citation(firefox, lang)).into_string()
    });
    let body = view! {
        {run.body([ui::SPEED_IDLE, ui::SPEED_RUNNING], Some(progress))}
        <p class="widget-fair" inner_html=context></p>
    };
    let method = move || {
        ui::SpeedMethod {
            warmups: &WARMUP_RUNS,
            warmup: &WARMUP_SIZE,
            rounds: &SPEED_ROUNDS,
        }
        .get(lang)
    };
    let frame = run.frame("speed-race", ui::SPEED_TITLE).run(start);
    frame
        .claim("wasm-100x-faster", ui::SPEED_CLAIM)
        .method(method)
        .draw(size_input, body)
}

fn results(report: &SpeedReport, lang: Lang) -> Html {
    let text = |t: ui::Text| t.get(lang);
    let ratio = report.ratio();
    let times = &times_as_fast(ratio);
    let verdict = if ratio >= 1.0 {
        ui::SpeedWasmFaster { ratio: times }.get(lang)
    } else {
        ui::SpeedJsFaster { ratio: times }.get(lang)
    };
    let row = |name: &str, s: &Spread, checksum: u32| {
        let checksum = checksum.to_string();
        let range = format!(" ({}–{})", readable(s.min), readable(s.max));
        // A no-break space: "8.60" and "ms" stay on one line in a narrow column.
        let time = Html::text(&format!("{}\u{a0}ms", readable(s.median)))
            + Html::element("span", &[("class", "spread")], Html::text(&range));
        let attrs = [
            ("data-engine", name),
            ("data-median", &fixed(s.median, 3)),
            ("data-min", &fixed(s.min, 3)),
            ("data-max", &fixed(s.max, 3)),
            ("data-checksum", &checksum),
        ];
        Html::element(
            "tr",
            &attrs,
            Html::element("th", &[("scope", "row")], Html::text(name))
                + Html::element("td", &[], time)
                + Html::element("td", &[], Html::element("code", &[], Html::text(&checksum))),
        )
    };
    let rows = row("WebAssembly", &report.wasm, report.wasm_checksum)
        + row("JavaScript", &report.js, report.js_checksum);
    let headings = [
        text(ui::SPEED_ENGINE),
        text(ui::SPEED_TIME),
        text(ui::SPEED_CHECKSUM),
    ];
    let gap = Html::text(lang.sentence_gap());
    // The grid the times are for, as the choice may have changed since.
    let caption = format!(
        "{} · {}×{}",
        text(ui::SPEED_TABLE),
        report.size,
        report.size
    );
    table("lab-table", &caption, false, &headings, rows)
        + Html::element(
            "p",
            &[("class", "speed-verdict"), ("data-ratio", &fixed(ratio, 4))],
            Html::element("strong", &[], Html::text(&verdict))
                + gap
                + Html::text(text(ui::SPEED_CHECKSUMS_MATCH)),
        )
}
