use super::frame::Run;
use crate::content::{fig, ui, Lang};
use crate::text::html::Html;
use crate::text::page_lang;
use crate::wasm_host::{self, AddReport};
use leptos::prelude::*;

const MODULE: &str = "hello.wasm";
/// The arguments of the demonstration call; the answer is computed by the module.
const ARGS: (i32, i32) = (2, 40);

/// Fetches `hello.wasm`, instantiates it, calls `add`, and shows what came back: the file's
/// real size, its exports and the result. Runs by itself once the page is live.
#[island]
pub fn HelloWasm() -> impl IntoView {
    let lang = page_lang();
    let (run, start) = Run::on_load(
        || wasm_host::call_add(MODULE, ARGS.0, ARGS.1),
        results,
        lang,
    );
    let body = run.body([ui::HELLO_IDLE, ui::HELLO_RUNNING], None);
    let frame = run.frame("hello-wasm", ui::HELLO_TITLE).run(start);
    let frame = frame.file(MODULE).method(|| ui::HELLO_METHOD.get(lang));
    frame.in_text().draw((), body)
}

fn results(report: &AddReport, lang: Lang) -> Html {
    let output = |measure, value: String| {
        Html::element("output", &[("data-measure", measure)], Html::text(&value))
    };
    let unit = fig::HELLO_WASM_BYTES.unit.get(lang);
    let item = |term: ui::Text, description: Html| {
        Html::element("dt", &[], Html::text(term.get(lang))) + Html::element("dd", &[], description)
    };
    let call = Html::text(&format!("add({}, {}) = ", ARGS.0, ARGS.1))
        + output("result", report.result.to_string());
    Html::element(
        "dl",
        &[("class", "widget-readout")],
        item(
            ui::HELLO_SIZE,
            output("bytes", report.bytes.to_string()) + Html::text(unit),
        ) + item(
            ui::HELLO_EXPORTS,
            Html::element("code", &[], Html::text(&report.exports.join(", "))),
        ) + item(ui::HELLO_CALL, Html::element("code", &[], call)),
    )
}
