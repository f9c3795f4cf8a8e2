//! Fetches, compiles, instantiates and calls WebAssembly modules with the browser's own
//! `WebAssembly` API: the only place in the essay that touches `WebAssembly.*`.

/// What the hello widget reports about one run.
#[derive(Clone, Debug, PartialEq)]
pub struct AddReport {
    /// The size of the fetched file, in bytes.
    pub bytes: u32,
    /// The names of everything the module exports.
    pub exports: Vec<String>,
    /// What the module's `add` returned.
    pub result: i32,
}

/// Fetches `file` from the site's `modules/`, instantiates it with no imports and calls its
/// `add(a, b)` export.
#[cfg(feature = "hydrate")]
pub async fn call_add(file: &str, a: i32, b: i32) -> Result<AddReport, String> {
    use crate::browser::{fetch_bytes, js_error_text, module_url};
    use js_sys::{Function, Object, Reflect, WebAssembly};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let buffer = fetch_bytes(&module_url(file)).await?;
    let bytes = buffer.byte_length();
    let module = JsFuture::from(WebAssembly::compile(&buffer))
        .await
        .map_err(|e| js_error_text(&e))?;
    let module: WebAssembly::Module = module.unchecked_into();
    let exports = WebAssembly::Module::exports(&module)
        .iter()
        .filter_map(|d| {
            Reflect::get(&d, &JsValue::from_str("name"))
                .ok()?
                .as_string()
        })
        .collect();
    let instance = JsFuture::from(WebAssembly::instantiate_module(&module, &Object::new()))
        .await
        .map_err(|e| js_error_text(&e))?;
    let instance: WebAssembly::Instance = instance.unchecked_into();
    let add: Function = Reflect::get(&instance.exports(), &JsValue::from_str("add"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("{file} has no add function"))?;
    let result = add
        .call2(&JsValue::NULL, &a.into(), &b.into())
        .map_err(|e| js_error_text(&e))?
        .as_f64()
        .ok_or("add did not return a number")?;
    Ok(AddReport {
        bytes,
        exports,
        result: result as i32,
    })
}

/// Outside a browser there is no module to run; widgets stay in their prerendered state.
#[cfg(not(feature = "hydrate"))]
pub async fn call_add(_file: &str, _a: i32, _b: i32) -> Result<AddReport, String> {
    Err("WebAssembly runs only in the browser build".to_owned())
}
