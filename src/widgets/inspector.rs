use super::frame::{Run, WidgetFrame};
use crate::browser::{self, next_tick};
use crate::content::{ui, Lang};
use crate::stats::grouped;
use crate::text::html::{table, Html};
use crate::text::{page_lang, prerendered};
use crate::wasm_host::{self, InspectSource};
use inspection::{Inspection, Problem, MAX_BYTES};
use leptos::prelude::*;

/// Our modules, for a reader without a .wasm file at hand.
const OURS: [&str; 8] = [
    "hello.wasm",
    "tiny.wasm",
    "capabilities.wasm",
    "traps.wasm",
    "wasi.wasm",
    "memory.wasm",
    "kernel.wasm",
    "inspector.wasm",
];
/// The size limit as the reader reads it.
const MAX_MIB: usize = MAX_BYTES >> 20;

type Results = Vec<(String, Result<Inspection, Problem>)>;

/// Each file in turn, yielding to the page between files; `unread` says whether any file
/// could not be read as a module, if no newer inspection has begun since (`asked` counts them).
async fn inspect_all(
    sources: Vec<(String, InspectSource)>,
    unread: RwSignal<bool>,
    asked: StoredValue<u32>,
) -> Result<Results, String> {
    asked.update_value(|n| *n += 1);
    let this = asked.get_value();
    let mut results = Vec::new();
    for (name, source) in sources {
        let result = match wasm_host::inspect(&source).await {
            Ok(lines) => inspection::parse(&lines),
            Err(message) => Err(Problem::Unreadable(message)),
        };
        results.push((name, result));
        next_tick().await;
    }
    if asked.get_value() == this {
        unread.set(results.iter().any(|(_, r)| r.is_err()));
    }
    Ok(results)
}

/// Any .wasm file, read but never run: its size, sections, imports (what it can ask its host
/// for), exports and memory. The parsing is `wasmparser`, compiled into inspector.wasm, which
/// the page fetches only when the reader asks for it.
#[island]
pub fn Inspector() -> impl IntoView {
    let lang = page_lang();
    let text = move |t: ui::Text| t.get(lang);
    let run = Run::new(render, lang);
    let unread = RwSignal::new(false);
    let asked = StoredValue::new(0);
    let dragging = RwSignal::new(false);
    let inspect_ours = move |file: &'static str| {
        run.start(inspect_all(
            vec![(file.to_owned(), InspectSource::Ours(file))],
            unread,
            asked,
        ));
    };
    let inspect_picked = move |event: leptos::ev::Event| {
        let files = browser::picked_files(&event);
        if !files.is_empty() {
            let sources = files
                .into_iter()
                .map(|f| (f.name.clone(), InspectSource::Picked(f)))
                .collect();
            run.start(inspect_all(sources, unread, asked));
        }
    };
    // A button per module, not a menu: Chromium lays out a skipped section when parsing ends
    // if a <select> or text field is in it (its form autofill looks at each), a long task in
    // the first load; buttons are not looked at, and one click inspects.
    let ours = OURS
        .into_iter()
        .map(|file| {
            view! {
                <button type="button" aria-disabled=run.busy()
                    on:click=move |_| if !run.running() { inspect_ours(file) }>{file}</button>
            }
        })
        .collect_view();
    // A file that could not be read as a module puts the widget in `error`; its message is
    // in the file's own card, beside the files that were read.
    let state = run.state();
    let state = Signal::derive(move || match state.get() {
        "done" if unread.get() => "error",
        name => name,
    });
    let controls = view! {
        <fieldset class="widget-options inspector-ours">
            <legend>{prerendered(|| text(ui::INSPECTOR_OURS))}</legend>
            {ours}
        </fieldset>
    };

    let body = view! {
        <label
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                inspect_picked(ev.into());
            }
        >
            <span>{prerendered(|| text(ui::INSPECTOR_DROP))}</span>
            <input type="file" multiple accept=".wasm,application/wasm"
                on:change=inspect_picked />
        </label>
        {run.body([ui::INSPECTOR_IDLE, ui::INSPECTOR_RUNNING], None)}
    };
    let method = move || ui::InspectorMethod { mib: &MAX_MIB }.get(lang);
    let frame = WidgetFrame::new("inspector", ui::INSPECTOR_TITLE, lang, state);
    frame.method(method).draw(controls, body)
}

fn render(results: &Results, lang: Lang) -> Html {
    results
        .iter()
        .map(|(name, result)| {
            let (state, inner) = match result {
                Ok(inspection) => ("ok", summary(inspection, lang)),
                Err(problem) => (
                    "problem",
                    Html::element(
                        "p",
                        &[("class", "widget-error"), ("role", "alert")],
                        Html::text(&explain(problem, lang)),
                    ),
                ),
            };
            let heading = Html::element("h4", &[], code(name));
            Html::element(
                "section",
                &[
                    ("class", "inspection"),
                    ("data-result", state),
                    ("data-file", name),
                ],
                heading + inner,
            )
        })
        .collect()
}

fn explain(problem: &Problem, lang: Lang) -> String {
    match problem {
        Problem::Empty => ui::INSPECTOR_EMPTY.get(lang).to_owned(),
        Problem::TooLarge => ui::InspectorTooLarge { mib: &MAX_MIB }.get(lang),
        Problem::NotWasm => ui::INSPECTOR_NOT_WASM.get(lang).to_owned(),
        Problem::Version(version) => ui::InspectorVersion {
            version: &format!("{version:#x}"),
        }
        .get(lang),
        Problem::Malformed { offset, message } => {
            ui::InspectorMalformed { offset, message }.get(lang)
        }
        Problem::Unreadable(message) => ui::InspectorUnreadable { message }.get(lang),
    }
}

