//! The sandbox lab's side of the host: links a module with chosen capabilities, makes modules
//! trap, runs a WASI program through a host of a few lines, and hands a file to the inspector.

use crate::content::ui;

/// What the host does with one of the capabilities module's imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    /// The host links a function that does the work.
    Given,
    /// The host links a function that answers -1, and the module must cope.
    Refused,
    /// The host links nothing: instantiation fails.
    Withheld,
}

/// The capabilities module's imports, in the order it declares them (all from `host`).
pub const CAPABILITIES: [&str; 3] = ["clock", "read_secret", "log"];
/// What the host answers to `read_secret`: any number would do; this one is only the host's.
pub const SECRET: i32 = 1729;

/// One call the module made through an import, as the host saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct HostCall {
    pub import: &'static str,
    pub argument: Option<i32>,
    pub answer: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CapabilityOutcome {
    /// Instantiation failed; the browser's own message.
    NotLinked(String),
    /// `run` returned the capabilities it was refused (bits 1, 2, 4 in `CAPABILITIES` order).
    Ran { calls: Vec<HostCall>, refused: i32 },
}

/// One function of traps.wasm that goes wrong on purpose.
pub struct TrapCase {
    pub export: &'static str,
    pub args: &'static [f64],
    /// The kinds of error browsers throw for it (engines differ; see `exhaust_stack`).
    pub expected: &'static [&'static str],
    /// What it does, in words.
    pub label: &'static ui::Text,
}

impl TrapCase {
    /// The call as the page makes it, for instance `divide(1, 0)`.
    pub fn call_text(&self) -> String {
        // Whole numbers all; printed as integers, since float formatting would add its
        // code (about 18 KB) to the browser bundle.
        let args: Vec<String> = self.args.iter().map(|a| (*a as i64).to_string()).collect();
        format!("{}({})", self.export, args.join(", "))
    }
}

pub const TRAPS: [TrapCase; 4] = [
    TrapCase {
        export: "read_past_end",
        args: &[],
        expected: &["RuntimeError"],
        label: &ui::TRAP_READ_PAST_END,
    },
    TrapCase {
        export: "divide",
        args: &[1.0, 0.0],
        expected: &["RuntimeError"],
        label: &ui::TRAP_DIVIDE,
    },
    TrapCase {
        export: "reach_unreachable",
        args: &[],
        expected: &["RuntimeError"],
        label: &ui::TRAP_REACH_UNREACHABLE,
    },
    // An exhausted call stack is reported as each engine reports JavaScript recursing too
    // deep: a RangeError in V8 (Chrome, Edge) and JavaScriptCore (Safari), an InternalError in
    // SpiderMonkey (Firefox). MDN's "too much recursion" page lists the three.
    TrapCase {
        export: "exhaust_stack",
        args: &[1e9],
        expected: &["RangeError", "InternalError"],
        label: &ui::TRAP_EXHAUST_STACK,
    },
];

#[derive(Clone, Debug, PartialEq)]
pub struct TrapReport {
    pub export: &'static str,
    /// The thrown error's constructor name and message, as the browser words them.
    pub kind: String,
    pub message: String,
    /// A fresh instance of traps.wasm, after the trap: `still_here()`.
    pub fresh_instance: i32,
    /// Another module of the page, after the trap: hello.wasm's `add(2, 40)`.
    pub neighbour: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WasiReport {
    /// What the module wrote to standard output, decoded as UTF-8.
    pub stdout: String,
    /// Calls to `fd_write`, and the buffers they handed over.
    pub writes: u32,
    pub buffers: u32,
    pub imports: Vec<String>,
}

/// Where the inspector's bytes come from.
pub enum InspectSource {
    /// One of our modules, by file name.
    Ours(&'static str),
    /// A file the reader picked or dropped.
    Picked(crate::browser::PickedFile),
}

/// Links capabilities.wasm with the imports granted, and runs it.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn run_capabilities(grants: [Grant; 3]) -> Result<CapabilityOutcome, String> {
    super::in_the_browser!(browser_impl::run_capabilities(grants))
}

/// Makes traps.wasm trap as `case` says, then checks that a fresh instance and another module
/// still answer.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn run_trap(case: &TrapCase) -> Result<TrapReport, String> {
    super::in_the_browser!(browser_impl::run_trap(case))
}

