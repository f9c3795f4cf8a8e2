use crate::content::{ui, Lang, Step, ESSAY};
use crate::prose;
use leptos::prelude::*;

/// A figure that explains in steps. The prerender draws every step, its graphic beside its
/// text, in order: without JavaScript, and in print, they read as small multiples. `steps.js`
/// (no Wasm) then keeps one graphic at a time in a sticky frame while the texts scroll past,
/// sets `data-step-active`, and shows buttons that step it from the keyboard, with a polite
/// live region that says which step is showing. The figure's name is its `data-widget`.
pub fn stepped<V: IntoView>(
    name: &'static str,
    title: ui::Text,
    lang: Lang,
    graphic: impl Fn(usize, &'static Step) -> V,
) -> impl IntoView {
    let steps: Vec<&'static Step> = ESSAY.steps(name).collect();
    let total = steps.len();
    let status = |i: usize, step: &Step| {
        let title = step.title.get(lang);
        ui::StepStatus {
            n: &(i + 1),
            total: &total,
            title: &title,
        }
        .get(lang)
    };
    let first = steps.first().map(|step| status(0, step));
    let title_id = format!("{name}-title");
    let items = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            view! {
                <li class="step" data-step=i data-status=status(i, step)>
                    <div class="step-graphic">{graphic(i, step)}</div>
                    <div class="step-text">
                        <p>{prose::render(step.text.get(lang), lang, &format!("{name}-{i}"))}</p>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="widget stepped" data-widget=name data-state="done" data-stepped=""
            data-step-active="0" aria-labelledby=title_id.clone()>
            <figcaption id=title_id.clone() class="widget-title">{title.get(lang)}</figcaption>
            <div class="step-controls" hidden>
                <button type="button" data-step-go="-1">{ui::STEP_PREVIOUS.get(lang)}</button>
                <button type="button" data-step-go="1">{ui::STEP_NEXT.get(lang)}</button>
                <p class="step-status" aria-live="polite">{first}</p>
                <p class="step-hint">{ui::STEP_HINT.get(lang)}</p>
            </div>
            <ol class="steps">{items}</ol>
        </figure>
    }
}
