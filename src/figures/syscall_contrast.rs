use crate::content::{fig, ui, Figure, Lang};
use crate::text::figure_citation;
use crate::wasm_host::CAPABILITIES;
use leptos::prelude::*;

/// What a container's processes can ask the shared kernel for, beside what our module can ask
/// its host for: one square per x86-64 system call, coloured by what Docker's default seccomp
/// profile does with it, and one per import of capabilities.wasm. The counts are the cited
/// figures, which tests/content.rs recounts from the files in content/counted/. Drawn by the
/// prerender only, so it is a typed view: the size argument for the lab's HTML strings does
/// not apply.
#[component]
pub fn SyscallContrast(lang: Lang) -> impl IntoView {
    let text = move |t: ui::Text| t.get(lang);
    let count = |figure: &Figure| figure.number as usize;
    // The figure's numbers carry the same citations as the paragraph's.
    let cite = |figure: &Figure| figure_citation(figure, lang).into_view();
    let groups = [
        ("allowed", count(fig::SECCOMP_ALLOWED), ui::SYSCALLS_ALLOWED),
        (
            "capability",
            count(fig::SECCOMP_CAP_ONLY),
            ui::SYSCALLS_CAPABILITY,
        ),
        ("never", count(fig::SECCOMP_NEVER), ui::SYSCALLS_NEVER),
    ];
    let squares = groups
        .iter()
        .map(|(class, n, _)| view! { <span class=format!("squares {class}")>{"■".repeat(*n)}</span> })
        .collect_view();
    let legend = groups
        .iter()
        .map(|(class, n, label)| {
            view! { <li><span class=format!("key {class}") aria-hidden="true">"■"</span>{format!(" {n} {}", text(*label))}</li> }
        })
        .collect_view();
    let imports = CAPABILITIES.len();
    view! {
        <figure class="widget syscall-contrast" data-widget="syscall-contrast">
            <figcaption class="widget-title">{text(ui::SYSCALLS_TITLE)}</figcaption>
            <div class="contrast-row">
                <h3>
                    {format!("{} ({})", text(ui::SYSCALLS_CONTAINER), count(fig::LINUX_SYSCALLS))}
                    {cite(fig::LINUX_SYSCALLS)}
                </h3>
                <p class="square-field" aria-hidden="true">{squares}</p>
                <ul class="contrast-legend">{legend}</ul>
                <p class="contrast-legend">{text(ui::SYSCALLS_PROFILE)}{cite(fig::SECCOMP_ALLOWED)}</p>
            </div>
            <div class="contrast-row">
                <h3>{format!("{} ({imports})", text(ui::SYSCALLS_MODULE))}</h3>
                <p class="square-field" aria-hidden="true">
                    <span class="squares import">{"■".repeat(imports)}</span>
                </p>
                <p class="contrast-legend">{text(ui::SYSCALLS_MODULE_NOTE)}</p>
            </div>
        </figure>
    }
}