/// Runs wasi.wasm with the page's WASI host (`super::fd_write`).
pub async fn run_wasi() -> Result<WasiReport, String> {
    super::in_the_browser!(browser_impl::run_wasi())
}

/// Hands the bytes to the inspector in a worker of its own (inspector-worker.js runs
/// inspector.wasm there), so no file, however large, blocks the page; the worker is ended
/// once it answers. Answers the inspector's lines (`inspection::parse` reads them).
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub async fn inspect(source: &InspectSource) -> Result<String, String> {
    super::in_the_browser!(browser_impl::inspect(source))
}

#[cfg(feature = "hydrate")]
mod browser_impl {
    use super::*;
    use crate::browser::{js_error_text, module_url, now_ms};
    use crate::wasm_host::browser_impl::{
        apply, call, compile, export, fetch_module, instantiate_with, NotInstantiated,
    };
    use crate::wasm_host::{fd_write, Written};
    use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// A fresh instance of one of our modules, linked with `imports`.
    async fn instantiate(
        file: &str,
        imports: &Object,
    ) -> Result<WebAssembly::Instance, NotInstantiated> {
        let fetched = fetch_module(file).await.map_err(NotInstantiated::Other)?;
        instantiate_with(&compile(&fetched).map_err(NotInstantiated::Other)?, imports)
    }

    /// A call that must not trap, and its i32 answer.
    fn call_i32(f: &Function, args: &[f64]) -> Result<i32, String> {
        Ok(call(f, args)? as i32)
    }

    fn set(object: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    }

    pub(super) async fn run_capabilities(grants: [Grant; 3]) -> Result<CapabilityOutcome, String> {
        let calls = Rc::new(RefCell::new(Vec::new()));
        let host = Object::new();
        for (import, grant) in CAPABILITIES.into_iter().zip(grants) {
            if grant == Grant::Withheld {
                continue;
            }
            let given = grant == Grant::Given;
            let log = calls.clone();
            let record = move |argument, answer| {
                log.borrow_mut().push(HostCall {
                    import,
                    argument,
                    answer,
                });
                answer
            };
            let function: JsValue = if import == "log" {
                Closure::<dyn Fn(i32) -> i32>::new(move |v| {
                    record(Some(v), if given { 0 } else { -1 })
                })
                .into_js_value()
            } else {
                Closure::<dyn Fn() -> i32>::new(move || {
                    let answer = match (given, import) {
                        (false, _) => -1,
                        (true, "clock") => now_ms() as i32,
                        (true, _) => SECRET,
                    };
                    record(None, answer)
                })
                .into_js_value()
            };
            set(&host, import, &function);
        }
        let imports = Object::new();
        set(&imports, "host", &host);
        let instance = match instantiate("capabilities.wasm", &imports).await {
            Ok(instance) => instance,
            Err(NotInstantiated::Link(message)) => {
                return Ok(CapabilityOutcome::NotLinked(message))
            }
            Err(NotInstantiated::Other(message)) => return Err(message),
        };
        let refused = call_i32(&export(&instance, "run")?, &[])?;
        let calls = calls.borrow().clone();
        Ok(CapabilityOutcome::Ran { calls, refused })
    }

    pub(super) async fn run_trap(case: &TrapCase) -> Result<TrapReport, String> {
        let none = Object::new();
        let instance = instantiate("traps.wasm", &none).await?;
        let error = match apply(&export(&instance, case.export)?, case.args) {
            Ok(value) => {
                return Err(format!(
                    "{} returned {value:?} instead of trapping",
                    case.export
                ))
            }
            Err(error) => error,
        };
        let error: js_sys::Error = error.dyn_into().map_err(|e| js_error_text(&e))?;
        let fresh = instantiate("traps.wasm", &none).await?;
        let hello = instantiate("hello.wasm", &none).await?;
        Ok(TrapReport {
            export: case.export,
            kind: error.name().into(),
            message: error.message().into(),
            fresh_instance: call_i32(&export(&fresh, "still_here")?, &[])?,
            neighbour: call_i32(&export(&hello, "add")?, &[2.0, 40.0])?,
        })
    }

