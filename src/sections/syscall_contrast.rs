use crate::content::{Lang, ESSAY};
use crate::html::{citation, escape};
use crate::wasm_host::CAPABILITIES;
use leptos::prelude::*;

/// What a container's processes can ask the shared kernel for, beside what our module can ask
/// its host for: one square per x86-64 system call, coloured by what Docker's default seccomp
/// profile does with it, and one per import of capabilities.wasm. The counts are the cited
/// figures, which tests/content.rs recounts from the files in content/counted/.
#[component]
pub fn SyscallContrast(lang: Lang) -> impl IntoView {
    let ui = move |key| ESSAY.ui(key, lang);
    let count = |id: &str| ESSAY.figure(id).map_or(0, |f| f.number as usize);
    // The figure's numbers carry the same citations as the paragraph's.
    let cite = |id: &str| {
        ESSAY
            .figure(id)
            .and_then(|f| f.source())
            .map(citation)
            .unwrap_or_default()
    };
    let groups = [
        ("allowed", count("seccomp-allowed"), ui("syscalls-allowed")),
        (
            "capability",
            count("seccomp-cap-only"),
            ui("syscalls-capability"),
        ),
        ("never", count("seccomp-never"), ui("syscalls-never")),
    ];
    let squares = groups
        .iter()
        .map(|(class, n, _)| view! { <span class=format!("squares {class}")>{"■".repeat(*n)}</span> })
        .collect_view();
    let legend = groups
        .iter()
        .map(|(class, n, label)| {
            view! { <li><span class=format!("key {class}") aria-hidden="true">"■"</span>{format!(" {n} {label}")}</li> }
        })
        .collect_view();
    let imports = CAPABILITIES.len();
    view! {
        <figure class="widget syscall-contrast" data-widget="syscall-contrast">
            <figcaption class="widget-title">{ui("syscalls-title")}</figcaption>
            <div class="contrast-row">
                <h4>
                    {format!("{} ({})", ui("syscalls-container"), count("linux-syscalls"))}
                    <span inner_html=cite("linux-syscalls")></span>
                </h4>
                <p class="square-field" aria-hidden="true">{squares}</p>
                <ul class="contrast-legend">{legend}</ul>
                <p class="contrast-legend" inner_html=format!(
                    "{}{}", escape(ui("syscalls-profile")), cite("seccomp-allowed")
                )></p>
            </div>
            <div class="contrast-row">
                <h4>{format!("{} ({imports})", ui("syscalls-module"))}</h4>
                <p class="square-field" aria-hidden="true">
                    <span class="squares import">{"■".repeat(imports)}</span>
                </p>
                <p class="contrast-legend">{ui("syscalls-module-note")}</p>
            </div>
        </figure>
    }
}
