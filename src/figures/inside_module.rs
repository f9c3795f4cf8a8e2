use crate::content::{ui, Lang};
use crate::text::html::Html;
use leptos::prelude::*;

/// The module the figure opens up.
pub const MODULE: &str = "capabilities.wasm";

/// The figure's three views, as HTML made by the prerender from the shipped file
/// (`inside_module_build`): the Rust source highlighted by syntect, the bytes in hex cut at
/// each section's boundaries, and the text form (WAT) printed by wasmprinter. None of those
/// tools is in the browser bundle, and the figure is plain HTML: hovering or focusing a
/// section lights it up in every view through CSS (`:has`), with no script at all.
#[derive(Clone, Debug, Default)]
pub struct InsideModuleHtml {
    pub source: Html,
    pub hex: Html,
    pub wat: Html,
    /// One focusable entry per section: its name and bytes.
    pub legend: Html,
}

#[component]
pub fn InsideModule(lang: Lang) -> impl IntoView {
    let text = move |t: ui::Text| t.get(lang);
    let html = use_context::<InsideModuleHtml>().unwrap_or_default();
    view! {
        <figure class="widget inside-module" data-widget="inside-module" data-state="done">
            <figcaption class="widget-title">{text(ui::INSIDE_TITLE)}</figcaption>
            <p class="widget-method">{text(ui::INSIDE_METHOD)}</p>
            <ol class="section-legend" aria-label=text(ui::INSIDE_SECTIONS)
                inner_html=html.legend.into_string()></ol>
            <div class="inside-views">
                <div class="inside-view">
                    <h4>{text(ui::INSIDE_SOURCE)}</h4>
                    <pre class="code-block" tabindex="0"><code inner_html=html.source.into_string()></code></pre>
                </div>
                <div class="inside-view">
                    <h4>{format!("{} ({MODULE})", text(ui::INSIDE_HEX))}</h4>
                    <pre class="hex-view" tabindex="0" inner_html=html.hex.into_string()></pre>
                </div>
                <div class="inside-view">
                    <h4>{text(ui::INSIDE_WAT)}</h4>
                    <pre class="wat-view" tabindex="0" inner_html=html.wat.into_string()></pre>
                </div>
            </div>
        </figure>
    }
}