    pub(super) async fn run_wasi() -> Result<WasiReport, String> {
        let memory: Rc<RefCell<Option<WebAssembly::Memory>>> = Rc::default();
        let written: Rc<RefCell<Written>> = Rc::default();
        let (memory_seen, out) = (memory.clone(), written.clone());
        // The module's memory is copied out, written by `fd_write`, and copied back.
        let fd_write = Closure::<dyn Fn(u32, u32, u32, u32) -> u32>::new(
            move |fd: u32, iovs: u32, iovs_len: u32, nwritten: u32| {
                let Some(memory) = memory_seen.borrow().clone() else {
                    return crate::wasm_host::wasi::FAULT;
                };
                let view = Uint8Array::new(&memory.buffer());
                let mut bytes = view.to_vec();
                let errno = fd_write(
                    &mut bytes,
                    &mut out.borrow_mut(),
                    [fd, iovs, iovs_len, nwritten],
                );
                view.copy_from(&bytes);
                errno
            },
        )
        .into_js_value();
        let wasi = Object::new();
        set(&wasi, "fd_write", &fd_write);
        let imports = Object::new();
        set(&imports, "wasi_snapshot_preview1", &wasi);
        let module = compile(&fetch_module("wasi.wasm").await?)?;
        let instance = instantiate_with(&module, &imports)?;
        *memory.borrow_mut() = Some(export(&instance, "memory")?);
        call(&export(&instance, "_start")?, &[])?;
        // What the module asks for, as the browser reads it from the file.
        let imports = WebAssembly::Module::imports(&module)
            .iter()
            .map(|import| {
                let field = |name: &str| {
                    Reflect::get(&import, &JsValue::from_str(name))
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default()
                };
                format!("{}.{}", field("module"), field("name"))
            })
            .collect();
        let written = written.borrow();
        Ok(WasiReport {
            stdout: String::from_utf8_lossy(&written.bytes).into_owned(),
            writes: written.calls,
            buffers: written.buffers,
            imports,
        })
    }

    pub(super) async fn inspect(source: &InspectSource) -> Result<String, String> {
        let bytes = match source {
            // A copy of the page's bytes: the worker takes the buffer it is sent.
            InspectSource::Ours(file) => Uint8Array::from(&fetch_module(file).await?[..]).buffer(),
            InspectSource::Picked(file) if file.size > inspection::MAX_BYTES as f64 => {
                return Ok(inspection::Problem::TooLarge.to_line())
            }
            InspectSource::Picked(file) => crate::browser::read_file(file).await?,
        };
        let worker = web_sys::Worker::new(&module_url("inspector-worker.js"))
            .map_err(|e| js_error_text(&e))?;
        // The worker's first message, or its error event, settles the promise.
        let answer = js_sys::Promise::new(&mut |resolve, reject| {
            worker.set_onmessage(Some(&resolve));
            worker.set_onerror(Some(&reject));
        });
        let sent = worker.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes));
        let answer = match sent {
            Ok(()) => JsFuture::from(answer).await,
            Err(error) => Err(error),
        };
        worker.terminate();
        let field = |value: &JsValue, name: &str| {
            Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        let data = answer.map_err(|e| field(&e, "message").unwrap_or_else(|| js_error_text(&e)))?;
        let data = Reflect::get(&data, &JsValue::from_str("data")).unwrap_or_default();
        match field(&data, "lines") {
            Some(lines) => Ok(lines),
            None => Err(field(&data, "error").unwrap_or_else(|| "no answer".to_owned())),
        }
    }
}
