use crate::content::Lang;
use leptos::prelude::*;

#[component]
pub fn Mozilla(lang: Lang) -> impl IntoView {
    super::plain_article_section("mozilla", lang)
}
