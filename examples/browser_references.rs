//! Writes what the browser tests compare the page against, computed natively:
//! `target/kernel-reference.json` (the Mandelbrot kernel's checksums, by grid size) and
//! `target/wasi-output.txt` (what `wasi.wasm` prints under a real WASI runtime).
//!
//! `cargo xtask test` runs this as a step of its own before the browser tests, whatever the
//! native tests did, so a failing native test never turns into missing files elsewhere.
//! The native tests check the same things against the shipped modules.

#[path = "../snippets/kernel/src/mandelbrot.rs"]
mod mandelbrot;

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let target = std::path::Path::new("target");
    std::fs::create_dir_all(target).unwrap();

    let checksums: Vec<String> = common::KERNEL_SIZES
        .iter()
        .map(|&size| format!("\"{size}\": {}", mandelbrot::mandelbrot_rows(size, 0, size)))
        .collect();
    let kernel = target.join("kernel-reference.json");
    std::fs::write(&kernel, format!("{{{}}}\n", checksums.join(", "))).unwrap();

    let wasi = target.join("wasi-output.txt");
    std::fs::write(&wasi, common::run_wasi(&common::shipped("wasi"))).unwrap();

    println!("wrote {} and {}", kernel.display(), wasi.display());
}
