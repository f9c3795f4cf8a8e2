use crate::content::Lang;
use leptos::prelude::*;

#[component]
pub fn Epilogue(lang: Lang) -> impl IntoView {
    super::plain_article_section("epilogue", lang)
}
