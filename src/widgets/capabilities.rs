use super::frame::Run;
use crate::content::{ui, Lang};
use crate::text::html::{table, Html};
use crate::text::{page_lang, prerendered};
use crate::wasm_host::{self, CapabilityOutcome, Grant, CAPABILITIES};
use leptos::prelude::*;

/// The reader decides which of the module's three imports the page hands over, and how a
/// capability is kept back: left out (instantiation fails with the browser's `LinkError`) or
/// linked as a refusal (a function answering -1, which the module copes with). Every change
/// runs the module again, so the reader sees each decision's effect at once.
#[island]
pub fn Capabilities() -> impl IntoView {
    let lang = page_lang();
    let text = move |t: ui::Text| t.get(lang);
    let run = Run::new(results, lang);
    let granted = RwSignal::new([true; 3]);
    let refuse_instead = RwSignal::new(false);
    let start = move || {
        let kept_back = if refuse_instead.get_untracked() {
            Grant::Refused
        } else {
            Grant::Withheld
        };
        let grants = granted
            .get_untracked()
            .map(|given| if given { Grant::Given } else { kept_back });
        run.start(wasm_host::run_capabilities(grants));
    };
    Effect::new(move |_| start());

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
                            start();
                        }
                    />
                    <code>{format!("host.{import}")}</code>
                </label>
            }
        })
        .collect_view();

    let body = view! {
        <fieldset class="widget-options">
            <legend>{prerendered(|| text(ui::CAPS_GRANT))}</legend>
            {toggles}
        </fieldset>
        <fieldset class="widget-options">
            <legend>{prerendered(|| text(ui::CAPS_HOW))}</legend>
            <label class="toggle">
                <input type="radio" name="caps-how" value="withhold"
                    prop:checked=move || !refuse_instead.get()
                    on:change=move |_| { refuse_instead.set(false); start(); } />
                {prerendered(|| text(ui::CAPS_WITHHOLD))}
            </label>
            <label class="toggle">
                <input type="radio" name="caps-how" value="refuse"
                    prop:checked=move || refuse_instead.get()
                    on:change=move |_| { refuse_instead.set(true); start(); } />
                {prerendered(|| text(ui::CAPS_REFUSE))}
            </label>
        </fieldset>
        {run.body([ui::CAPS_IDLE, ui::CAPS_RUNNING], None)}
    };
    let frame = run.frame("capabilities", ui::CAPS_TITLE).run(start);
    let frame = frame.file("capabilities.wasm");
    frame.claim("wasm-safer", ui::CAPS_CLAIM).draw((), body)
}

fn results(outcome: &CapabilityOutcome, lang: Lang) -> Html {
    let text = |t: ui::Text| t.get(lang);
    let code = |attrs: &[(&'static str, &str)], inner: Html| Html::element("code", attrs, inner);
    match outcome {
        CapabilityOutcome::NotLinked(message) => Html::element(
            "div",
            &[("class", "outcome"), ("data-outcome", "link-error")],
            Html::element("p", &[], Html::text(text(ui::CAPS_NOT_LINKED)))
                + Html::element(
                    "p",
                    &[],
                    code(&[("data-measure", "error")], Html::text(message)),
                ),
        ),
        CapabilityOutcome::Ran { calls, refused } => {
            let rows: Html = calls
                .iter()
                .map(|call| {
                    let argument = call.argument.map(|a| a.to_string()).unwrap_or_default();
                    let answer = if call.answer < 0 {
                        format!("{} ({})", call.answer, text(ui::CAPS_REFUSAL))
                    } else {
                        call.answer.to_string()
                    };
                    Html::element(
                        "tr",
                        &[],
                        Html::element(
                            "th",
                            &[("scope", "row")],
                            code(&[], Html::text(call.import)),
                        ) + Html::element("td", &[], Html::text(&argument))
                            + Html::element("td", &[], Html::text(&answer)),
                    )
                })
                .collect();
            let headings = [
                text(ui::CAPS_IMPORT),
                text(ui::CAPS_ARGUMENT),
                text(ui::CAPS_ANSWER),
            ];
            let refused_names: Vec<&str> = CAPABILITIES
                .iter()
                .enumerate()
                .filter(|(i, _)| refused & (1 << i) != 0)
                .map(|(_, name)| *name)
                .collect();
            let verdict = if refused_names.is_empty() {
                text(ui::CAPS_ALL_GIVEN).to_owned()
            } else {
                ui::CapsCoped {
                    names: &refused_names.join(", "),
                }
                .get(lang)
            };
            let returned = Html::text("run() = ")
                + Html::element(
                    "output",
                    &[("data-measure", "refused")],
                    Html::text(&refused.to_string()),
                );
            Html::element(
                "div",
                &[("class", "outcome"), ("data-outcome", "ran")],
                table("lab-table", text(ui::CAPS_CALLS), true, &headings, rows)
                    + Html::element(
                        "p",
                        &[],
                        code(&[], returned) + Html::text(text(ui::LIST_GAP)) + Html::text(&verdict),
                    ),
            )
        }
    }
}
