//! The islands: one file per interactive figure, each standing in the one `WidgetFrame`
//! (`frame.rs`), which carries the convention every widget keeps (`data-widget`, `data-state`
//! = idle | running | done | error, its first button runs it, and without JavaScript it says
//! what it would show). Their results are built as `Html` and set with `inner_html`.

mod asmjs_vs_wasm;
mod capabilities;
mod frame;
mod hello_wasm;
mod inspector;
mod lab_results;
mod lab_summary;
mod sandbox;
mod size_ladder;
mod speed_race;
mod startup_race;
mod wasi;

pub use asmjs_vs_wasm::AsmjsVsWasm;
pub use capabilities::Capabilities;
pub use hello_wasm::HelloWasm;
pub use inspector::Inspector;
pub use lab_summary::LabSummary;
pub use sandbox::Sandbox;
pub use size_ladder::SizeLadder;
pub use speed_race::SpeedRace;
pub use startup_race::StartupRace;
pub use wasi::Wasi;
