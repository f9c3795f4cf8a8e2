use super::{html_body, run_button, start, Phase};
use crate::content::{Lang, ESSAY};
use crate::html::{citation, element, escape, table};
use crate::lab_results::RESULTS;
use crate::stats::{fixed, readable, Spread};
use crate::wasm_host::{self, SpeedReport, WARMUP_RUNS, WARMUP_SIZE};
use leptos::prelude::*;

/// Grid sizes the reader may pick: big enough to time, small enough to finish in seconds.
pub const SIZE_BOUNDS: (u32, u32) = (64, 1024);
const DEFAULT_SIZE: u32 = 256;

/// An interface string with the grid's bounds filled in, so the text always says the code's.
fn with_bounds(text: &str) -> String {
    text.replace("{min}", &SIZE_BOUNDS.0.to_string())
        .replace("{max}", &SIZE_BOUNDS.1.to_string())
}

/// The same Mandelbrot kernel in Wasm and in hand-written JavaScript, warmed up, run band by
/// band, timed, and checked against each other's checksum.
#[island]
pub fn SpeedRace() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<SpeedReport>::Idle);
    let progress = RwSignal::new(0.0);
    let size_text = RwSignal::new(DEFAULT_SIZE.to_string());
    let notice = RwSignal::new(None::<String>);
    let run = move || {
        let asked: Option<u32> = size_text.get_untracked().trim().parse().ok();
        let size = asked
            .unwrap_or(DEFAULT_SIZE)
            .clamp(SIZE_BOUNDS.0, SIZE_BOUNDS.1);
        notice.set(
            (asked != Some(size))
                .then(|| with_bounds(ui("speed-clamped")).replace("{size}", &size.to_string())),
        );
        size_text.set(size.to_string());
        progress.set(0.0);
        start(phase, async move {
            let report = wasm_host::speed_race(size, move |p| progress.set(p)).await?;
            RESULTS.update(|r| r.speed_ratio = Some(report.ratio()));
            Ok(report)
        });
    };

    let body = html_body(
        phase,
        ["speed-idle", "speed-running"],
        Some(progress),
        results,
        lang,
    );

    view! {
        <figure class="widget lab" data-widget="speed-race" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("speed-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <label class="size-input">
                    {with_bounds(ui("speed-size"))}" "
                    <input
                        type="number"
                        inputmode="numeric"
                        min=SIZE_BOUNDS.0
                        max=SIZE_BOUNDS.1
                        step="64"
                        prop:value=move || size_text.get()
                        on:input=move |e| size_text.set(event_target_value(&e))
                    />
                </label>
                <a href="#claim-wasm-100x-faster" class="widget-claim">{ui("speed-claim")}</a>
            </div>
            <p class="widget-notice" role="status">{move || notice.get()}</p>
            <div class="widget-body" aria-live="polite">{body}</div>
        </figure>
    }
}

fn results(report: &SpeedReport, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    let ratio = report.ratio();
    let verdict = if ratio >= 1.0 {
        ui("speed-wasm-faster").replace("{ratio}", &readable(ratio))
    } else {
        ui("speed-js-faster").replace("{ratio}", &readable(1.0 / ratio))
    };
    let row = |name: &str, s: &Spread, checksum: u32| {
        let checksum = checksum.to_string();
        let time = format!(
            "{} ms<span class=\"spread\"> ({}–{})</span>",
            readable(s.median),
            readable(s.min),
            readable(s.max)
        );
        let attrs = [
            ("data-engine", name),
            ("data-median", &fixed(s.median, 3)),
            ("data-min", &fixed(s.min, 3)),
            ("data-max", &fixed(s.max, 3)),
            ("data-checksum", &checksum),
        ];
        element(
            "tr",
            &attrs,
            &(element("th", &[("scope", "row")], name)
                + &element("td", &[], &time)
                + &element("td", &[], &element("code", &[], &checksum))),
        )
    };
    let native = |id| ESSAY.figure(id).expect("figure");
    let (firefox, chrome) = (
        native("wasm-vs-native-firefox"),
        native("wasm-vs-native-chrome"),
    );
    let context = ui("speed-context")
        .replace(
            "{firefox}",
            &format!("{}{}", firefox.value, firefox.unit.get(lang)),
        )
        .replace(
            "{chrome}",
            &format!("{}{}", chrome.value, chrome.unit.get(lang)),
        );
    let method = ui("speed-method")
        .replace("{size}", &report.size.to_string())
        .replace("{warmups}", &WARMUP_RUNS.to_string())
        .replace("{warmup}", &WARMUP_SIZE.to_string())
        .replace("{rounds}", &report.wasm.samples.to_string());
    let rows = [
        row("WebAssembly", &report.wasm, report.wasm_checksum),
        row("JavaScript", &report.js, report.js_checksum),
    ];
    table(
        "lab-table",
        ui("speed-table"),
        &[ui("speed-engine"), ui("speed-time"), ui("speed-checksum")],
        &rows,
    ) + &element(
        "p",
        &[("class", "speed-verdict"), ("data-ratio", &fixed(ratio, 4))],
        &format!(
            "<strong>{}</strong>{}{}",
            escape(&verdict),
            lang.sentence_gap(),
            escape(ui("speed-checksums-match"))
        ),
    ) + &element(
        "p",
        &[("class", "widget-method")],
        &format!(
            "{}{}{}{}",
            escape(&context),
            firefox.source().map(citation).unwrap_or_default(),
            lang.sentence_gap(),
            escape(&method)
        ),
    )
}
