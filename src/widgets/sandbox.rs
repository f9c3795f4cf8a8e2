use super::{html_body, run_button, start, Phase};
use crate::content::{Lang, ESSAY};
use crate::html::{element, escape, table_quiet_caption};
use crate::wasm_host::{self, TrapReport, TRAPS};
use leptos::prelude::*;

/// (case, what happened) for each trap run.
type Rows = Vec<(usize, Result<TrapReport, String>)>;

/// Each trap, run in order; a case that fails to trap is reported in its row, not as the
/// widget's failure, so the other cases still show.
async fn run_cases(cases: Vec<usize>) -> Result<Rows, String> {
    let mut rows = Vec::new();
    for case in cases {
        rows.push((case, wasm_host::run_trap(&TRAPS[case]).await));
    }
    Ok(rows)
}

/// Four functions of traps.wasm that go wrong on purpose, each in a fresh instance: the
/// browser's own error for each, then proof that nothing else broke: a fresh instance of the
/// same module and another module of the page both still answer.
#[island]
pub fn Sandbox() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<Rows>::Idle);
    let run = move || start(phase, run_cases((0..TRAPS.len()).collect()));
    let running = move || phase.with(|p| matches!(p, Phase::Running));
    let one_by_one = TRAPS
        .iter()
        .enumerate()
        .map(|(i, case)| {
            view! {
                <button type="button" data-trap=case.export disabled=running
                    on:click=move |_| start(phase, run_cases(vec![i]))>
                    <code>{case.call_text()}</code>
                </button>
            }
        })
        .collect_view();
    let body = html_body(phase, ["traps-idle", "traps-running"], None, results, lang);

    view! {
        <figure class="widget lab" data-widget="sandbox" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("traps-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <code class="widget-file">"traps.wasm"</code>
                <a href="#claim-wasm-safer" class="widget-claim">{ui("caps-claim")}</a>
            </div>
            <div class="widget-controls trap-buttons">{one_by_one}</div>
            <div class="widget-body" aria-live="polite">{body}</div>
            <p class="widget-method">{ui("traps-method")}</p>
        </figure>
    }
}

fn results(rows: &Rows, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    let rows: Vec<String> = rows
        .iter()
        .map(|(case, result)| {
            let case = &TRAPS[*case];
            let what = ui(case.label_key);
            let head = element(
                "th",
                &[("scope", "row")],
                &format!(
                    "<code>{}</code><br>{}",
                    escape(&case.call_text()),
                    escape(what)
                ),
            );
            let cells = match result {
                Ok(report) => {
                    let expected = if case.expected.contains(&report.kind.as_str()) {
                        "yes"
                    } else {
                        "no"
                    };
                    element(
                        "td",
                        &[("data-measure", "trap"), ("data-expected", expected)],
                        &element(
                            "code",
                            &[],
                            &escape(&format!("{}: {}", report.kind, report.message)),
                        ),
                    ) + &element(
                        "td",
                        &[("data-measure", "after")],
                        &escape(&format!(
                            "{}still_here() = {}{}{}add(2, 40) = {}",
                            ui("traps-fresh"),
                            report.fresh_instance,
                            ui("list-gap"),
                            ui("traps-neighbour"),
                            report.neighbour
                        )),
                    )
                }
                Err(message) => element(
                    "td",
                    &[("colspan", "2"), ("class", "widget-error")],
                    &escape(message),
                ),
            };
            element("tr", &[("data-trap", case.export)], &(head + &cells))
        })
        .collect();
    table_quiet_caption(
        "lab-table traps-table",
        ui("traps-title"),
        &[ui("traps-function"), ui("traps-thrown"), ui("traps-after")],
        &rows,
    )
}
