//! The browser entry point. The page is prerendered HTML; this starts Leptos in islands mode,
//! and `islands.js` then brings each `<leptos-island>` to life with its exported function.

#[cfg(feature = "hydrate")]
fn main() {
    // Link the islands' exported functions into this binary.
    use essay as _;
    leptos::mount::hydrate_islands();
}

#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("This binary is the browser build (trunk build); the prerender is `prerender`.");
}
