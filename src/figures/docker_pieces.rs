use crate::content::{ui, Lang, ESSAY};
use crate::fact_check::TimelineFigure;
use leptos::prelude::*;

/// What Docker put together in 2013, and the contest that followed: two timelines of pieces,
/// each one a button that opens what it does, when it arrived and where that is written, with
/// the article's dates beside the record's where it gives them.
#[component]
pub fn DockerPieces(lang: Lang) -> impl IntoView {
    let timelines = ESSAY
        .timelines_in("docker-pieces")
        .map(|timeline| view! { <TimelineFigure timeline lang /> })
        .collect_view();
    view! {
        <figure class="widget docker-pieces" data-widget="docker-pieces" data-state="done"
            aria-labelledby="docker-pieces-title">
            <figcaption id="docker-pieces-title" class="widget-title">
                {ui::PIECES_TITLE.get(lang)}
            </figcaption>
            <p class="widget-method">{ui::PIECES_HOW.get(lang)}</p>
            {timelines}
        </figure>
    }
}
