//! Compiles `content/*.toml` into Rust data (`$OUT_DIR/content.rs`, included by `src/content.rs`),
//! so the browser bundle carries typed data and no TOML parser. Broken content stops the build.

#[path = "build/content_source.rs"]
mod content_source;

fn main() {
    let dir = std::path::Path::new("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build/content_source.rs");
    let content = content_source::load(dir).unwrap_or_else(|e| panic!("content: {e}"));
    let problems = content_source::check(&content);
    if !problems.is_empty() {
        panic!(
            "content has {} problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        );
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("content.rs");
    std::fs::write(out, content_source::to_rust(&content)).unwrap();
}
