//! The snippets as shipped: the very .wasm files in dist/modules/, instantiated natively with
//! wasmi and checked export by export. Needs a built site (`cargo xtask build`).

#[path = "../snippets/kernel/src/mandelbrot.rs"]
mod mandelbrot;

mod common;

use common::shipped;
use wasmi::{Engine, Instance, Linker, Module, Store};

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

/// A shipped module instantiated with no imports: the lab's modules need nothing from their host.
fn instantiate(name: &str) -> (Store<()>, Instance, Module) {
    let engine = Engine::default();
    let module = Module::new(&engine, &shipped(name)[..]).unwrap();
    assert_eq!(module.imports().count(), 0, "{name} imports nothing");
    let mut store = Store::new(&engine, ());
    let instance = Linker::<()>::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .unwrap();
    (store, instance, module)
}

#[test]
fn tiny_is_tiny_and_answers() {
    assert!(
        shipped("tiny").len() <= 100,
        "tiny.wasm is {} bytes",
        shipped("tiny").len()
    );
    let (mut store, instance, module) = instantiate("tiny");
    let exports: Vec<&str> = module.exports().map(|e| e.name()).collect();
    assert_eq!(exports, ["answer"], "one export, and no memory");
    let answer = instance
        .get_typed_func::<(), i32>(&store, "answer")
        .unwrap();
    assert_eq!(answer.call(&mut store, ()).unwrap(), 42);
}

/// The kernel's checksum from the shipped .wasm equals the same Rust run natively, over several
/// sizes and split into bands as the page runs it.
#[test]
fn the_kernel_matches_its_native_reference() {
    let (mut store, instance, _) = instantiate("kernel");
    let rows = instance
        .get_typed_func::<(i32, i32, i32), i32>(&store, "mandelbrot_rows")
        .unwrap();
    for size in common::KERNEL_SIZES {
        let native = mandelbrot::mandelbrot_rows(size, 0, size);
        let whole = rows
            .call(&mut store, (size as i32, 0, size as i32))
            .unwrap() as u32;
        assert_eq!(whole, native, "size {size}");
        let band = (size / 3).max(1);
        let mut banded = 0u32;
        let mut y = 0;
        while y < size {
            let end = (y + band).min(size);
            banded = banded.wrapping_add(
                rows.call(&mut store, (size as i32, y as i32, end as i32))
                    .unwrap() as u32,
            );
            y = end;
        }
        assert_eq!(banded, native, "size {size}, in bands");
    }
    assert!(
        mandelbrot::mandelbrot_rows(64, 0, 64) > 64 * 64,
        "points outside the set escape, points inside take every iteration"
    );
}

#[test]
fn memory_hashes_what_the_host_writes() {
    let (mut store, instance, _) = instantiate("memory");
    let memory = instance.get_memory(&store, "memory").unwrap();
    let buffer = instance
        .get_typed_func::<(), i32>(&store, "buffer")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
    let capacity = instance
        .get_typed_func::<(), i32>(&store, "capacity")
        .unwrap()
        .call(&mut store, ())
        .unwrap();
    assert_eq!(capacity, 65536);
    let fnv1a = instance
        .get_typed_func::<i32, i32>(&store, "fnv1a")
        .unwrap();
    // FNV-1a's published test vectors: "" and "a".
    assert_eq!(fnv1a.call(&mut store, 0).unwrap() as u32, 0x811c_9dc5);
    memory.write(&mut store, buffer as usize, b"a").unwrap();
    assert_eq!(fnv1a.call(&mut store, 1).unwrap() as u32, 0xe40c_292c);
    // A length past the buffer is cut to its capacity, never read beyond it.
    assert_eq!(
        fnv1a.call(&mut store, i32::MAX).unwrap(),
        fnv1a.call(&mut store, capacity).unwrap()
    );
}
