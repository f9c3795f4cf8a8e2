use crate::content::{Lang, ESSAY};
use leptos::prelude::*;

/// The module the figure opens up.
pub const MODULE: &str = "capabilities.wasm";

/// The figure's three views, as HTML made by the prerender from the shipped file
/// (`crate::inside_module_build`): the Rust source highlighted by syntect, the bytes in hex cut
/// at each section's boundaries, and the text form (WAT) printed by wasmprinter. None of those
/// tools is in the browser bundle, and the figure is plain HTML: hovering or focusing a
/// section lights it up in every view through CSS (`:has`), with no script at all.
#[derive(Clone, Debug, Default)]
pub struct InsideModuleHtml {
    pub source: String,
    pub hex: String,
    pub wat: String,
    /// One focusable entry per section: its name and bytes.
    pub legend: String,
}

#[component]
pub fn InsideModule(lang: Lang) -> impl IntoView {
    let ui = move |key| ESSAY.ui(key, lang);
    let html = use_context::<InsideModuleHtml>().unwrap_or_default();
    view! {
        <figure class="widget inside-module" data-widget="inside-module" data-state="done">
            <figcaption class="widget-title">{ui("inside-title")}</figcaption>
            <p class="widget-method">{ui("inside-method")}</p>
            <ol class="section-legend" aria-label=ui("inside-sections") inner_html=html.legend></ol>
            <div class="inside-views">
                <div class="inside-view">
                    <h4>{ui("inside-source")}</h4>
                    <pre class="code-block" tabindex="0"><code inner_html=html.source></code></pre>
                </div>
                <div class="inside-view">
                    <h4>{format!("{} ({MODULE})", ui("inside-hex"))}</h4>
                    <pre class="hex-view" tabindex="0" inner_html=html.hex></pre>
                </div>
                <div class="inside-view">
                    <h4>{ui("inside-wat")}</h4>
                    <pre class="wat-view" tabindex="0" inner_html=html.wat></pre>
                </div>
            </div>
        </figure>
    }
}
