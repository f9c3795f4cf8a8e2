//! What the native test files share: the shipped modules, read from the built site.

use std::path::PathBuf;

/// The bytes of `dist/modules/<name>.wasm`: the bytes we serve are the bytes we test.
pub fn shipped(name: &str) -> Vec<u8> {
    let dist = std::env::var_os("ESSAY_DIST").map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let path = dist.join("modules").join(format!("{name}.wasm"));
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask build` first)", path.display()))
}
