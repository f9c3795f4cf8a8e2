//! Figures drawn once, by the prerender: plain HTML with no island, so none of their code (nor
//! the tools some use at build time) reaches the browser bundle. Their build-time code stands
//! beside them. A figure that explains in steps is made live by `steps.js`, without the Wasm.

mod docker_pieces;
mod era_compare;
mod inside_module;
#[cfg(feature = "ssr")]
pub mod inside_module_build;
mod kernel_source;
mod kubelet_path;
mod release_cadence;
mod stepped;
mod syscall_contrast;
mod what_ships;
mod who_builds;

pub use docker_pieces::DockerPieces;
pub use era_compare::EraCompare;
pub use inside_module::{InsideModule, InsideModuleHtml, MODULE as INSIDE_MODULE};
pub use kernel_source::KernelSource;
pub use kubelet_path::KubeletPath;
pub use release_cadence::ReleaseCadence;
pub use syscall_contrast::SyscallContrast;
pub use what_ships::WhatShips;
pub use who_builds::WhoBuilds;
