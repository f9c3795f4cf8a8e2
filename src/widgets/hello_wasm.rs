use super::{failure, run_button, start, Phase};
use crate::content::ESSAY;
use crate::wasm_host::{self, AddReport};
use leptos::either::EitherOf4;
use leptos::prelude::*;

const MODULE: &str = "hello.wasm";
/// The arguments of the demonstration call; the answer is computed by the module.
const ARGS: (i32, i32) = (2, 40);

/// Fetches `hello.wasm`, instantiates it, calls `add`, and shows what came back: the file's
/// real size, its exports and the result. Runs by itself once the page is live.
#[island]
pub fn HelloWasm() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<AddReport>::Idle);
    let run = move || start(phase, wasm_host::call_add(MODULE, ARGS.0, ARGS.1));
    // Effects run only in the browser, after hydration: the prerendered page shows `idle`.
    Effect::new(move |_| run());

    let body = move || {
        phase.with(|p| match p {
            Phase::Idle => EitherOf4::A(view! { <p class="widget-idle">{ui("hello-idle")}</p> }),
            Phase::Running => {
                EitherOf4::B(view! { <p class="widget-progress">{ui("hello-running")}</p> })
            }
            Phase::Done(report) => EitherOf4::C(view! {
                <dl class="widget-readout">
                    <dt>{ui("hello-size")}</dt>
                    <dd>
                        <output data-measure="bytes">{report.bytes}</output>
                        {ESSAY.figure("hello-wasm-bytes").map(|f| f.unit.get(lang))}
                    </dd>
                    <dt>{ui("hello-exports")}</dt>
                    <dd><code>{report.exports.join(", ")}</code></dd>
                    <dt>{ui("hello-call")}</dt>
                    <dd>
                        <code>
                            {format!("add({}, {}) = ", ARGS.0, ARGS.1)}
                            <output data-measure="result">{report.result}</output>
                        </code>
                    </dd>
                </dl>
                <p class="widget-method">{ui("hello-method")}</p>
            }),
            Phase::Error(message) => EitherOf4::D(failure(message, lang)),
        })
    };

    view! {
        <figure class="widget" data-widget="hello-wasm" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("hello-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <code class="widget-file">{MODULE}</code>
            </div>
            <div class="widget-body" aria-live="polite">{body}</div>
        </figure>
    }
}
