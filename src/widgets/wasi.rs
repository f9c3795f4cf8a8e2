use super::{failure, run_button, start, Phase};
use crate::content::ESSAY;
use crate::wasm_host::{self, WasiReport};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// wasi.wasm run through the page's own WASI host, which implements the one function the module
/// imports (`fd_write`) and prints what it writes. A native test runs the same file under a
/// WASI runtime and expects the same text.
#[island]
pub fn Wasi() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<WasiReport>::Idle);
    let run = move || start(phase, wasm_host::run_wasi());
    Effect::new(move |_| run());
    let body = move || {
        phase.with(|p| match p {
            Phase::Idle => EitherOf4::A(view! { <p class="widget-idle">{ui("wasi-idle")}</p> }),
            Phase::Running => EitherOf4::B(view! { <p class="widget-progress">{ui("wasi-running")}</p> }),
            Phase::Done(report) => EitherOf4::C(view! {
                <pre class="terminal" data-measure="stdout"><samp>{report.stdout.clone()}</samp></pre>
                <p class="widget-method">
                    {format!(
                        "{}{}{}{}{} / {}",
                        ui("wasi-imports"),
                        report.imports.join(", "),
                        ui("list-gap"),
                        ui("wasi-writes"),
                        report.writes,
                        report.buffers
                    )}
                </p>
            }),
            Phase::Error(message) => EitherOf4::D(failure(message, lang)),
        })
    };

    view! {
        <figure class="widget lab" data-widget="wasi" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("wasi-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <code class="widget-file">"wasi.wasm"</code>
                <a href="#claim-wasi-1-0" class="widget-claim">{ui("wasi-claim")}</a>
            </div>
            <div class="widget-body" aria-live="polite">{body}</div>
            <p class="widget-method">{ui("wasi-method")}</p>
        </figure>
    }
}
