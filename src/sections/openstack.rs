use crate::content::Lang;
use leptos::prelude::*;

#[component]
pub fn Openstack(lang: Lang) -> impl IntoView {
    super::plain_article_section("openstack", lang)
}
