use super::frame::Run;
use crate::content::{ui, Lang};
use crate::text::html::Html;
use crate::text::page_lang;
use crate::wasm_host::{self, WasiReport};
use leptos::prelude::*;

/// wasi.wasm run through the page's own WASI host, which implements the one function the module
/// imports (`fd_write`) and prints what it writes. A native test runs the same file under a
/// WASI runtime and expects the same text.
#[island]
pub fn Wasi() -> impl IntoView {
    let lang = page_lang();
    let (run, start) = Run::on_load(wasm_host::run_wasi, results, lang);
    let body = view! {
        {run.body([ui::WASI_IDLE, ui::WASI_RUNNING], None)}
    };
    let frame = run.frame("wasi", ui::WASI_TITLE).run(start);
    let frame = frame.file("wasi.wasm").method(|| ui::WASI_METHOD.get(lang));
    frame.claim("wasi-1-0", ui::WASI_CLAIM).draw((), body)
}

fn results(report: &WasiReport, lang: Lang) -> Html {
    let stdout = Html::element("samp", &[], Html::text(&report.stdout));
    let counts = format!(
        "{}{}{}{}{} / {}",
        ui::WASI_IMPORTS.get(lang),
        report.imports.join(", "),
        ui::LIST_GAP.get(lang),
        ui::WASI_WRITES.get(lang),
        report.writes,
        report.buffers
    );
    Html::element(
        "pre",
        &[("class", "terminal"), ("data-measure", "stdout")],
        stdout,
    ) + Html::element("p", &[("class", "widget-method")], Html::text(&counts))
}
