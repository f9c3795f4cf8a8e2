//! The snippets as shipped: the very .wasm files in dist/modules/, instantiated natively with
//! wasmi and checked export by export. Needs a built site (`cargo xtask build`).

use std::path::PathBuf;
use wasmi::{Engine, Linker, Module, Store};

fn shipped(name: &str) -> Vec<u8> {
    let dist = std::env::var_os("ESSAY_DIST").map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let path = dist.join("modules").join(format!("{name}.wasm"));
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask build` first)", path.display()))
}

#[test]
fn hello_adds_and_asks_for_nothing() {
    let bytes = shipped("hello");
    assert_eq!(&bytes[..8], b"\0asm\x01\0\0\0", "magic and version");
    let engine = Engine::default();
    let module = Module::new(&engine, &bytes[..]).unwrap();
    assert_eq!(
        module.imports().count(),
        0,
        "hello.wasm needs no capability from its host"
    );
    let exports: Vec<String> = module.exports().map(|e| e.name().to_owned()).collect();
    assert!(exports.contains(&"add".to_owned()), "{exports:?}");

    let mut store = Store::new(&engine, ());
    let instance = Linker::<()>::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .unwrap();
    let add = instance
        .get_typed_func::<(i32, i32), i32>(&store, "add")
        .unwrap();
    assert_eq!(add.call(&mut store, (2, 40)).unwrap(), 42);
    assert_eq!(add.call(&mut store, (-7, 7)).unwrap(), 0);
    assert_eq!(
        add.call(&mut store, (i32::MAX, 1)).unwrap(),
        i32::MIN,
        "wraps like the Rust source"
    );
}
