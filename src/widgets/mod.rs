//! One file per interactive figure. Each widget owns its state and follows one convention:
//! its root has `data-widget="<name>"` and `data-state` = idle | running | done | error, its
//! first button runs it, and without JavaScript it says what it would show.

mod hello_wasm;
mod html;
mod lab_summary;
mod log_scale;
mod size_ladder;
mod speed_race;
mod startup_race;

pub use hello_wasm::HelloWasm;
pub use lab_summary::LabSummary;
pub use size_ladder::SizeLadder;
pub use speed_race::SpeedRace;
pub use startup_race::StartupRace;

/// Where a widget is in its run; shown in `data-state` for readers' styles and for tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase<T> {
    Idle,
    Running,
    Done(T),
    Error(String),
}

impl<T> Phase<T> {
    pub fn name(&self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running => "running",
            Phase::Done(_) => "done",
            Phase::Error(_) => "error",
        }
    }
}
