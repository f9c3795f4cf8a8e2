//! What the lab's widgets measured, for the summary that puts it in words. Each widget is an
//! island of its own, so they meet here, in one signal shared by the whole page.

use leptos::prelude::*;
use std::sync::LazyLock;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabResults {
    /// The fastest module's start-up (compile + instantiate + first call), in µs, and its file.
    pub startup: Option<(&'static str, f64)>,
    /// How many times faster the Wasm kernel ran than the JavaScript one (below 1: slower).
    pub speed_ratio: Option<f64>,
}

pub static RESULTS: LazyLock<ArcRwSignal<LabResults>> = LazyLock::new(ArcRwSignal::default);
