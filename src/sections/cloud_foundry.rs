use crate::content::Lang;
use leptos::prelude::*;

#[component]
pub fn CloudFoundry(lang: Lang) -> impl IntoView {
    super::plain_article_section("cloud-foundry", lang)
}
