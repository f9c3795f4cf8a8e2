//! What every widget shares, written once: its frame (`data-widget`, `data-state`, title, first
//! button, file, the claim it tests), its runs (only the newest run's answer is shown) and its
//! live region. Non-generic where it can be, so each is compiled once, not once per widget.

use crate::browser;
use crate::content::{ui, Both, Lang};
use crate::stats::fixed;
use crate::text::html::Html;
use crate::text::prerendered;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::future::Future;
use std::marker::PhantomData;

/// Where a widget is in its run; shown in `data-state` for readers' styles and for tests.
/// A run's result is kept already written as HTML, so that the signal holding it is one type
/// for every widget, its reactive code compiled once rather than once per widget.
enum Phase {
    Idle,
    Running,
    Done(Html),
    Error(String),
}

impl Phase {
    pub fn name(&self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running => "running",
            Phase::Done(_) => "done",
            Phase::Error(_) => "error",
        }
    }
}

/// A widget's runs. A reader can start a run before the last one has answered (toggling
/// quickly, or a button and a re-run): only the newest run's answer is shown, so what the
/// widget says always matches what the reader last asked for. `T` is what a run measures;
/// `results` writes it out once, when the run is done.
pub struct Run<T: 'static> {
    phase: RwSignal<Phase>,
    newest: StoredValue<u32>,
    results: fn(&T, Lang) -> Html,
    lang: Lang,
    measures: PhantomData<fn(&T)>,
}

impl<T> Clone for Run<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Run<T> {}

impl<T: 'static> Run<T> {
    pub fn new(results: fn(&T, Lang) -> Html, lang: Lang) -> Self {
        Run {
            phase: RwSignal::new(Phase::Idle),
            newest: StoredValue::new(0),
            results,
            lang,
            measures: PhantomData,
        }
    }

    /// A run that starts by itself once the page is live (an effect runs only in the browser,
    /// after hydration, so the prerendered page shows `idle`), and the start for its button.
    pub fn on_load<F, W>(
        work: W,
        results: fn(&T, Lang) -> Html,
        lang: Lang,
    ) -> (Self, impl Fn() + Copy + Send + Sync + 'static)
    where
        F: Future<Output = Result<T, String>> + 'static,
        W: Fn() -> F + Copy + Send + Sync + 'static,
    {
        let run = Run::new(results, lang);
        let start = move || run.start(work());
        Effect::new(move |_| start());
        (run, start)
    }

    /// The widget's frame, its `data-state` this run's. (Inlined, as the frame's other
    /// builders are, so that the texts only the prerender writes leave no trace in the Wasm.)
    #[inline(always)]
    pub fn frame(self, name: &'static str, title: ui::Text) -> WidgetFrame {
        WidgetFrame::new(name, title, self.lang, self.state())
    }

    /// `running` while `work` lasts, then `done` with its result or `error` with its message.
    /// Call it from the browser only: a click, or an effect after hydration.
    pub fn start(self, work: impl Future<Output = Result<T, String>> + 'static) {
        let Run {
            phase,
            newest,
            results,
            lang,
            ..
        } = self;
        let this_run = begin(phase, newest);
        leptos::task::spawn_local(async move {
            let result = work.await.map(|done| results(&done, lang));
            finish(phase, newest, this_run, result);
        });
    }

    /// The phase's name, for `data-state` (reactive).
    pub fn state(self) -> Signal<&'static str> {
        state_of(self.phase)
    }

    pub fn running(self) -> bool {
        self.phase.with(|p| matches!(p, Phase::Running))
    }

    /// `aria-disabled` for a button that starts a run: "true" while one runs, absent otherwise;
    /// its click checks `running()` itself. Not `disabled`: disabling the focused button would
    /// drop the keyboard focus to the page, and the reader who pressed it would lose their place.
    pub fn busy(self) -> impl Fn() -> Option<&'static str> + Copy {
        move || disabled_while(self.running())
    }

    /// The live region: a sentence while idle and while running (with a progress bar when the
    /// run reports its progress), the results once done, the failure otherwise.
    #[inline(always)]
    pub fn body(
        self,
        [idle, running]: [Both<&'static str>; 2],
        progress: Option<RwSignal<f64>>,
    ) -> impl IntoView {
        let lang = self.lang;
        let idle = prerendered(|| idle.get(lang));
        live_region(self.phase, [idle, running.get(lang)], progress, lang)
    }
}

