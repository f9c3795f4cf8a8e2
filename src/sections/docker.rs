use crate::content::Lang;
use leptos::prelude::*;

#[component]
pub fn Docker(lang: Lang) -> impl IntoView {
    super::plain_article_section("docker", lang)
}
