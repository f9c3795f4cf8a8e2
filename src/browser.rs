//! Every call into the browser's DOM and network, each behind one small function. Natively
//! (prerender, tests) they answer as a page without a browser would, so components render the
//! same everywhere.

use crate::content::Lang;

/// The page's language, from `<html lang>`.
pub fn document_lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        let html = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        Lang::from_tag(
            &html
                .map(|e| e.get_attribute("lang").unwrap_or_default())
                .unwrap_or_default(),
        )
    }
    #[cfg(not(feature = "hydrate"))]
    Lang::Zh
}

/// The current `#fragment`, or an empty string.
pub fn location_hash() -> String {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// The URL of a module shipped in `modules/`, resolved against the site root that the
/// prerender writes into `<meta name="essay-root">`, so it works under any sub-path.
pub fn module_url(file: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name=essay-root]").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_else(|| "./".to_owned());
        format!("{root}modules/{file}")
    }
    #[cfg(not(feature = "hydrate"))]
    format!("./modules/{file}")
}

/// Fetches a file and returns its bytes as an `ArrayBuffer`.
#[cfg(feature = "hydrate")]
pub async fn fetch_bytes(url: &str) -> Result<js_sys::ArrayBuffer, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: {}", js_error_text(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a Response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|e| js_error_text(&e))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|e| js_error_text(&e))?;
    buffer
        .dyn_into()
        .map_err(|_| "not an ArrayBuffer".to_owned())
}

/// The message of a thrown JavaScript value, as the browser words it.
#[cfg(feature = "hydrate")]
pub fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}
