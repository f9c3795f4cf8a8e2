//! The browser entry point: hydrate the prerendered page in the language it was written in.

#[cfg(feature = "hydrate")]
fn main() {
    use essay::{browser::document_lang, App};
    let lang = document_lang();
    leptos::mount::hydrate_body(move || leptos::view! { <App lang /> });
}

#[cfg(not(feature = "hydrate"))]
fn main() {
    eprintln!("This binary is the browser build (trunk build); the prerender is `prerender`.");
}
