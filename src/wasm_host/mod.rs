//! Fetches, compiles, instantiates, calls and times WebAssembly modules with the browser's own
//! `WebAssembly` API: the only place in the essay that touches `WebAssembly.*` (besides the
//! inspector's worker, `snippets/inspector/inspector-worker.js`, which must be a script of its
//! own). Each widget calls one procedure here (the lab's below, the sandbox lab's in
//! `sandbox.rs`, the asm.js comparison's in `asmjs.rs`); natively (prerender, tests) they
//! answer that they need a browser.

use crate::stats::Spread;

mod asmjs;
mod sandbox;
mod wasi;
pub use asmjs::*;
pub use sandbox::*;
pub use wasi::{fd_write, Written};

/// What the procedures answer outside a browser (the prerender, the tests): widgets stay in
/// their prerendered state there.
#[cfg(not(feature = "hydrate"))]
pub(crate) const NEEDS_BROWSER: &str = "WebAssembly runs only in the browser build";

/// Each procedure below is declared once: its body runs the browser's code (in
/// `browser_impl`), or natively says that it needs a browser.
macro_rules! in_the_browser {
    ($call:expr) => {{
        #[cfg(feature = "hydrate")]
        return $call.await;
        #[cfg(not(feature = "hydrate"))]
        return Err($crate::wasm_host::NEEDS_BROWSER.into());
    }};
}
pub(crate) use in_the_browser;

/// Fetches `file`, instantiates it and calls its `add`.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn call_add(file: &str, a: i32, b: i32) -> Result<AddReport, String> {
    in_the_browser!(browser_impl::call_add(file, a, b))
}

/// The sizes of our modules, the empty module and the app's own bundle.
pub async fn measure_sizes() -> Result<SizeReport, String> {
    in_the_browser!(browser_impl::measure_sizes())
}

/// Start-up of each lab module, reporting progress from 0 to 1.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn startup_race(progress: impl FnMut(f64)) -> Result<StartupReport, String> {
    in_the_browser!(browser_impl::startup_race(progress))
}

/// The kernel in Wasm and in JavaScript on a `size`×`size` grid, reporting progress.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn speed_race(size: u32, progress: impl FnMut(f64)) -> Result<SpeedReport, String> {
    in_the_browser!(browser_impl::speed_race(size, progress))
}

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

/// The modules the lab measures, each with the call that proves it runs.
pub const LAB_MODULES: [(&str, &str, &[f64]); 3] = [
    ("tiny.wasm", "answer", &[]),
    ("kernel.wasm", "mandelbrot_rows", &[8.0, 0.0, 1.0]),
    ("memory.wasm", "fnv1a", &[0.0]),
];

/// The sizes the size ladder shows, all read from the bytes themselves.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeReport {
    /// (file, bytes) for each of our modules.
    pub modules: Vec<(&'static str, u32)>,
    /// The 8-byte empty module, built in the page and accepted by `WebAssembly.validate`.
    pub empty_module_bytes: u32,
    /// The app's own Wasm bundle, if the page names it.
    pub app_bundle: Option<u32>,
}

/// Start-up of one module, in microseconds per module.
#[derive(Clone, Debug, PartialEq)]
pub struct Startup {
    pub file: &'static str,
    /// The very first compile, instantiate and call of this module on the page, timed once.
    pub cold: [f64; 3],
    /// Compile, instantiate and first call of fresh copies, timed in batches.
    pub compile: Spread,
    pub instantiate: Spread,
    pub call: Spread,
}

