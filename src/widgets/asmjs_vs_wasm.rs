use super::frame::Run;
use crate::content::{ui, Lang};
use crate::stats::{fixed, readable, times_as_fast, Spread};
use crate::text::html::{table, Html};
use crate::text::page_lang;
use crate::wasm_host::{
    self, AsmjsReport, KernelFormat, COLD_LOADS, FIRST_CALL_SIZE, SPEED_ROUNDS, STEADY_SIZE,
    WARMUP_RUNS, WARMUP_SIZE,
};
use leptos::prelude::*;

/// The lab's kernel in the two formats Mozilla's story passes through: hand-written asm.js and
/// WebAssembly compiled from Rust, each loaded cold, linked, called and run warm on the
/// reader's device, with the checksums that show they compute the same thing.
#[island]
pub fn AsmjsVsWasm() -> impl IntoView {
    let lang = page_lang();
    let run = Run::new(results, lang);
    let progress = RwSignal::new(0.0);
    let start = move || {
        progress.set(0.0);
        run.start(wasm_host::asmjs_vs_wasm(move |p| progress.set(p)));
    };
    let body = run.body([ui::ASMJS_IDLE, ui::ASMJS_RUNNING], Some(progress));
    let frame = run.frame("asmjs-vs-wasm", ui::ASMJS_TITLE).run(start);
    let method = move || {
        ui::AsmjsMethod {
            loads: &COLD_LOADS,
            first: &FIRST_CALL_SIZE,
            warmups: &WARMUP_RUNS,
            warmup: &WARMUP_SIZE,
            rounds: &SPEED_ROUNDS,
            steady: &STEADY_SIZE,
        }
        .get(lang)
    };
    let frame = frame.file("kernel-asm.js + kernel.wasm").method(method);
    frame.draw((), body)
}

fn results(report: &AsmjsReport, lang: Lang) -> Html {
    let text = |t: ui::Text| t.get(lang);
    let step = report.clock_step_ms;
    let (asmjs, wasm) = (&report.asmjs, &report.wasm);
    let bytes = |n: u32| Html::text(&format!("{n} B"));
    let gzipped = |f: &KernelFormat| f.gzipped.map_or_else(|| Html::text("–"), bytes);
    // One per line: the first call's, then the warm runs'.
    let checksums = |f: &KernelFormat| {
        f.checksums
            .iter()
            .map(|sum| Html::element("code", &[], Html::text(&sum.to_string())))
            .collect()
    };
    let timed: [(&str, ui::Text, Pick); 5] = [
        ("request", ui::ASMJS_REQUEST, |f| &f.request),
        ("load", ui::ASMJS_LOAD, |f| &f.load),
        ("link", ui::ASMJS_LINK, |f| &f.link),
        ("first-call", ui::ASMJS_FIRST_CALL, |f| &f.first_call),
        ("steady", ui::ASMJS_STEADY, |f| &f.steady),
    ];
    let rows = row(
        "bytes",
        text(ui::ASMJS_BYTES),
        bytes(asmjs.bytes),
        bytes(wasm.bytes),
    ) + row(
        "gzipped",
        text(ui::ASMJS_GZIPPED),
        gzipped(asmjs),
        gzipped(wasm),
    ) + timed
        .into_iter()
        .map(|(measure, label, pick)| {
            let cell = |f| time(pick(f), step);
            row(measure, text(label), cell(asmjs), cell(wasm))
        })
        .collect::<Html>()
        + row(
            "checksums",
            text(ui::ASMJS_CHECKSUMS),
            checksums(asmjs),
            checksums(wasm),
        );
    let headings = [text(ui::ASMJS_MEASURE), "asm.js", "WebAssembly"];
    // Checksums that differ are shown, not made an error: the reader sees the times and why
    // they cannot be compared (the speed race, with one number to give, refuses instead).
    let agree = report.checksums_agree();
    let verdict = text(if agree {
        ui::ASMJS_CHECKSUMS_AGREE
    } else {
        ui::ASMJS_CHECKSUMS_DIFFER
    });
    let ratio = report.ratio();
    let times = &times_as_fast(ratio);
    let speed = if ratio >= 1.0 {
        ui::AsmjsWasmFaster { ratio: times }.get(lang)
    } else {
        ui::AsmjsAsmjsFaster { ratio: times }.get(lang)
    };
    let share = |w: u32, a: u32| format!("{}%", fixed(100.0 * f64::from(w) / f64::from(a), 0));
    let size = ui::AsmjsSize {
        shipped: &share(wasm.bytes, asmjs.bytes),
        gzipped: &match (wasm.gzipped, asmjs.gzipped) {
            (Some(w), Some(a)) => share(w, a),
            _ => "–".to_owned(),
        },
    };
    let clock = ui::AsmjsClock {
        step: &readable(step),
    };
    let gap = Html::text(lang.sentence_gap());
    table(
        "lab-table asmjs-table",
        text(ui::ASMJS_TABLE),
        false,
        &headings,
        rows,
    ) + Html::element(
        "p",
        &[
            ("class", "asmjs-verdict"),
            ("data-agree", if agree { "yes" } else { "no" }),
            ("data-ratio", &fixed(ratio, 4)),
        ],
        Html::text(&size.get(lang))
            + gap.clone()
            + Html::element("strong", &[], Html::text(&speed))
            + gap
            + Html::text(verdict),
    ) + Html::element(
        "p",
        &[
            ("class", "widget-clock"),
            ("data-clock-ms", &fixed(step, 4)),
        ],
        Html::text(&clock.get(lang)),
    )
}

/// Which of a format's timings a row shows.
type Pick = fn(&KernelFormat) -> &Spread;

/// One measure, asm.js beside WebAssembly.
fn row(measure: &str, label: &str, asmjs: Html, wasm: Html) -> Html {
    let cell = |format: &str, inner: Html| Html::element("td", &[("data-format", format)], inner);
    Html::element(
        "tr",
        &[("data-measure", measure)],
        Html::element("th", &[("scope", "row")], Html::text(label))
            + cell("asmjs", asmjs)
            + cell("wasm", wasm),
    )
}

/// A time's median and range; under the clock's step it can only say so.
fn time(s: &Spread, step: f64) -> Html {
    // No-break spaces: the value and its unit stay on one line in a narrow column.
    let median = if s.median < step {
        format!("<\u{a0}{}\u{a0}ms", readable(step))
    } else {
        format!("{}\u{a0}ms", readable(s.median))
    };
    let (median_at, min_at, max_at) = (fixed(s.median, 4), fixed(s.min, 4), fixed(s.max, 4));
    let attrs = [
        ("data-median", median_at.as_str()),
        ("data-min", min_at.as_str()),
        ("data-max", max_at.as_str()),
    ];
    let median = Html::element("span", &attrs, Html::text(&median));
    if s.max < step {
        return median;
    }
    let range = format!(" ({}–{})", readable(s.min), readable(s.max));
    median + Html::element("span", &[("class", "spread")], Html::text(&range))
}
