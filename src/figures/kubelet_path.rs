use super::stepped::stepped;
use crate::content::{ui, Lang};
use leptos::prelude::*;

/// One hop on the way from the kubelet to a running program: its name (the same in both
/// languages) and what it does there.
struct Hop {
    name: &'static str,
    does: ui::Text,
    /// Where the page shows this hop's kind of thing for real.
    link: Option<(&'static str, ui::Text)>,
}

const KUBELET: Hop = Hop {
    name: "kubelet",
    does: ui::HOP_KUBELET,
    link: None,
};
const DOCKERSHIM: Hop = Hop {
    name: "dockershim",
    does: ui::HOP_DOCKERSHIM,
    link: None,
};
const DOCKERD: Hop = Hop {
    name: "dockerd",
    does: ui::HOP_DOCKERD,
    link: None,
};
const CONTAINERD: Hop = Hop {
    name: "containerd",
    does: ui::HOP_CONTAINERD,
    link: None,
};
const RUNC_SHIM: Hop = Hop {
    name: "containerd-shim-runc-v2",
    does: ui::HOP_RUNC_SHIM,
    link: None,
};
const RUNC: Hop = Hop {
    name: "runc",
    does: ui::HOP_RUNC,
    link: None,
};
const PROCESS: Hop = Hop {
    name: "",
    does: ui::HOP_PROCESS,
    link: None,
};
const WASM_SHIM: Hop = Hop {
    name: "containerd-shim-wasmtime-v1",
    does: ui::HOP_WASM_SHIM,
    link: None,
};
const MODULE: Hop = Hop {
    name: "",
    does: ui::HOP_MODULE,
    link: Some(("#webassembly-wasi", ui::HOP_MODULE_LINK)),
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
fn path(step: usize) -> &'static [(Hop, Change)] {
    use Change::{Added, Kept, Removed};
    const STATES: [&[(Hop, Change)]; 3] = [
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
    ];
    STATES[step.min(STATES.len() - 1)]
}

/// The epilogue's figure: what Kubernetes removed when dockershim went, and where a Wasm
/// runtime slots in, as the hops from the kubelet to a running program. A removed hop stays
/// drawn, struck through, so that the step shows what went; an added one is marked new.
#[component]
pub fn KubeletPath(lang: Lang) -> impl IntoView {
    stepped("kubelet-path", ui::PATH_TITLE, lang, move |i, _| {
        let hops = path(i)
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
