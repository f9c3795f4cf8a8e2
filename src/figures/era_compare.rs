use super::what_ships::{era_title, stack};
use crate::content::{ui, Era, Lang};
use leptos::prelude::*;

/// The through-line again, in a later section: this era's stack beside another the reader
/// picks. Every stack is prerendered; the radio buttons choose which one shows, with CSS alone
/// (`:has`), so the comparison needs neither the Wasm nor a script, and works from the
/// keyboard as any radio group does. It opens on the era before this one.
#[component]
pub fn EraCompare(era: Era, lang: Lang) -> impl IntoView {
    let name = format!("ships-{}", era.name());
    let title_id = format!("{name}-title");
    let previous = Era::ALL
        .iter()
        .take_while(|e| **e != era)
        .last()
        .copied()
        .unwrap_or(Era::Module);
    let others = Era::ALL.into_iter().filter(move |e| *e != era);
    let choices = others
        .clone()
        .map(|other| {
            let id = format!("{name}-{}", other.name());
            view! {
                <label for=id.clone()>
                    <input type="radio" id=id.clone() name=name.clone() value=other.name()
                        checked=other == previous />
                    {era_title(other).get(lang)}
                </label>
            }
        })
        .collect_view();
    let stacks = others
        .map(|other| view! { <div class="compare-other" data-era=other.name()>{stack(other, lang)}</div> })
        .collect_view();
    view! {
        <figure class="widget era-compare" data-widget=name.clone() data-state="done"
            aria-labelledby=title_id.clone()>
            <figcaption id=title_id.clone() class="widget-title">{ui::COMPARE_TITLE.get(lang)}</figcaption>
            <fieldset class="compare-pick">
                <legend>{ui::COMPARE_WITH.get(lang)}</legend>
                {choices}
            </fieldset>
            <div class="compare-stacks">
                <div class="compare-this">{stack(era, lang)}</div>
                {stacks}
            </div>
            <p class="widget-method">
                <a href="#what-ships-title">{ui::COMPARE_ALL.get(lang)}</a>
            </p>
        </figure>
    }
}
