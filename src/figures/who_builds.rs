use super::stepped::stepped;
use crate::content::{ui, Lang, ESSAY};
use leptos::prelude::*;

/// Who decides a part of what runs.
#[derive(Clone, Copy, PartialEq)]
enum Who {
    You,
    Platform,
}

impl Who {
    fn name(self) -> &'static str {
        match self {
            Who::You => "you",
            Who::Platform => "platform",
        }
    }

    fn words(self) -> ui::Text {
        match self {
            Who::You => ui::BUILDS_YOU,
            Who::Platform => ui::BUILDS_PLATFORM,
        }
    }
}

/// One stage of getting the app running: what `cf push` and what Docker do there, and who
/// decides each. Stage `i` is named by the figure's step `i` (content/stepped.toml).
struct Stage {
    cf: (ui::Text, Who),
    docker: (ui::Text, Who),
}

const STAGES: [Stage; 4] = [
    Stage {
        cf: (ui::BUILDS_CF_CODE, Who::You),
        docker: (ui::BUILDS_DOCKER_CODE, Who::You),
    },
    Stage {
        cf: (ui::BUILDS_CF_RUNTIME, Who::Platform),
        docker: (ui::BUILDS_DOCKER_RUNTIME, Who::You),
    },
    Stage {
        cf: (ui::BUILDS_CF_BOX, Who::Platform),
        docker: (ui::BUILDS_DOCKER_BOX, Who::You),
    },
    Stage {
        cf: (ui::BUILDS_CF_RUN, Who::Platform),
        docker: (ui::BUILDS_DOCKER_RUN, Who::You),
    },
];

/// The same small app deployed two ways, stage by stage: with `cf push`, the platform decides
/// what goes in the box; with `docker build` and `docker run`, the developer does. Step `i`
/// fills in the stages up to `i`; the later ones wait as empty frames.
#[component]
pub fn WhoBuilds(lang: Lang) -> impl IntoView {
    let names: Vec<&'static str> = ESSAY
        .steps("who-builds")
        .map(|s| s.title.get(lang))
        .collect();
    assert_eq!(names.len(), STAGES.len(), "one who-builds step per stage");
    stepped("who-builds", ui::BUILDS_TITLE, lang, move |i, _| {
        let cell = move |(what, who): (ui::Text, Who)| {
            view! {
                <td data-who=who.name()>
                    <span class="cell-what">{what.get(lang)}</span>
                    <span class="cell-who">{who.words().get(lang)}</span>
                </td>
            }
        };
        let rows = STAGES
            .iter()
            .zip(names.clone())
            .enumerate()
            .map(|(n, (stage, name))| {
                view! {
                    <tr data-reached=(n <= i).to_string()>
                        <th scope="row">{name}</th>
                        {cell(stage.cf)}
                        {cell(stage.docker)}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="who-builds">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col"><code>"cf push"</code></th>
                        <th scope="col"><code>"docker build"</code>" + "<code>"docker run"</code></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}
