use super::stepped::stepped;
use crate::content::{ui, Era, Lang, ESSAY};
use leptos::prelude::*;

/// The layers a small program stands on, from the top.
static LAYERS: [&ui::Text; 6] = [
    &ui::LAYER_PROGRAM,
    &ui::LAYER_RUNTIME,
    &ui::LAYER_USERLAND,
    &ui::LAYER_KERNEL,
    &ui::LAYER_HYPERVISOR,
    &ui::LAYER_HARDWARE,
];

/// Who a layer is up to in one era.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// In the box the developer ships.
    Ships,
    /// The platform's, for this program alone or for all.
    Provided,
    /// One for the whole machine, shared with the other tenants on it.
    Shared,
    /// Not there at all.
    Absent,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Ships => "ships",
            Role::Provided => "provided",
            Role::Shared => "shared",
            Role::Absent => "absent",
        }
    }

    fn words(self) -> ui::Text {
        match self {
            Role::Ships => ui::ROLE_SHIPS,
            Role::Provided => ui::ROLE_PROVIDED,
            Role::Shared => ui::ROLE_SHARED,
            Role::Absent => ui::ROLE_ABSENT,
        }
    }
}

/// Each layer's role in an era, in the order of `LAYERS`. What ships is always a run from the
/// top: the program and whatever the platform does not give it.
fn roles(era: Era) -> [Role; 6] {
    use Role::{Absent, Provided, Shared, Ships};
    match era {
        Era::Vm => [Ships, Ships, Ships, Ships, Provided, Provided],
        Era::Platform => [Ships, Provided, Provided, Shared, Provided, Provided],
        Era::Container => [Ships, Ships, Ships, Shared, Provided, Provided],
        Era::Module => [Ships, Provided, Absent, Shared, Provided, Provided],
    }
}

/// One era's stack: the layers a small program stands on, the box the developer ships drawn
/// around the top of it, and whose each layer is. The layers are text, so they read at any
/// width and in any language; which layer is whose is the figure's whole point.
pub fn stack(era: Era, lang: Lang) -> impl IntoView {
    let roles = roles(era);
    let shipped = roles.iter().take_while(|r| **r == Role::Ships).count();
    let row = move |i: usize| {
        let role = roles[i];
        view! {
            <li class="layer" data-role=role.name()>
                <span class="layer-name">{LAYERS[i].get(lang)}</span>
                <span class="layer-role">{role.words().get(lang)}</span>
            </li>
        }
    };
    view! {
        <div class="stack" data-era=era.name()>
            <p class="stack-era">{era_title(era).get(lang)}</p>
            <div class="stack-box">
                <p class="stack-box-label">{ui::SHIPS_BOX.get(lang)}</p>
                <ol>{(0..shipped).map(row).collect_view()}</ol>
            </div>
            <ol>{(shipped..LAYERS.len()).map(row).collect_view()}</ol>
        </div>
    }
}

/// An era's name: the title of its what-ships step (content/stepped.toml), which the build
/// checks every era has.
pub fn era_title(era: Era) -> ui::Text {
    ESSAY
        .steps("what-ships")
        .find(|step| step.era == Some(era))
        .map(|step| step.title)
        .expect("every era has a what-ships step (build.rs)")
}

/// The through-line of the article's first sections: what ships with one small program, era
/// by era, each box smaller than the last.
#[component]
pub fn WhatShips(lang: Lang) -> impl IntoView {
    stepped("what-ships", ui::SHIPS_TITLE, lang, move |_, step| {
        stack(
            step.era
                .expect("what-ships steps name their era (build.rs)"),
            lang,
        )
    })
}
