use super::{html_body, start, Phase};
use crate::browser::{self, next_tick};
use crate::content::{Lang, ESSAY};
use crate::html::{element, escape, table_quiet_caption};
use crate::inspection::{self, Inspection, Problem};
use crate::stats::grouped;
use crate::wasm_host::{self, InspectSource, INSPECT_MAX_BYTES};
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

type Results = Vec<(String, Result<Inspection, Problem>)>;

/// Each file in turn, yielding to the page between files.
async fn inspect_all(sources: Vec<(String, InspectSource)>) -> Result<Results, String> {
    let mut results = Vec::new();
    for (name, source) in sources {
        let result = match wasm_host::inspect(&source).await {
            Ok(lines) => inspection::parse(&lines),
            Err(message) => Err(Problem::Unreadable(message)),
        };
        results.push((name, result));
        next_tick().await;
    }
    Ok(results)
}

/// Any .wasm file, read but never run: its size, sections, imports (what it can ask its host
/// for), exports and memory. The parsing is `wasmparser`, compiled into inspector.wasm, which
/// the page fetches only when the reader asks for it.
#[island]
pub fn Inspector() -> impl IntoView {
    let lang = crate::page_lang();
    let ui = move |key| ESSAY.ui(key, lang);
    let phase = RwSignal::new(Phase::<Results>::Idle);
    let chosen = RwSignal::new(0usize);
    let dragging = RwSignal::new(false);
    let inspect_ours = move || {
        let file = OURS[chosen.get_untracked()];
        start(
            phase,
            inspect_all(vec![(file.to_owned(), InspectSource::Ours(file))]),
        );
    };
    let inspect_picked = move |event: leptos::ev::Event| {
        let files = browser::picked_files(&event);
        if !files.is_empty() {
            let sources = files
                .into_iter()
                .map(|f| (f.name.clone(), InspectSource::Picked(f)))
                .collect();
            start(phase, inspect_all(sources));
        }
    };
    let running = move || phase.with(|p| matches!(p, Phase::Running));
    let options = OURS
        .iter()
        .enumerate()
        .map(|(i, file)| view! { <option value=i.to_string()>{*file}</option> })
        .collect_view();
    let body = html_body(
        phase,
        ["inspector-idle", "inspector-running"],
        None,
        render,
        lang,
    );
    // A file that could not be read as a module puts the widget in `error`; its message is
    // in the file's own card, beside the files that were read.
    let state = move || {
        phase.with(|p| match p {
            Phase::Done(results) if results.iter().any(|(_, r)| r.is_err()) => "error",
            p => p.name(),
        })
    };

    view! {
        <figure class="widget lab" data-widget="inspector" data-state=state>
            <figcaption class="widget-title">{ui("inspector-title")}</figcaption>
            <div class="widget-controls">
                <button type="button" on:click=move |_| inspect_ours() disabled=running>
                    {ui("inspector-ours")}
                </button>
                <label class="visually-hidden" for="inspector-ours">{ui("inspector-choose")}</label>
                <select id="inspector-ours" on:change=move |ev| {
                    chosen.set(event_target_value(&ev).parse().unwrap_or(0));
                }>{options}</select>
            </div>
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
                <span>{ui("inspector-drop")}</span>
                <input type="file" multiple accept=".wasm,application/wasm"
                    on:change=inspect_picked />
            </label>
            <div class="widget-body" aria-live="polite">{body}</div>
            <p class="widget-method">
                {format!("{}{} MiB.", ui("inspector-method"), INSPECT_MAX_BYTES >> 20)}
            </p>
        </figure>
    }
}

fn render(results: &Results, lang: Lang) -> String {
    results
        .iter()
        .map(|(name, result)| {
            let (state, inner) = match result {
                Ok(inspection) => ("ok", summary(inspection, lang)),
                Err(problem) => (
                    "problem",
                    element(
                        "p",
                        &[("class", "widget-error"), ("role", "alert")],
                        &escape(&explain(problem, lang)),
                    ),
                ),
            };
            element(
                "section",
                &[
                    ("class", "inspection"),
                    ("data-result", state),
                    ("data-file", name),
                ],
                &(element("h4", &[], &element("code", &[], &escape(name))) + &inner),
            )
        })
        .collect()
}

