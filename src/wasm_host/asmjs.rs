//! The step from asm.js to WebAssembly, measured: the lab's kernel as a hand-written asm.js
//! module (`snippets/kernel/kernel-asm.js`) against the same kernel compiled from Rust
//! (`kernel.wasm`), each loaded cold several times, linked, called once, then run warm.

use crate::stats::Spread;

/// The asm.js twin, shipped beside the Wasm it is measured against.
pub const ASMJS_FILE: &str = "kernel-asm.js";
pub const WASM_FILE: &str = "kernel.wasm";
/// Cold loads of each file, each under a URL of its own.
pub const COLD_LOADS: usize = 10;
/// The first call's grid: small, because in an engine that runs asm.js as ordinary
/// JavaScript the first call starts in the interpreter, and must stay a short task.
pub const FIRST_CALL_SIZE: u32 = 32;
/// The warm runs' grid, as the speed race's default.
pub const STEADY_SIZE: u32 = 256;

/// What the page measured of one of the two files. Times in milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct KernelFormat {
    /// The file as shipped, and gzipped by the browser (None where it cannot gzip).
    pub bytes: u32,
    pub gzipped: Option<u32>,
    /// The request alone: fetching the file under a fresh URL.
    pub request: Spread,
    /// From the request to a module in hand: `import()` for asm.js (request, parse and, in an
    /// engine that compiles asm.js ahead of time, validation and compilation); `fetch` and
    /// `WebAssembly.Module` for Wasm (request, decoding and validation, and compilation where
    /// the engine compiles ahead of the first call).
    pub load: Spread,
    /// From the module to a callable function: calling `KernelAsm()` (where V8 validates and
    /// compiles asm.js), or `WebAssembly.Instance`.
    pub link: Spread,
    /// The fresh function's first call, on a `FIRST_CALL_SIZE` grid.
    pub first_call: Spread,
    /// Warm full runs on a `STEADY_SIZE` grid.
    pub steady: Spread,
    /// The kernel's checksum of the first call's grid and of the steady grid.
    pub checksums: [u32; 2],
}

#[derive(Clone, Debug, PartialEq)]
pub struct AsmjsReport {
    pub asmjs: KernelFormat,
    pub wasm: KernelFormat,
    /// The step of `performance.now()` seen here, in milliseconds.
    pub clock_step_ms: f64,
}

impl AsmjsReport {
    pub fn checksums_agree(&self) -> bool {
        self.asmjs.checksums == self.wasm.checksums
    }

    /// How many times faster the Wasm ran warm than the asm.js (below 1: slower).
    pub fn ratio(&self) -> f64 {
        self.asmjs.steady.median / self.wasm.steady.median
    }
}

/// Loads, links, calls and runs both forms of the kernel, reporting progress from 0 to 1.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn asmjs_vs_wasm(progress: impl FnMut(f64)) -> Result<AsmjsReport, String> {
    super::in_the_browser!(browser_impl::asmjs_vs_wasm(progress))
}

#[cfg(feature = "hydrate")]
mod browser_impl {
    use super::*;
    use crate::browser::{
        self, fetch_bytes, fetch_once, fresh_token, import_shipped_module, module_url, next_tick,
        now_ms,
    };
    use crate::wasm_host::browser_impl::{
        call, compile, export, fresh_copy, instantiate, property, run_kernel,
    };
    use crate::wasm_host::{SPEED_ROUNDS, WARMUP_RUNS, WARMUP_SIZE};
    use js_sys::{Function, Uint8Array};
    use wasm_bindgen::JsValue;

    /// Times of one cold load, in milliseconds, and the first call's checksum.
    struct Cold {
        request: f64,
        load: f64,
        link: f64,
        first_call: f64,
        checksum: u32,
    }

    /// The first call of a fresh kernel: its time and its checksum.
    fn first_call(kernel: &Function) -> Result<(f64, u32), String> {
        let size = f64::from(FIRST_CALL_SIZE);
        let start = now_ms();
        let sum = call(kernel, &[size, 0.0, size])?;
        Ok((now_ms() - start, sum as i64 as u32))
    }

    /// A URL no cache has seen: each cold load must fetch, parse and compile anew (a module
    /// script is imported once per URL, and the HTTP cache would answer a repeated one).
    fn cold_url(file: &str, token: &str, n: usize, what: &str) -> String {
        format!("{file}?{what}={token}-{n}")
    }

    /// A cold load of the asm.js, and the function it made ready.
    async fn cold_asmjs(token: &str, n: usize) -> Result<(Cold, Function), String> {
        // The request alone, under a URL of its own, so the import below is not served by it.
        let t0 = now_ms();
        fetch_bytes(&module_url(&cold_url(ASMJS_FILE, token, n, "request"))).await?;
        let request = now_ms() - t0;
        next_tick().await;
        let t1 = now_ms();
        let namespace = import_shipped_module(&cold_url(ASMJS_FILE, token, n, "cold")).await?;
        let t2 = now_ms();
        let link: Function = property(&namespace, "KernelAsm")?;
        let t3 = now_ms();
        let exports = link
            .call0(&JsValue::NULL)
            .map_err(|e| browser::js_error_text(&e))?;
        let t4 = now_ms();
        let kernel = property(&exports, "mandelbrotRows")?;
        let (first_call, checksum) = first_call(&kernel)?;
        let cold = Cold {
            request,
            load: t2 - t1,
            link: t4 - t3,
            first_call,
            checksum,
        };
        Ok((cold, kernel))
    }