impl Startup {
    /// Compile + instantiate + first call: the module's start-up, by the medians.
    pub fn total(&self) -> f64 {
        self.compile.median + self.instantiate.median + self.call.median
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StartupReport {
    pub modules: Vec<Startup>,
    /// (pages of 64 KiB declared, instantiation time) for the memory module.
    pub memory: Vec<(u32, Spread)>,
    /// The step of `performance.now()` seen here, in microseconds.
    pub clock_step_us: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SpeedReport {
    pub size: u32,
    /// Milliseconds per full run of the kernel.
    pub wasm: Spread,
    pub js: Spread,
    pub wasm_checksum: u32,
    pub js_checksum: u32,
}

impl SpeedReport {
    /// How many times faster WebAssembly ran than JavaScript (below 1: slower).
    pub fn ratio(&self) -> f64 {
        self.js.median / self.wasm.median
    }
}

/// Copies per timed batch: enough to rise well above the clock's step, few enough that a batch
/// stays a short task. It was 25 until the story's figures made the page bigger: `cargo xtask
/// bench` then measured the race's longest task at a median of 52-53 ms on this 2-core machine.
pub const BATCH: usize = 20;
pub const BATCHES: usize = 8;
/// Declared memory sizes tried for the memory module, in 64 KiB pages: 128 KiB to 4 MiB. The
/// browser counts every instance's memory against its heap; bigger memories in batches made it
/// collect garbage in pauses long enough to block the page (over 50 ms).
pub const MEMORY_PAGES: [u32; 3] = [2, 16, 64];
/// Instances per timed batch for the memory experiment.
pub const MEMORY_BATCH: usize = 5;
pub const SPEED_ROUNDS: usize = 5;
/// Warm-up before the speed race is timed: runs per engine, on a grid this size.
pub const WARMUP_RUNS: usize = 3;
pub const WARMUP_SIZE: u32 = 64;

#[cfg(feature = "hydrate")]
mod browser_impl {
    use super::*;
    use crate::browser::{self, fetch_once, js_error_text, module_url, next_tick, now_ms};
    use crate::wasm_bytes::{unique_copy, with_memory_pages};
    use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
    use std::sync::atomic::{AtomicU32, Ordering};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// One of our modules' bytes, fetched once for the whole page (`fetch_once`).
    pub(super) async fn fetch_module(file: &str) -> Result<Vec<u8>, String> {
        Ok(Uint8Array::new(&fetch_once(&module_url(file)).await?.into()).to_vec())
    }

    /// Compiles on the page's thread: fine for our modules, all under the 4 KB above which
    /// Chromium refuses synchronous compilation there.
    pub(super) fn compile(bytes: &[u8]) -> Result<WebAssembly::Module, String> {
        WebAssembly::Module::new(&Uint8Array::from(bytes)).map_err(|e| js_error_text(&e))
    }

    pub(super) fn instantiate(
        module: &WebAssembly::Module,
    ) -> Result<WebAssembly::Instance, String> {
        Ok(instantiate_with(module, &Object::new())?)
    }

    /// A new instance linked with `imports`.
    pub(super) fn instantiate_with(
        module: &WebAssembly::Module,
        imports: &Object,
    ) -> Result<WebAssembly::Instance, NotInstantiated> {
        WebAssembly::Instance::new(module, imports).map_err(|e| {
            if e.is_instance_of::<WebAssembly::LinkError>() {
                NotInstantiated::Link(js_error_text(&e))
            } else {
                NotInstantiated::Other(js_error_text(&e))
            }
        })
    }

    /// Why the browser would not make an instance; its message in either case.
    pub(super) enum NotInstantiated {
        /// An import the module declares is missing or of the wrong kind: a `LinkError`.
        Link(String),
        Other(String),
    }

    impl From<NotInstantiated> for String {
        fn from(error: NotInstantiated) -> String {
            match error {
                NotInstantiated::Link(message) | NotInstantiated::Other(message) => message,
            }
        }
    }

    /// An export of the instance as the type asked for (a function, a memory).
    pub(super) fn export<T: JsCast>(
        instance: &WebAssembly::Instance,
        name: &str,
    ) -> Result<T, String> {
        property(&instance.exports(), name).map_err(|_| format!("no export {name}"))
    }

    /// A property of a JavaScript object (a module's namespace, an instance's exports) as the
    /// type asked for.
    pub(super) fn property<T: JsCast>(object: &JsValue, name: &str) -> Result<T, String> {
        Reflect::get(object, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("no {name}"))
    }

    /// A copy of a module that no engine has compiled before on this page: engines cache
    /// compiled code by the module's bytes, so a timed compile must see bytes of its own.
    pub(super) fn fresh_copy(bytes: &[u8]) -> Vec<u8> {
        static COPIES: AtomicU32 = AtomicU32::new(0);
        unique_copy(bytes, COPIES.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Calls `f` with numbers; what it throws comes back as thrown (a trap, for instance).
    pub(super) fn apply(f: &Function, args: &[f64]) -> Result<JsValue, JsValue> {
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_f64(*a)).collect();
        f.apply(&JsValue::NULL, &args)
    }

    /// Calls `f` with numbers and answers the number it returns.
    pub(super) fn call(f: &Function, args: &[f64]) -> Result<f64, String> {
        let value = apply(f, args).map_err(|e| js_error_text(&e))?;
        Ok(value.as_f64().unwrap_or(f64::NAN))
    }

    pub(super) async fn call_add(file: &str, a: i32, b: i32) -> Result<AddReport, String> {
        let buffer = fetch_once(&module_url(file)).await?;
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
        let add = export(&instance.unchecked_into(), "add")?;
        let result = call(&add, &[f64::from(a), f64::from(b)])? as i32;
        Ok(AddReport {
            bytes,
            exports,
            result,
        })
    }

    pub(super) async fn measure_sizes() -> Result<SizeReport, String> {
        let mut modules = Vec::new();
        for file in LAB_MODULES
            .map(|(file, ..)| file)
            .into_iter()
            .chain(["hello.wasm"])
        {
            modules.push((file, fetch_module(file).await?.len() as u32));
        }
        let empty = Uint8Array::from(&b"\0asm\x01\0\0\0"[..]);
        if !WebAssembly::validate(&empty).unwrap_or(false) {
            return Err("this browser rejects the 8-byte empty module".into());
        }
        let app_bundle = match browser::app_wasm_url() {
            // Read from the browser's record of the load, not downloaded a second time.
            Some(url) => match browser::loaded_size(&url) {
                Some(size) => Some(size),
                None => Some(fetch_once(&url).await?.byte_length()),
            },
            None => None,
        };
        Ok(SizeReport {
            modules,
            empty_module_bytes: empty.length(),
            app_bundle,
        })
    }

    /// Per-item time, in µs, of `op` over `BATCHES` batches of `batch`; yields between batches.
    /// `prepare` is not timed, and yields every 10 ms: compiling and instantiating a batch's
    /// inputs in one go, then timing its calls in the same task, blocked the page for 50-80 ms
    /// on a busy machine.
    async fn batches<T>(
        batch: usize,
        mut prepare: impl FnMut(usize) -> Result<T, String>,
        mut op: impl FnMut(&T) -> Result<(), String>,
    ) -> Result<Spread, String> {
        let mut samples = Vec::with_capacity(BATCHES);
        for b in 0..BATCHES {
            let mut inputs = Vec::with_capacity(batch);
            let mut slice = now_ms();
            for i in 0..batch {
                inputs.push(prepare(b * batch + i)?);
                if now_ms() - slice > 10.0 {
                    next_tick().await;
                    slice = now_ms();
                }
            }
            next_tick().await;
            let start = now_ms();
            for input in &inputs {
                op(input)?;
            }
            samples.push((now_ms() - start) * 1000.0 / batch as f64);
            next_tick().await;
        }
        Spread::of(&samples).ok_or_else(|| "no samples".to_owned())
    }

    pub(super) async fn startup_race(
        mut progress: impl FnMut(f64),
    ) -> Result<StartupReport, String> {
        // To 0.1 µs: the clock's step is a round number that float subtraction blurs.
        let clock_step_us = (browser::clock_step_ms() * 1e4).round() / 10.0;
        let mut modules = Vec::new();
        let steps = (LAB_MODULES.len() + 1) as f64;
        for (n, (file, name, args)) in LAB_MODULES.into_iter().enumerate() {
            let bytes = fetch_module(file).await?;
            // Cold: the first time this page compiles, instantiates and calls the module.
            let copy = fresh_copy(&bytes);
            let t0 = now_ms();
            let module = compile(&copy)?;
            let t1 = now_ms();
            let instance = instantiate(&module)?;
            let t2 = now_ms();
            call(&export(&instance, name)?, args)?;
            let t3 = now_ms();
            let cold = [(t1 - t0) * 1000.0, (t2 - t1) * 1000.0, (t3 - t2) * 1000.0];
            next_tick().await;
            let copies: Vec<Vec<u8>> = (0..BATCH * BATCHES).map(|_| fresh_copy(&bytes)).collect();
            let compile_times =
                batches(BATCH, |i| Ok(copies[i].clone()), |c| compile(c).map(drop)).await?;
            let instantiate_times =
                batches(BATCH, |_| compile(&bytes), |m| instantiate(m).map(drop)).await?;
            let call_times = batches(
                BATCH,
                |_| export(&instantiate(&compile(&bytes)?)?, name),
                |f| call(f, args).map(drop),
            )
            .await?;
            modules.push(Startup {
                file,
                cold,
                compile: compile_times,
                instantiate: instantiate_times,
                call: call_times,
            });
            progress((n + 1) as f64 / steps);
        }
        let bytes = fetch_module("memory.wasm").await?;
        let mut memory = Vec::new();
        for pages in MEMORY_PAGES {
            let sized = with_memory_pages(&bytes, pages).ok_or("memory.wasm declares no memory")?;
            let module = compile(&sized)?;
            memory.push((
                pages,
                batches(MEMORY_BATCH, |_| Ok(()), |_| instantiate(&module).map(drop)).await?,
            ));
        }
        progress(1.0);
        Ok(StartupReport {
            modules,
            memory,
            clock_step_us,
        })
    }

    /// Runs a kernel over the whole grid band by band, timing only the bands, yielding between.
    pub(super) async fn run_kernel(size: u32, kernel: &Function) -> Result<(f64, u32), String> {
        // About 4 000 points per band keeps each call to a few milliseconds, even on a slow or
        // busy machine: the page must never be blocked for more than 50 ms.
        let rows = (4_096 / size).max(1);
        let (mut elapsed, mut sum) = (0.0, 0u32);
        let mut y = 0;
        while y < size {
            let end = (y + rows).min(size);
            let start = now_ms();
            let band = call(kernel, &[f64::from(size), f64::from(y), f64::from(end)])?;
            elapsed += now_ms() - start;
            sum = sum.wrapping_add(band as i64 as u32);
            y = end;
            next_tick().await;
        }
        Ok((elapsed, sum))
    }

    pub(super) async fn speed_race(
        size: u32,
        mut progress: impl FnMut(f64),
    ) -> Result<SpeedReport, String> {
        let instance = instantiate(&compile(&fetch_module("kernel.wasm").await?)?)?;
        let wasm_kernel = export(&instance, "mandelbrot_rows")?;
        let js = browser::import_shipped_module("kernel.js").await?;
        let js_kernel: Function = property(&js, "mandelbrotRows")?;
        // Warm-up: both engines see the code run before it is timed.
        for kernel in [&wasm_kernel, &js_kernel] {
            for _ in 0..WARMUP_RUNS {
                run_kernel(WARMUP_SIZE, kernel).await?;
            }
        }
        let (mut wasm_times, mut js_times) = (Vec::new(), Vec::new());
        let (mut wasm_checksum, mut js_checksum) = (0, 0);
        for round in 0..SPEED_ROUNDS {
            let (t, sum) = run_kernel(size, &wasm_kernel).await?;
            wasm_times.push(t);
            wasm_checksum = sum;
            let (t, sum) = run_kernel(size, &js_kernel).await?;
            js_times.push(t);
            js_checksum = sum;
            progress((round + 1) as f64 / SPEED_ROUNDS as f64);
        }
        if wasm_checksum != js_checksum {
            return Err(format!(
                "checksums differ: Wasm {wasm_checksum}, JavaScript {js_checksum}"
            ));
        }
        Ok(SpeedReport {
            size,
            wasm: Spread::of(&wasm_times).ok_or("no runs")?,
            js: Spread::of(&js_times).ok_or("no runs")?,
            wasm_checksum,
            js_checksum,
        })
    }
}
