//! What the native test files (and `examples/browser_references.rs`) share: the shipped
//! modules, read from the built site, and a real WASI runtime to run one.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

/// The grid sizes the kernel is checked at, natively and (through the reference file) in the page.
#[allow(dead_code)] // used by the kernel's test and the references only
pub const KERNEL_SIZES: [u32; 6] = [16, 32, 64, 100, 128, 256];

/// The bytes of `dist/modules/<name>.wasm`: the bytes we serve are the bytes we test.
pub fn shipped(name: &str) -> Vec<u8> {
    let dist = std::env::var_os("ESSAY_DIST").map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let path = dist.join("modules").join(format!("{name}.wasm"));
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask build` first)", path.display()))
}

/// Runs a WASI command module's `_start` under `wasmi_wasi` and returns what it printed.
#[allow(dead_code)] // not every test file runs WASI
pub fn run_wasi(bytes: &[u8]) -> String {
    use wasmi::{Engine, Linker, Module, Store};
    let engine = Engine::default();
    let module = Module::new(&engine, bytes).unwrap();
    let stdout = Arc::new(RwLock::new(Vec::<u8>::new()));
    let wasi = wasmi_wasi::WasiCtxBuilder::new()
        .stdout(Box::new(
            wasmi_wasi::wasi_common::pipe::WritePipe::from_shared(stdout.clone()),
        ))
        .build();
    let mut store = Store::new(&engine, wasi);
    let mut linker = Linker::new(&engine);
    wasmi_wasi::add_to_linker(&mut linker, |ctx| ctx).unwrap();
    let instance = linker.instantiate_and_start(&mut store, &module).unwrap();
    instance
        .get_typed_func::<(), ()>(&store, "_start")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
    let printed = stdout.read().unwrap().clone();
    String::from_utf8(printed).unwrap()
}
