use super::close_button;
use crate::content::{ui, Date, Event, Lang, Timeline};
use crate::text::citations;
use leptos::prelude::*;

/// One row per event on a shared time axis: a hollow mark where the article puts it, a filled
/// mark where the record does, joined by a line whose length is the error. Positions are
/// computed here from the dates; CSS only scales the axis to the column's width. The row's
/// button names both dates (the text a screen reader gets; the drawing is hidden from it) and
/// opens the event's note; hovering or focusing a row shows the same note beside it.
#[component]
pub fn TimelineFigure(timeline: &'static Timeline, lang: Lang) -> impl IntoView {
    let text = move |t: ui::Text| t.get(lang);
    let span = f64::from(timeline.to + 1 - timeline.from);
    let at = move |date: Date| 100.0 * (date.position() - f64::from(timeline.from)) / span;
    // The axis runs to the end of `to`; a label for each year, every other one, or every fifth
    // on a long axis, starts there, on round years.
    let step = match span {
        s if s > 20.0 => 5,
        s if s > 8.0 => 2,
        _ => 1,
    };
    let ticks = (timeline.from..=timeline.to)
        .filter(|year| year % step == 0)
        .enumerate()
        .map(|(i, year)| {
            let left = 100.0 * f64::from(year - timeline.from) / span;
            view! {
                <span class="timeline-tick" class:minor=i % 2 == 1 style=format!("left: {left:.2}%")>
                    {year}
                </span>
            }
        })
        .collect_view();
    let rows = timeline
        .events
        .iter()
        .map(|event| event_row(event, lang, at))
        .collect_view();
    let caption_id = format!("{}-caption", timeline.id);
    view! {
        <figure class="timeline" id=timeline.id aria-labelledby=caption_id.clone()>
            <figcaption id=caption_id.clone() class="timeline-title">{timeline.title.get(lang)}</figcaption>
            <p class="timeline-legend" aria-hidden="true">
                <span class="legend-mark article"></span>{text(ui::THE_ARTICLE_SAYS)}
                <span class="legend-mark record"></span>{text(ui::THE_RECORD_SHOWS)}
            </p>
            <div class="timeline-axis" aria-hidden="true">{ticks}</div>
            <ol class="timeline-events">{rows}</ol>
            <p class="timeline-hint">{text(ui::TIMELINE_HINT)}</p>
        </figure>
    }
}

fn event_row(event: &'static Event, lang: Lang, at: impl Fn(Date) -> f64) -> impl IntoView {
    let note_id = format!("event-{}", event.id);
    let record = at(event.record);
    let article = event.article.map(&at);
    let article_date = event
        .article
        .map_or_else(|| ui::NO_DATE.get(lang).to_owned(), |d| d.format(lang));
    let dates = ui::TimelineDates {
        article: &article_date,
        record: &event.record.format(lang),
    }
    .get(lang);
    let gap = article.map(|a| {
        let (left, width) = (a.min(record), (a - record).abs());
        view! { <span class="timeline-gap" style=format!("left: {left:.2}%; width: {width:.2}%")></span> }
    });
    let article_mark = article.map(|a| {
        view! { <span class="timeline-mark article" style=format!("left: {a:.2}%")></span> }
    });
    view! {
        <li class="timeline-event" data-event=event.id data-off=article.is_some_and(|a| (a - record).abs() > 4.0)>
            <button type="button" class="timeline-label" popovertarget=note_id.clone()>
                {event.label.get(lang)}
                <span class="visually-hidden">" ("{dates.clone()}")"</span>
            </button>
            <span class="timeline-track" aria-hidden="true">
                {gap}
                {article_mark}
                <span class="timeline-mark record" style=format!("left: {record:.2}%")></span>
            </span>
            <span popover="auto" id=note_id.clone() class="timeline-note">
                <span class="note-line"><strong>{event.label.get(lang)}</strong></span>
                <span class="note-line note-dates">{dates}</span>
                {event.detail.map(|d| view! { <span class="note-line">{d.get(lang)}</span> })}
                <span class="note-line note-sources">
                    <span class="note-label">{ui::SOURCES.get(lang)}" "</span>
                    {citations(event.sources, lang, None).into_view()}
                </span>
                {close_button(note_id.clone(), lang)}
            </span>
        </li>
    }
}
