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

/// Fetches a file and returns its bytes as an `ArrayBuffer`: a request of its own each time
/// (a cold load's); the modules the widgets share come through `fetch_once`.
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

/// Fetches a file once per page: every later ask, even one made while the first request is
/// still on its way, gets the same bytes. The lab's widgets share the modules they read this
/// way; a fetch that must go to the network (a cold load's) calls `fetch_bytes`.
#[cfg(feature = "hydrate")]
pub async fn fetch_once(url: &str) -> Result<js_sys::ArrayBuffer, String> {
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};

    // A list, not a map: a page asks for a dozen files, and a hash map would bring its hasher
    // and table code into the Wasm for nothing.
    thread_local! {
        static FETCHED: RefCell<Vec<(String, js_sys::Promise)>> = RefCell::default();
    }
    let promise = FETCHED.with_borrow_mut(|fetched| {
        if let Some((_, promise)) = fetched.iter().find(|(asked, _)| asked == url) {
            return promise.clone();
        }
        let asked = url.to_owned();
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            let bytes = fetch_bytes(&asked).await;
            bytes.map(JsValue::from).map_err(|e| JsValue::from_str(&e))
        });
        fetched.push((url.to_owned(), promise.clone()));
        promise
    });
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(bytes) => bytes
            .dyn_into()
            .map_err(|_| "not an ArrayBuffer".to_owned()),
        Err(error) => {
            // A failure is not kept: the next ask tries the network again.
            FETCHED.with_borrow_mut(|fetched| fetched.retain(|(asked, _)| asked != url));
            Err(error.as_string().unwrap_or_else(|| js_error_text(&error)))
        }
    }
}

/// The size in bytes of a file the page has already loaded, from the browser's own record of
/// the request (Resource Timing), so that measuring it does not download it again.
#[cfg(feature = "hydrate")]
pub fn loaded_size(url: &str) -> Option<u32> {
    let href = web_sys::Url::new_with_base(url, &web_sys::window()?.document()?.base_uri().ok()??)
        .ok()?
        .href();
    let size = loaded_body_size(&href);
    (size > 0.0).then_some(size as u32)
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

/// `performance.now()` in milliseconds. Browsers coarsen it (to 100 µs without cross-origin
/// isolation), which is why the lab times batches and divides.
#[cfg(feature = "hydrate")]
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The smallest step `performance.now()` takes here, in milliseconds.
#[cfg(feature = "hydrate")]
pub fn clock_step_ms() -> f64 {
    let mut step = f64::INFINITY;
    for _ in 0..5 {
        let start = now_ms();
        let mut next = now_ms();
        while next == start {
            next = now_ms();
        }
        step = step.min(next - start);
    }
    step
}

/// Lets the browser paint and handle input before the next piece of work: the lab yields
/// between batches so no task blocks the page for long.
#[cfg(feature = "hydrate")]
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Natively there is no page to yield to.
#[cfg(not(feature = "hydrate"))]
pub async fn next_tick() {}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function import_module(url) { return import(url); }
export function loaded_body_size(url) {
  const entry = performance.getEntriesByName(url, 'resource')[0];
  return entry ? entry.decodedBodySize : 0;
}
export async function gzip_length(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}")]
extern "C" {
    /// `import(url)`: a module shipped as a file, loaded without `eval`.
    fn import_module(url: &str) -> js_sys::Promise;
    /// The decoded size of a resource the page loaded (0 if the browser kept no record).
    fn loaded_body_size(url: &str) -> f64;
    /// The length of `bytes` gzipped by the browser's own `CompressionStream`.
    fn gzip_length(bytes: &js_sys::ArrayBuffer) -> js_sys::Promise;
}

/// How many bytes `bytes` take gzipped, by the browser's `CompressionStream` (what a server's
/// gzip would send, give or take its level); None where the browser has no such stream.
#[cfg(feature = "hydrate")]
pub async fn gzipped_size(bytes: &js_sys::ArrayBuffer) -> Option<u32> {
    let length = wasm_bindgen_futures::JsFuture::from(gzip_length(bytes))
        .await
        .ok()?;
    length.as_f64().map(|n| n as u32)
}

/// A token that differs from one page load to the next, for URLs that must miss every cache.
#[cfg(feature = "hydrate")]
pub fn fresh_token() -> String {
    format!("{}", js_sys::Date::now() as u64)
}

/// Imports a JavaScript module shipped in `modules/` and returns its namespace object (which
/// has no prototype, so it is not an `instanceof Object`).
#[cfg(feature = "hydrate")]
pub async fn import_shipped_module(file: &str) -> Result<wasm_bindgen::JsValue, String> {
    // import() resolves relative URLs against the importing script, so make it absolute.
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let url = web_sys::Url::new_with_base(&module_url(file), &base.unwrap_or_default())
        .map_err(|e| js_error_text(&e))?
        .href();
    let namespace = wasm_bindgen_futures::JsFuture::from(import_module(&url))
        .await
        .map_err(|e| format!("{file}: {}", js_error_text(&e)))?;
    if namespace.is_object() {
        Ok(namespace)
    } else {
        Err(format!("{file} is not a module"))
    }
}

/// The URL of the app's own Wasm bundle, as the loader's tag names it (islands.js).
#[cfg(feature = "hydrate")]
pub fn app_wasm_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let loader = document.query_selector("script[data-wasm]").ok()??;
    loader.get_attribute("data-wasm")
}

/// Places the marks of a chart drawn as HTML (`data-left`, `data-width`: percentages) through
/// the CSS object model: the page's content-security policy refuses `style` attributes, in
/// markup and in `innerHTML` alike, but not properties set from script.
pub fn place_marks(root: &leptos::web_sys::Element) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Ok(marks) = root.query_selector_all("[data-left], [data-width]") else {
            return;
        };
        for i in 0..marks.length() {
            let Some(mark) = marks
                .get(i)
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            for property in ["left", "width"] {
                if let Some(value) = mark.get_attribute(&format!("data-{property}")) {
                    let _ = mark.style().set_property(property, &format!("{value}%"));
                }
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = root;
}

/// A file the reader picked or dropped: its name and size, and in the browser the file itself.
pub struct PickedFile {
    pub name: String,
    pub size: f64,
    #[cfg(feature = "hydrate")]
    file: web_sys::File,
}

/// The files of an `<input type="file">` change or of a drop, in the order the browser lists them.
pub fn picked_files(event: &leptos::ev::Event) -> Vec<PickedFile> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let list = match event.dyn_ref::<web_sys::DragEvent>() {
            Some(drop) => drop.data_transfer().and_then(|d| d.files()),
            None => event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files()),
        };
        let Some(list) = list else { return Vec::new() };
        (0..list.length())
            .filter_map(|i| list.get(i))
            .map(|file| PickedFile {
                name: file.name(),
                size: file.size(),
                file,
            })
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        Vec::new()
    }
}

/// The bytes of a picked file.
#[cfg(feature = "hydrate")]
pub async fn read_file(file: &PickedFile) -> Result<js_sys::ArrayBuffer, String> {
    use wasm_bindgen::JsCast;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.file.array_buffer())
        .await
        .map_err(|e| format!("{}: {}", file.name, js_error_text(&e)))?;
    buffer
        .dyn_into()
        .map_err(|_| "not an ArrayBuffer".to_owned())
}
