//! The bar at the top of the page: the short title (back to the top), the contents as a menu,
//! the theme switch, the link to the other language, and how far the reader has read. All
//! prerendered; `reading.js` (no Wasm) makes the menu, the switch and the progress live.

use crate::content::{ui, Lang};
use leptos::prelude::*;

/// `children`: the sections' links, as the contents at the top of the essay has them.
#[component]
pub fn Masthead(lang: Lang, children: Children) -> impl IntoView {
    let text = |t: ui::Text| t.get(lang);
    let themes = [
        ("auto", ui::THEME_AUTO),
        ("light", ui::THEME_LIGHT),
        ("dark", ui::THEME_DARK),
    ]
    .map(|(value, label)| view! { <option value=value>{text(label)}</option> });
    view! {
        // `#top`, which the title and the menu link to, is the top of the page.
        <header class="masthead" id="top">
            <div class="masthead-bar">
                <a class="masthead-title" href="#top" title=text(ui::BACK_TO_TOP)>
                    {text(ui::SHORT_TITLE)}
                </a>
                <details class="contents-menu">
                    <summary>{text(ui::CONTENTS)}</summary>
                    <nav aria-label=text(ui::CONTENTS_MENU)>
                        {children()}
                        <ul>
                            <li><a href="#claims-index">{text(ui::CLAIMS_INDEX)}</a></li>
                            <li><a href="#top">{text(ui::BACK_TO_TOP)}</a></li>
                        </ul>
                    </nav>
                </details>
                // Hidden until reading.js can carry out the choice.
                <label class="theme-switch" hidden>
                    <span class="visually-hidden">{text(ui::THEME)}</span>
                    <select>{themes}</select>
                </label>
                <LanguageLink lang />
            </div>
            <div class="reading-progress" aria-hidden="true"></div>
        </header>
    }
}

/// The link to the same essay in the other language. It opens the other page at the top;
/// reading.js adds the section in view (`#section`), so the reader keeps their place.
#[component]
pub fn LanguageLink(lang: Lang) -> impl IntoView {
    let other = lang.other();
    view! {
        <a
            class="language-link"
            href=format!("{}{}", lang.root(), other.path())
            hreflang=other.tag()
            lang=other.tag()
            aria-label=ui::OTHER_LANGUAGE_LABEL.get(lang)
        >
            {ui::OTHER_LANGUAGE.get(lang)}
        </a>
    }
}