fn disabled_while(running: bool) -> Option<&'static str> {
    running.then_some("true")
}

/// A new run: the newest from now on, and running.
fn begin(phase: RwSignal<Phase>, newest: StoredValue<u32>) -> u32 {
    newest.update_value(|n| *n += 1);
    phase.set(Phase::Running);
    newest.get_value()
}

/// A run's answer, shown only if no newer run has started since.
fn finish(
    phase: RwSignal<Phase>,
    newest: StoredValue<u32>,
    this_run: u32,
    result: Result<Html, String>,
) {
    if newest.get_value() == this_run {
        phase.set(match result {
            Ok(done) => Phase::Done(done),
            Err(message) => Phase::Error(message),
        });
    }
}

/// (Outside `Run`'s methods, which are compiled once per `T`, as every closure in them is.)
fn state_of(phase: RwSignal<Phase>) -> Signal<&'static str> {
    Signal::derive(move || phase.with(Phase::name))
}

/// The body's live region: the phase, drawn.
fn live_region(
    phase: RwSignal<Phase>,
    [idle, running]: [&'static str; 2],
    progress: Option<RwSignal<f64>>,
    lang: Lang,
) -> impl IntoView {
    let shown = move || {
        phase.with(|p| match p {
            Phase::Idle => Shown::Idle(idle),
            Phase::Running => Shown::Running(running, progress),
            Phase::Done(done) => Shown::Done(done.clone()),
            Phase::Error(message) => Shown::Error(message.clone()),
        })
    };
    view! { <div class="widget-body" aria-live="polite">{move || show(shown(), lang)}</div> }
}

/// A phase as it is drawn: its texts picked for the page's language.
enum Shown {
    Idle(&'static str),
    Running(&'static str, Option<RwSignal<f64>>),
    Done(Html),
    Error(String),
}

fn show(shown: Shown, lang: Lang) -> impl IntoView {
    match shown {
        Shown::Idle(text) => EitherOf4::A(view! { <p class="widget-idle">{text}</p> }),
        Shown::Running(text, progress) => EitherOf4::B(view! {
            <p class="widget-progress">{text}{progress.map(progress_bar)}</p>
        }),
        Shown::Done(html) => {
            // A chart's marks are placed once its HTML is in the page (see `place_marks`).
            let node = NodeRef::<leptos::html::Div>::new();
            node.on_load(|div| browser::place_marks(&div));
            EitherOf4::C(view! { <div inner_html=html.into_string() node_ref=node></div> })
        }
        Shown::Error(message) => EitherOf4::D(failure(&message, lang)),
    }
}

/// A run's progress, 0 to 1, as the browser draws it.
fn progress_bar(fraction: RwSignal<f64>) -> impl IntoView {
    view! { " "<progress max="1" value=move || fixed(fraction.get(), 3)></progress> }
}

/// What a widget says when its run fails: a word of its own, then the browser's message.
fn failure(message: &str, lang: Lang) -> impl IntoView {
    let text = format!("{}: {message}", ui::WIDGET_ERROR.get(lang));
    view! { <p class="widget-error" role="alert">{text}</p> }
}

/// The frame every widget stands in: `data-widget` names it for tests and styles, `data-state`
/// says where its run is (idle | running | done | error), its first button runs it, the module
/// it runs and the claim it tests sit beside that button; `draw` adds the widget's own controls
/// to that row and its body below. (Not a component with `Children`: boxing the body as an
/// `AnyView` compiles Leptos's type-erased hydration once per widget, which made the page's
/// first load 27 KB larger, brotli, than this.)
pub struct WidgetFrame {
    /// `data-widget`.
    name: &'static str,
    /// Written by the prerender only (see `prerendered`).
    title: &'static str,
    lang: Lang,
    /// `data-state`.
    state: Signal<&'static str>,
    /// What the first button does; none where the widget's controls are all its own.
    run: Option<Callback<()>>,
    /// The module it runs.
    file: Option<&'static str>,
    /// The claim it tests: its id in `content/claims.toml` and the link's words.
    claim: Option<(&'static str, &'static str)>,
    /// How it measures or what it runs, said below its body.
    method: Option<String>,
    /// Set in the text column, not stepping out of it as the lab's wide tables do.
    in_text: bool,
}

impl WidgetFrame {
    #[inline(always)]
    pub fn new(
        name: &'static str,
        title: ui::Text,
        lang: Lang,
        state: Signal<&'static str>,
    ) -> Self {
        WidgetFrame {
            name,
            title: prerendered(|| title.get(lang)),
            lang,
            state,
            run: None,
            file: None,
            claim: None,
            method: None,
            in_text: false,
        }
    }

    pub fn run(self, run: impl Fn() + Send + Sync + 'static) -> Self {
        let run = Some(Callback::new(move |()| run()));
        WidgetFrame { run, ..self }
    }

    pub fn file(self, file: &'static str) -> Self {
        WidgetFrame {
            file: Some(file),
            ..self
        }
    }

    #[inline(always)]
    pub fn claim(self, claim: &'static str, words: ui::Text) -> Self {
        WidgetFrame {
            claim: Some((claim, prerendered(|| words.get(self.lang)))),
            ..self
        }
    }

    /// How it measures, written by the prerender only (see `prerendered`).
    #[inline(always)]
    pub fn method<S: Into<String>>(self, method: impl FnOnce() -> S) -> Self {
        WidgetFrame {
            method: Some(prerendered(|| method().into())),
            ..self
        }
    }

    pub fn in_text(self) -> Self {
        WidgetFrame {
            in_text: true,
            ..self
        }
    }

    /// The frame around the widget's own `controls` (in the first row) and `body`.
    pub fn draw(self, controls: impl IntoView, body: impl IntoView) -> impl IntoView {
        let (button, file, claim) = self.controls();
        let WidgetFrame {
            name,
            title,
            lang,
            state,
            method,
            in_text,
            ..
        } = self;
        let class = if in_text { "widget" } else { "widget lab" };
        view! {
            <figure class=class data-widget=name data-state=state>
                <figcaption class="widget-title">{title}</figcaption>
                <div class="widget-controls">{button}{file}{controls}{claim}</div>
                // While the page fetches the app's Wasm (`data-state="waking"`, set by islands.js).
                <p
                    class="widget-waking"
                    data-failed=prerendered(|| ui::WIDGET_WAKE_FAILED.get(lang))
                >
                    {prerendered(|| ui::WIDGET_WAKING.get(lang))}
                </p>
                {body}
                {method.map(|method| view! { <p class="widget-method">{method}</p> })}
                // On paper, in place of a run that never happened.
                <p class="print-note">{prerendered(|| ui::PRINT_NOT_RUN.get(lang))}</p>
            </figure>
        }
    }

    /// The run button, the file and the claim link: the same types for every widget, so
    /// compiled once.
    #[allow(clippy::type_complexity)]
    fn controls(
        &self,
    ) -> (
        Option<impl IntoView>,
        Option<impl IntoView>,
        Option<impl IntoView>,
    ) {
        let (lang, state) = (self.lang, self.state);
        let running = move || state.get() == "running";
        let button = self.run.map(|run| {
            view! {
                <button type="button" aria-disabled=move || disabled_while(running())
                    on:click=move |_| if !running() { run.run(()) }>
                    {prerendered(|| ui::RUN.get(lang))}
                </button>
            }
        });
        let file = self
            .file
            .map(|file| view! { <code class="widget-file">{file}</code> });
        let claim = self.claim.map(|(id, words)| {
            view! {
                <a href=format!("#claim-{id}") class="widget-claim">{words}</a>
            }
        });
        (button, file, claim)
    }
}
