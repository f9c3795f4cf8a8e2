use super::stepped::stepped;
use crate::content::{ui, Lang, ESSAY};
use leptos::prelude::*;

/// One hop on the way from the kubelet to a running program: its name (the same in both
/// languages) and what it does there.
struct Hop {
    name: &'static str,
    does: ui::Text,
    /// Where the page shows this hop's kind of thing for real.
    link: Option<(&'static str, ui::Text)>,
}

/// A hop with no link.
const fn hop(name: &'static str, does: ui::Text) -> Hop {
    Hop {
        name,
        does,
        link: None,
    }
}

const KUBELET: Hop = hop("kubelet", ui::HOP_KUBELET);
const DOCKERSHIM: Hop = hop("dockershim", ui::HOP_DOCKERSHIM);
const DOCKERD: Hop = hop("dockerd", ui::HOP_DOCKERD);
const CONTAINERD: Hop = hop("containerd", ui::HOP_CONTAINERD);
const RUNC_SHIM: Hop = hop("containerd-shim-runc-v2", ui::HOP_RUNC_SHIM);
const RUNC: Hop = hop("runc", ui::HOP_RUNC);
const PROCESS: Hop = hop("", ui::HOP_PROCESS);
const WASM_SHIM: Hop = hop("containerd-shim-wasmtime-v1", ui::HOP_WASM_SHIM);
const MODULE: Hop = Hop {
    link: Some(("#webassembly-wasi", ui::HOP_MODULE_LINK)),
    ..hop("", ui::HOP_MODULE)
};

/// What became of a hop since the step before.
#[derive(Clone, Copy)]
enum Change {
    Kept,
    Removed,
    Added,
}

impl Change {
    fn name(self) -> &'static str {
        match self {
            Change::Kept => "kept",
            Change::Removed => "removed",
            Change::Added => "added",
        }
    }

    fn words(self) -> Option<ui::Text> {
        match self {
            Change::Kept => None,
            Change::Removed => Some(ui::HOP_REMOVED),
            Change::Added => Some(ui::HOP_ADDED),
        }
    }
}

/// The path in each state, in the order of the steps (content/stepped.toml): with dockershim,
/// after Kubernetes 1.24, and with a Wasm shim under containerd.
const STATES: [&[(Hop, Change)]; 3] = {
    use Change::{Added, Kept, Removed};
    [
        &[
            (KUBELET, Kept),
            (DOCKERSHIM, Kept),
            (DOCKERD, Kept),
            (CONTAINERD, Kept),
            (RUNC_SHIM, Kept),
            (RUNC, Kept),
            (PROCESS, Kept),
        ],
        &[
            (KUBELET, Kept),
            (DOCKERSHIM, Removed),
            (DOCKERD, Removed),
            (CONTAINERD, Kept),
            (RUNC_SHIM, Kept),
            (RUNC, Kept),
            (PROCESS, Kept),
        ],
        &[
            (KUBELET, Kept),
            (CONTAINERD, Kept),
            (RUNC_SHIM, Removed),
            (RUNC, Removed),
            (WASM_SHIM, Added),
            (MODULE, Added),
        ],
    ]
};

/// The epilogue's figure: what Kubernetes removed when dockershim went, and where a Wasm
/// runtime slots in, as the hops from the kubelet to a running program. A removed hop stays
/// drawn, struck through, so that the step shows what went; an added one is marked new.
#[component]
pub fn KubeletPath(lang: Lang) -> impl IntoView {
    let steps = ESSAY.steps("kubelet-path").count();
    assert_eq!(steps, STATES.len(), "one kubelet-path step per state");
    stepped("kubelet-path", ui::PATH_TITLE, lang, move |i, _| {
        let hops = STATES[i]
            .iter()
            .map(|(hop, change)| {
                let name = (!hop.name.is_empty()).then(|| view! { <code class="hop-name">{hop.name}</code> });
                let mark = change.words().map(|w| view! { <span class="hop-change">{w.get(lang)}</span> });
                view! {
                    <li class="hop" data-change=change.name()>
                        {name}
                        <span class="hop-does">{hop.does.get(lang)}</span>
                        {hop.link.map(|(href, words)| view! { <a class="hop-link" href=href>{words.get(lang)}</a> })}
                        {mark}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="kubelet-path">{hops}</ol> }
    })
}