    /// A cold load of the Wasm, and the function it made ready. What is compiled is a copy of
    /// the file's bytes with a counter in a custom section (made outside the timed spans), as
    /// engines reuse what they compiled from the same bytes.
    async fn cold_wasm(token: &str, n: usize) -> Result<(Cold, Function), String> {
        let t0 = now_ms();
        let buffer = fetch_bytes(&module_url(&cold_url(WASM_FILE, token, n, "cold"))).await?;
        let t1 = now_ms();
        let copy = fresh_copy(&Uint8Array::new(&buffer).to_vec());
        let t2 = now_ms();
        let module = compile(&copy)?;
        let t3 = now_ms();
        let instance = instantiate(&module)?;
        let t4 = now_ms();
        let kernel = export(&instance, "mandelbrot_rows")?;
        let (first_call, checksum) = first_call(&kernel)?;
        let cold = Cold {
            request: t1 - t0,
            load: (t1 - t0) + (t3 - t2),
            link: t4 - t3,
            first_call,
            checksum,
        };
        Ok((cold, kernel))
    }

    /// The file's size as shipped and gzipped (its bytes as the page already has them).
    async fn sizes(file: &str) -> Result<(u32, Option<u32>), String> {
        let buffer = fetch_once(&module_url(file)).await?;
        Ok((buffer.byte_length(), browser::gzipped_size(&buffer).await))
    }

    fn spread(samples: &[f64]) -> Result<Spread, String> {
        Spread::of(samples).ok_or_else(|| "no samples".to_owned())
    }

    /// One file's cold loads and warm runs, summed up.
    fn summary(
        file: &'static str,
        (bytes, gzipped): (u32, Option<u32>),
        colds: &[Cold],
        steady: &[f64],
        steady_checksum: u32,
    ) -> Result<KernelFormat, String> {
        let times = |pick: fn(&Cold) -> f64| spread(&colds.iter().map(pick).collect::<Vec<_>>());
        let first_checksum = colds.first().map_or(0, |c| c.checksum);
        if let Some(odd) = colds.iter().find(|c| c.checksum != first_checksum) {
            return Err(format!(
                "{file}: cold loads disagree ({first_checksum}, {})",
                odd.checksum
            ));
        }
        Ok(KernelFormat {
            bytes,
            gzipped,
            request: times(|c| c.request)?,
            load: times(|c| c.load)?,
            link: times(|c| c.link)?,
            first_call: times(|c| c.first_call)?,
            steady: spread(steady)?,
            checksums: [first_checksum, steady_checksum],
        })
    }

    pub(super) async fn asmjs_vs_wasm(
        mut progress: impl FnMut(f64),
    ) -> Result<AsmjsReport, String> {
        // To 0.1 µs: the clock's step is a round number that float subtraction blurs.
        let clock_step_ms = (browser::clock_step_ms() * 1e4).round() / 1e4;
        let token = fresh_token();
        let asmjs_size = sizes(ASMJS_FILE).await?;
        let wasm_size = sizes(WASM_FILE).await?;
        let steps = (COLD_LOADS + SPEED_ROUNDS) as f64;
        // Cold loads, the two files in turn, so that whatever else the device is doing weighs
        // on both alike. The last load's function of each goes on to the warm runs.
        let (mut asmjs_colds, mut wasm_colds) = (Vec::new(), Vec::new());
        let mut kernels = [Function::from(JsValue::NULL), Function::from(JsValue::NULL)];
        for n in 0..COLD_LOADS {
            let (cold, kernel) = cold_asmjs(&token, n).await?;
            asmjs_colds.push(cold);
            kernels[0] = kernel;
            next_tick().await;
            let (cold, kernel) = cold_wasm(&token, n).await?;
            wasm_colds.push(cold);
            kernels[1] = kernel;
            next_tick().await;
            progress((n + 1) as f64 / steps);
        }
        // Warm: each warmed up, then both run in turns.
        for kernel in &kernels {
            for _ in 0..WARMUP_RUNS {
                run_kernel(WARMUP_SIZE, kernel).await?;
            }
        }
        let mut steady = [Vec::new(), Vec::new()];
        let mut steady_checksums = [0, 0];
        for round in 0..SPEED_ROUNDS {
            for (i, kernel) in kernels.iter().enumerate() {
                let (time, checksum) = run_kernel(STEADY_SIZE, kernel).await?;
                steady[i].push(time);
                steady_checksums[i] = checksum;
            }
            progress((COLD_LOADS + round + 1) as f64 / steps);
        }
        let [asmjs_steady, wasm_steady] = steady;
        Ok(AsmjsReport {
            asmjs: summary(
                ASMJS_FILE,
                asmjs_size,
                &asmjs_colds,
                &asmjs_steady,
                steady_checksums[0],
            )?,
            wasm: summary(
                WASM_FILE,
                wasm_size,
                &wasm_colds,
                &wasm_steady,
                steady_checksums[1],
            )?,
            clock_step_ms,
        })
    }
}
