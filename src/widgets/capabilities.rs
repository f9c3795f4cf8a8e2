use super::{html_body, run_button, Phase};
use crate::content::{Lang, ESSAY};
use crate::html::{element, escape, table_quiet_caption};
use crate::wasm_host::{self, CapabilityOutcome, Grant, CAPABILITIES};
use leptos::prelude::*;

/// The reader decides which of the module's three imports the page hands over, and how a
/// capability is kept back: left out (instantiation fails with the browser's `LinkError`) or
/// linked as a refusal (a function answering -1, which the module copes with). Every change
/// runs the module again, so the reader sees each decision's effect at once.
#[island]
pub fn Capabilities() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<CapabilityOutcome>::Idle);
    let granted = RwSignal::new([true; 3]);
    let refuse_instead = RwSignal::new(false);
    let latest = StoredValue::new(0u32);
    let run = move || {
        let kept_back = if refuse_instead.get_untracked() {
            Grant::Refused
        } else {
            Grant::Withheld
        };
        let grants = granted
            .get_untracked()
            .map(|given| if given { Grant::Given } else { kept_back });
        // Quick toggling can start a run before the last one has answered: only the newest
        // run's answer is shown, so the outcome always matches the toggles.
        latest.update_value(|n| *n += 1);
        let this_run = latest.get_value();
        phase.set(Phase::Running);
        leptos::task::spawn_local(async move {
            let outcome = wasm_host::run_capabilities(grants).await;
            if latest.get_value() == this_run {
                phase.set(outcome.into());
            }
        });
    };
    Effect::new(move |_| run());

    let toggles = CAPABILITIES
        .into_iter()
        .enumerate()
        .map(|(i, import)| {
            view! {
                <label class="toggle">
                    <input
                        type="checkbox"
                        data-import=import
                        prop:checked=move || granted.get()[i]
                        on:change=move |_| {
                            granted.update(|g| g[i] = !g[i]);
                            run();
                        }
                    />
                    <code>{format!("host.{import}")}</code>
                </label>
            }
        })
        .collect_view();
    let body = html_body(phase, ["caps-idle", "caps-running"], None, results, lang);

    view! {
        <figure class="widget lab" data-widget="capabilities" data-state=move || phase.with(Phase::name)>
            <figcaption class="widget-title">{ui("caps-title")}</figcaption>
            <div class="widget-controls">
                {run_button(phase, run, lang)}
                <code class="widget-file">"capabilities.wasm"</code>
                <a href="#claim-wasm-safer" class="widget-claim">{ui("caps-claim")}</a>
            </div>
            <fieldset class="widget-options">
                <legend>{ui("caps-grant")}</legend>
                {toggles}
            </fieldset>
            <fieldset class="widget-options">
                <legend>{ui("caps-how")}</legend>
                <label class="toggle">
                    <input type="radio" name="caps-how" value="withhold"
                        prop:checked=move || !refuse_instead.get()
                        on:change=move |_| { refuse_instead.set(false); run(); } />
                    {ui("caps-withhold")}
                </label>
                <label class="toggle">
                    <input type="radio" name="caps-how" value="refuse"
                        prop:checked=move || refuse_instead.get()
                        on:change=move |_| { refuse_instead.set(true); run(); } />
                    {ui("caps-refuse")}
                </label>
            </fieldset>
            <div class="widget-body" aria-live="polite">{body}</div>
        </figure>
    }
}

fn results(outcome: &CapabilityOutcome, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    match outcome {
        CapabilityOutcome::NotLinked(message) => element(
            "div",
            &[("class", "outcome"), ("data-outcome", "link-error")],
            &(element("p", &[], &escape(ui("caps-not-linked")))
                + &element(
                    "p",
                    &[],
                    &element("code", &[("data-measure", "error")], &escape(message)),
                )),
        ),
        CapabilityOutcome::Ran { calls, refused } => {
            let rows: Vec<String> = calls
                .iter()
                .map(|call| {
                    let argument = call.argument.map(|a| a.to_string()).unwrap_or_default();
                    let answer = if call.answer < 0 {
                        format!("{} ({})", call.answer, ui("caps-refusal"))
                    } else {
                        call.answer.to_string()
                    };
                    element(
                        "tr",
                        &[],
                        &(element(
                            "th",
                            &[("scope", "row")],
                            &element("code", &[], &escape(call.import)),
                        ) + &element("td", &[], &escape(&argument))
                            + &element("td", &[], &escape(&answer))),
                    )
                })
                .collect();
            let table = table_quiet_caption(
                "lab-table",
                ui("caps-calls"),
                &[ui("caps-import"), ui("caps-argument"), ui("caps-answer")],
                &rows,
            );
            let refused_names: Vec<&str> = CAPABILITIES
                .iter()
                .enumerate()
                .filter(|(i, _)| refused & (1 << i) != 0)
                .map(|(_, name)| *name)
                .collect();
            let verdict = if refused_names.is_empty() {
                ui("caps-all-given").to_owned()
            } else {
                format!("{}{}", ui("caps-coped"), refused_names.join(", "))
            };
            element(
                "div",
                &[("class", "outcome"), ("data-outcome", "ran")],
                &(table
                    + &element(
                        "p",
                        &[],
                        &format!(
                            "<code>run() = <output data-measure=\"refused\">{refused}</output></code>{}{}",
                            ui("list-gap"),
                            escape(&verdict)
                        ),
                    )),
            )
        }
    }
}
