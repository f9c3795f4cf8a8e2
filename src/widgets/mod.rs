//! One file per interactive figure. Each widget owns its state and follows one convention:
//! its root has `data-widget="<name>"` and `data-state` = idle | running | done | error, its
//! first button runs it, and without JavaScript it says what it would show.

mod capabilities;
mod hello_wasm;
mod inside_module;
mod inspector;
mod lab_summary;
mod log_scale;
mod sandbox;
mod size_ladder;
mod speed_race;
mod startup_race;
mod wasi;

pub use capabilities::Capabilities;
pub use hello_wasm::HelloWasm;
pub use inside_module::{InsideModule, InsideModuleHtml, MODULE as INSIDE_MODULE};
pub use inspector::Inspector;
pub use lab_summary::LabSummary;
pub use sandbox::Sandbox;
pub use size_ladder::SizeLadder;
pub use speed_race::SpeedRace;
pub use startup_race::StartupRace;
pub use wasi::Wasi;

use crate::content::{Lang, ESSAY};
use crate::stats::fixed;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::future::Future;

/// Where a widget is in its run; shown in `data-state` for readers' styles and for tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase<T> {
    Idle,
    Running,
    Done(T),
    Error(String),
}

impl<T> Phase<T> {
    pub fn name(&self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running => "running",
            Phase::Done(_) => "done",
            Phase::Error(_) => "error",
        }
    }
}

impl<T> From<Result<T, String>> for Phase<T> {
    fn from(result: Result<T, String>) -> Self {
        match result {
            Ok(done) => Phase::Done(done),
            Err(message) => Phase::Error(message),
        }
    }
}

/// Runs a widget's work: `running` while it lasts, then `done` with its result or `error` with
/// its message. Call it from the browser only: a click, or an effect after hydration.
pub fn start<T: Send + Sync + 'static>(
    phase: RwSignal<Phase<T>>,
    work: impl Future<Output = Result<T, String>> + 'static,
) {
    phase.set(Phase::Running);
    leptos::task::spawn_local(async move { phase.set(work.await.into()) });
}

/// The widget's first button: it runs the widget, and waits while a run is under way.
pub fn run_button<T: Send + Sync + 'static>(
    phase: RwSignal<Phase<T>>,
    run: impl Fn() + 'static,
    lang: Lang,
) -> impl IntoView {
    let running = move || phase.with(|p| matches!(p, Phase::Running));
    view! {
        <button type="button" on:click=move |_| run() disabled=running>
            {ESSAY.ui("run", lang)}
        </button>
    }
}

/// A widget's live region in the usual case: a sentence while idle and while running (the two
/// interface strings named; with a progress bar when the run reports its progress), the
/// results as HTML once done (see `crate::html`), the failure otherwise.
pub fn html_body<T: Send + Sync + 'static>(
    phase: RwSignal<Phase<T>>,
    [idle, running]: [&'static str; 2],
    progress: Option<RwSignal<f64>>,
    results: fn(&T, Lang) -> String,
    lang: Lang,
) -> impl IntoView {
    move || {
        phase.with(|p| match p {
            Phase::Idle => {
                EitherOf4::A(view! { <p class="widget-idle">{ESSAY.ui(idle, lang)}</p> })
            }
            Phase::Running => EitherOf4::B(view! {
                <p class="widget-progress">{ESSAY.ui(running, lang)}{progress.map(progress_bar)}</p>
            }),
            Phase::Done(done) => EitherOf4::C(view! { <div inner_html=results(done, lang)></div> }),
            Phase::Error(message) => EitherOf4::D(failure(message, lang)),
        })
    }
}

/// A run's progress, 0 to 1, as the browser draws it. A function of its own, not a closure
/// in `html_body`, so it is compiled once rather than once for every widget's result type.
fn progress_bar(fraction: RwSignal<f64>) -> impl IntoView {
    view! { " "<progress max="1" value=move || fixed(fraction.get(), 3)></progress> }
}

/// What a widget says when its run fails: a word of its own, then the browser's message.
pub fn failure(message: &str, lang: Lang) -> impl IntoView {
    let text = format!("{}: {message}", ESSAY.ui("widget-error", lang));
    view! { <p class="widget-error" role="alert">{text}</p> }
}
