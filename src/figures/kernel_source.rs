use crate::content::{ui, Lang};
use leptos::prelude::*;

/// The speed race's two kernels side by side, as shipped: the Rust compiled to kernel.wasm and
/// its hand-written JavaScript twin. Static HTML, read from the files at build time.
#[component]
pub fn KernelSource(lang: Lang) -> impl IntoView {
    const RUST: &str = include_str!("../../snippets/kernel/src/mandelbrot.rs");
    const JS: &str = include_str!("../../snippets/kernel/kernel.js");
    view! {
        <div class="code-pair">
            <figure class="code">
                <figcaption>{ui::KERNEL_RUST.get(lang)}</figcaption>
                <pre tabindex="0"><code>{RUST}</code></pre>
            </figure>
            <figure class="code">
                <figcaption>{ui::KERNEL_JS.get(lang)}</figcaption>
                <pre tabindex="0"><code>{JS}</code></pre>
            </figure>
        </div>
    }
}