fn code(text: &str) -> Html {
    Html::element("code", &[], Html::text(text))
}

/// "… and N more", when a list shows fewer than there are.
fn more(shown: usize, total: u64, lang: Lang) -> Html {
    match total.saturating_sub(shown as u64) {
        0 => Html::default(),
        left => Html::text(
            &ui::InspectorMore {
                n: &grouped(left as f64),
            }
            .get(lang),
        ),
    }
}

/// A heading with the total, then the list, or what it means that there is none.
fn part(
    heading: ui::Text,
    total: u64,
    measure: &str,
    list: Html,
    none: ui::Text,
    lang: Lang,
) -> Html {
    let body = if total == 0 {
        Html::element(
            "p",
            &[("data-measure", measure)],
            Html::text(none.get(lang)),
        )
    } else {
        Html::element("div", &[("data-measure", measure)], list)
    };
    let heading = format!("{} ({})", heading.get(lang), grouped(total as f64));
    Html::element("h5", &[], Html::text(&heading)) + body
}

fn summary(inspection: &Inspection, lang: Lang) -> Html {
    let text = |t: ui::Text| t.get(lang);
    // A listed name, and the space that parts it from the next.
    let listed = |name: &str| code(name) + Html::text(" ");
    let size = Html::element(
        "output",
        &[("data-measure", "size")],
        Html::text(&grouped(inspection.size as f64)),
    );
    let functions = format!(
        "{}{}{}{}",
        text(ui::UNIT_BYTES),
        text(ui::LIST_GAP),
        text(ui::INSPECTOR_FUNCTIONS),
        inspection.functions
    );
    let mut out = Html::element("p", &[], size + Html::text(&functions));
    let sections: Html = inspection
        .sections
        .iter()
        .map(|(name, start, _, end)| {
            Html::element(
                "tr",
                &[("data-section", name)],
                Html::element("th", &[("scope", "row")], listed(name))
                    + Html::element("td", &[], Html::text(&format!("{start}–{end}")))
                    + Html::element("td", &[], Html::text(&grouped((end - start) as f64))),
            )
        })
        .collect();
    let headings = [
        text(ui::INSPECTOR_SECTION),
        text(ui::INSPECTOR_BYTES),
        text(ui::INSPECTOR_SIZE),
    ];
    let sections = table(
        "lab-table",
        text(ui::INSPECTOR_SECTIONS),
        true,
        &headings,
        sections,
    ) + more(inspection.sections.len(), inspection.section_count, lang);
    out += part(
        ui::INSPECTOR_SECTIONS,
        inspection.section_count,
        "sections",
        sections,
        ui::INSPECTOR_NO_SECTIONS,
        lang,
    );
    // Imports by the module they come from: the file's list of capabilities, host by host.
    let groups: Html = inspection
        .import_groups
        .iter()
        .map(|group| {
            let names: Html = group
                .names
                .iter()
                .map(|(name, kind)| listed(&format!("{name} ({kind})")))
                .collect();
            let count = Html::text(&format!("({})", grouped(group.count as f64)));
            Html::element("dt", &[], listed(&group.module) + count)
                + Html::element(
                    "dd",
                    &[],
                    names + more(group.names.len(), group.count, lang),
                )
        })
        .collect();
    let groups = Html::element("dl", &[("class", "import-groups")], groups)
        + more(
            inspection.import_groups.len(),
            inspection.import_module_count,
            lang,
        );
    out += part(
        ui::INSPECTOR_IMPORTS,
        inspection.import_count,
        "imports",
        groups,
        ui::INSPECTOR_NO_IMPORTS,
        lang,
    );
    let exports: Html = inspection
        .exports
        .iter()
        .map(|(name, kind)| listed(&format!("{name} ({kind})")))
        .collect();
    out += part(
        ui::INSPECTOR_EXPORTS,
        inspection.export_count,
        "exports",
        exports + more(inspection.exports.len(), inspection.export_count, lang),
        ui::INSPECTOR_NO_EXPORTS,
        lang,
    );
    let memories: Vec<String> = inspection
        .memories
        .iter()
        .map(|m| {
            let maximum = m.maximum.map_or_else(
                || text(ui::INSPECTOR_NO_MAXIMUM).to_owned(),
                |max| max.to_string(),
            );
            let flag = |on: bool, words: ui::Text| if on { text(words) } else { "" };
            format!(
                "{} {} → {maximum} ({}){}{}{}",
                text(ui::INSPECTOR_PAGES),
                m.initial,
                text(ui::INSPECTOR_PAGE_SIZE),
                flag(m.imported, ui::INSPECTOR_IMPORTED),
                flag(m.shared, ui::INSPECTOR_SHARED),
                flag(m.memory64, ui::INSPECTOR_MEMORY64),
            )
        })
        .collect();
    out += part(
        ui::INSPECTOR_MEMORY,
        memories.len() as u64,
        "memory",
        Html::text(&memories.join("; ")),
        ui::INSPECTOR_NO_MEMORY,
        lang,
    );
    out
}
