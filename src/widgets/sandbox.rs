use super::frame::Run;
use crate::content::{ui, Lang};
use crate::text::html::{table, Html};
use crate::text::page_lang;
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
    let lang = page_lang();
    let run = Run::new(results, lang);
    let start = move || run.start(run_cases((0..TRAPS.len()).collect()));
    let one_by_one = TRAPS
        .iter()
        .enumerate()
        .map(|(i, case)| {
            view! {
                <button type="button" data-trap=case.export aria-disabled=run.busy()
                    on:click=move |_| if !run.running() { run.start(run_cases(vec![i])) }>
                    <code>{case.call_text()}</code>
                </button>
            }
        })
        .collect_view();

    let body = view! {
        <div class="widget-controls trap-buttons">{one_by_one}</div>
        {run.body([ui::TRAPS_IDLE, ui::TRAPS_RUNNING], None)}
    };
    let frame = run.frame("sandbox", ui::TRAPS_TITLE).run(start);
    let frame = frame
        .file("traps.wasm")
        .method(|| ui::TRAPS_METHOD.get(lang));
    frame.claim("wasm-safer", ui::CAPS_CLAIM).draw((), body)
}

fn results(rows: &Rows, lang: Lang) -> Html {
    let text = |t: &ui::Text| t.get(lang);
    let rows: Html = rows
        .iter()
        .map(|(i, result)| {
            let case = &TRAPS[*i];
            let head = Html::element(
                "th",
                &[("scope", "row")],
                Html::element("code", &[], Html::text(&case.call_text()))
                    + Html::void("br", &[])
                    + Html::text(text(case.label)),
            );
            let cells = match result {
                Ok(report) => {
                    let expected = if case.expected.contains(&report.kind.as_str()) {
                        "yes"
                    } else {
                        "no"
                    };
                    let thrown = format!("{}: {}", report.kind, report.message);
                    let after = format!(
                        "{}still_here() = {}{}{}add(2, 40) = {}",
                        text(&ui::TRAPS_FRESH),
                        report.fresh_instance,
                        text(&ui::LIST_GAP),
                        text(&ui::TRAPS_NEIGHBOUR),
                        report.neighbour
                    );
                    Html::element(
                        "td",
                        &[("data-measure", "trap"), ("data-expected", expected)],
                        Html::element("code", &[], Html::text(&thrown)),
                    ) + Html::element("td", &[("data-measure", "after")], Html::text(&after))
                }
                Err(message) => Html::element(
                    "td",
                    &[("colspan", "2"), ("class", "widget-error")],
                    Html::text(message),
                ),
            };
            Html::element("tr", &[("data-trap", case.export)], head + cells)
        })
        .collect();
    let headings = [
        text(&ui::TRAPS_FUNCTION),
        text(&ui::TRAPS_THROWN),
        text(&ui::TRAPS_AFTER),
    ];
    table(
        "lab-table traps-table",
        text(&ui::TRAPS_TITLE),
        true,
        &headings,
        rows,
    )
}
