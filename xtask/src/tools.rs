//! Installs the toolchain the build and the tests need, each at a pinned version, into a
//! versioned cache folder outside the repository (so CI's fresh clones on this machine reuse it),
//! and skips whatever is already there at the right version. Nothing is downloaded at build time:
//! Trunk runs offline and finds these tools on PATH.

use crate::run::{output, root, status, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
/// npm's `binaryen` ships a working wasm-opt; Debian's (108) breaks current rustc output.
pub const BINARYEN_VERSION: &str = "132.0.0";
pub const CHROMIUM: &str = "/usr/bin/chromium";

pub struct Tools {
    /// PATH with the installed tools first, for Trunk and its hooks.
    pub path: OsString,
}

/// `$WASM_ESSAY_TOOLS`, else `$XDG_CACHE_HOME/wasm-essay/tools`, else `~/.cache/wasm-essay/tools`.
fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("WASM_ESSAY_TOOLS") {
        return dir.into();
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
        .unwrap_or_else(|| root().join("target"));
    base.join("wasm-essay").join("tools")
}

pub fn setup() -> Result<Tools> {
    let cache = cache_dir();
    let wasm_bindgen_version = locked_version("wasm-bindgen")?;

    ensure_wasm_target()?;
    let trunk = cache.join(format!("trunk-{TRUNK_VERSION}"));
    ensure_cargo_tool(&trunk, "trunk", "trunk", TRUNK_VERSION, true)?;
    // wasm-bindgen-cli must equal the library version in Cargo.lock exactly, or Trunk would try
    // to download one. Its own lock file pins a crate the registry lacks, so no --locked.
    let bindgen = cache.join(format!("wasm-bindgen-{wasm_bindgen_version}"));
    ensure_cargo_tool(
        &bindgen,
        "wasm-bindgen-cli",
        "wasm-bindgen",
        &wasm_bindgen_version,
        false,
    )?;
    let binaryen = cache.join(format!("binaryen-{BINARYEN_VERSION}"));
    ensure_npm_tool(&binaryen, "binaryen", BINARYEN_VERSION, "wasm-opt")?;
    ensure_chromium()?;
    ensure_npm_test_tools()?;

    let mut dirs = vec![
        trunk.join("bin"),
        bindgen.join("bin"),
        binaryen.join("node_modules").join(".bin"),
    ];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).map_err(|e| e.to_string())?;
    Ok(Tools { path })
}

/// The version of a package in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| e.to_string())?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or(format!("{package} not in Cargo.lock"))?
        + needle.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned())
}

fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|t| t.lines().any(|l| l == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_tool(dir: &Path, krate: &str, bin: &str, version: &str, locked: bool) -> Result {
    let exe = dir.join("bin").join(bin);
    let found = output(Command::new(&exe).arg("--version"));
    if found.is_some_and(|v| v.split_whitespace().any(|w| w == version)) {
        return Ok(());
    }
    println!(
        "xtask: installing {krate} {version} into {} (a few minutes on 2 cores)",
        dir.display()
    );
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--version", version, "--root"])
        .arg(dir);
    if locked {
        cmd.arg("--locked");
    }
    status(&mut cmd)
}

fn ensure_npm_tool(dir: &Path, package: &str, version: &str, bin: &str) -> Result {
    let exe = dir.join("node_modules").join(".bin").join(bin);
    let major = version.split('.').next().unwrap_or(version);
    let found = output(Command::new(&exe).arg("--version"));
    if found.is_some_and(|v| v.contains(&format!("version {major}"))) {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    status(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(dir)
            .arg(format!("{package}@{version}")),
    )
}

fn ensure_chromium() -> Result {
    if output(Command::new(CHROMIUM).arg("--version")).is_some() {
        return Ok(());
    }
    // Debian's Chromium: a test tool's own browser download cannot work on these machines.
    // The CJK fonts let screenshots of the Chinese page show its text.
    status(Command::new("apt-get").arg("update"))?;
    status(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "fonts-noto-cjk",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// playwright-core (drives Debian's Chromium) and axe-core, at the versions in the lock file.
fn ensure_npm_test_tools() -> Result {
    let e2e = root().join("tests").join("e2e");
    let lock = std::fs::read_to_string(e2e.join("package-lock.json")).map_err(|e| e.to_string())?;
    let stamp = e2e.join("node_modules").join(".package-lock.json");
    let installed = std::fs::read_to_string(&stamp).unwrap_or_default();
    // npm writes node_modules/.package-lock.json on install; same packages, same content.
    let wanted = ["playwright-core", "axe-core"].iter().all(|p| {
        lock_version(&lock, p).is_some() && lock_version(&lock, p) == lock_version(&installed, p)
    });
    if wanted {
        return Ok(());
    }
    status(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&e2e),
    )
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let key = format!("\"node_modules/{package}\": {{");
    let start = lock.find(&key)?;
    let rest = &lock[start..];
    let v = rest.find("\"version\": \"")? + "\"version\": \"".len();
    Some(rest[v..].split('"').next()?.to_owned())
}