fn explain(problem: &Problem, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    match problem {
        Problem::Empty => ui("inspector-empty").to_owned(),
        Problem::TooLarge => format!(
            "{}{} MiB.",
            ui("inspector-too-large"),
            INSPECT_MAX_BYTES >> 20
        ),
        Problem::NotWasm => ui("inspector-not-wasm").to_owned(),
        Problem::Version(version) => format!("{}{version}.", ui("inspector-version")),
        Problem::Malformed { offset, message } => {
            format!("{}{offset}: {message}", ui("inspector-malformed"))
        }
        Problem::Unreadable(message) => format!("{}{message}", ui("inspector-unreadable")),
    }
}

/// "… and N more", when a list shows fewer than there are.
fn more(shown: usize, total: u64, lang: Lang) -> String {
    let left = total.saturating_sub(shown as u64);
    if left == 0 {
        String::new()
    } else {
        escape(&format!(
            "{}{}",
            ESSAY.ui("inspector-more", lang),
            grouped(left as f64)
        ))
    }
}

/// A heading with the total, then the list, or what it means that there is none.
fn part(heading: &str, total: u64, measure: &str, list: String, none: &str) -> String {
    let body = if total == 0 {
        element("p", &[("data-measure", measure)], &escape(none))
    } else {
        element("div", &[("data-measure", measure)], &list)
    };
    element(
        "h5",
        &[],
        &escape(&format!("{heading} ({})", grouped(total as f64))),
    ) + &body
}

fn summary(inspection: &Inspection, lang: Lang) -> String {
    let ui = |key| ESSAY.ui(key, lang);
    let code = |text: &str| element("code", &[], &escape(text)) + " ";
    let mut out = element(
        "p",
        &[],
        &format!(
            "<output data-measure=\"size\">{}</output>{}{}{}{}",
            grouped(inspection.size as f64),
            ui("unit-bytes"),
            ui("list-gap"),
            ui("inspector-functions"),
            inspection.functions
        ),
    );
    let sections: Vec<String> = inspection
        .sections
        .iter()
        .map(|(name, start, _, end)| {
            element(
                "tr",
                &[("data-section", name)],
                &(element("th", &[("scope", "row")], &code(name))
                    + &element("td", &[], &format!("{start}–{end}"))
                    + &element("td", &[], &grouped((end - start) as f64))),
            )
        })
        .collect();
    let headings = [
        ui("inspector-section"),
        ui("inspector-bytes"),
        ui("inspector-size"),
    ];
    let table = table_quiet_caption("lab-table", ui("inspector-sections"), &headings, &sections)
        + &more(sections.len(), inspection.section_count, lang);
    out += &part(
        ui("inspector-sections"),
        inspection.section_count,
        "sections",
        table,
        ui("inspector-no-sections"),
    );
    // Imports by the module they come from: the file's list of capabilities, host by host.
    let groups: String = inspection
        .import_groups
        .iter()
        .map(|group| {
            let names: String = group
                .names
                .iter()
                .map(|(name, kind)| code(&format!("{name} ({kind})")))
                .collect();
            element(
                "dt",
                &[],
                &format!("{}({})", code(&group.module), grouped(group.count as f64)),
            ) + &element(
                "dd",
                &[],
                &(names + &more(group.names.len(), group.count, lang)),
            )
        })
        .collect();
    let groups = element("dl", &[("class", "import-groups")], &groups)
        + &more(
            inspection.import_groups.len(),
            inspection.import_module_count,
            lang,
        );
    out += &part(
        ui("inspector-imports"),
        inspection.import_count,
        "imports",
        groups,
        ui("inspector-no-imports"),
    );
    let exports: String = inspection
        .exports
        .iter()
        .map(|(name, kind)| code(&format!("{name} ({kind})")))
        .collect();
    out += &part(
        ui("inspector-exports"),
        inspection.export_count,
        "exports",
        exports + &more(inspection.exports.len(), inspection.export_count, lang),
        ui("inspector-no-exports"),
    );
    let memories: Vec<String> = inspection
        .memories
        .iter()
        .map(|m| {
            let maximum = m.maximum.map_or_else(
                || ui("inspector-no-maximum").to_owned(),
                |max| max.to_string(),
            );
            let flag = |on: bool, key| if on { ui(key) } else { "" };
            format!(
                "{} {} → {maximum} ({}){}{}{}",
                ui("inspector-pages"),
                m.initial,
                ui("inspector-page-size"),
                flag(m.imported, "inspector-imported"),
                flag(m.shared, "inspector-shared"),
                flag(m.memory64, "inspector-memory64"),
            )
        })
        .collect();
    out += &part(
        ui("inspector-memory"),
        memories.len() as u64,
        "memory",
        escape(&memories.join("; ")),
        ui("inspector-no-memory"),
    );
    out
}
