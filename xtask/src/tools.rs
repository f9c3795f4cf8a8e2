//! Installs the toolchain at pinned versions into a versioned cache folder outside the
//! repository (so fresh clones on one machine reuse it), skipping whatever is already there at
//! the right version. Nothing is downloaded at build time: Trunk runs offline and finds these
//! tools on PATH.
//!
//! Two levels: what the build needs (`serve`, `build`), and on top of it what the tests need
//! (`test`, `shots`, `bench`). A reader who only wants to read the essay locally never meets
//! `apt-get`, a browser or npm's test tools.

use crate::run::{output, root, status, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
/// npm's `binaryen` ships a working wasm-opt; Debian's (108) breaks current rustc output.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// Where Debian's packages put the browsers used when `$CHROME_PATH` / `$FIREFOX` are not set.
const DEBIAN_CHROMIUM: &str = "/usr/bin/chromium";
const DEBIAN_FIREFOX: &str = "/usr/bin/firefox-esr";

#[derive(Clone, Copy, PartialEq)]
pub enum Purpose {
    /// The wasm32 target, Trunk, wasm-bindgen and wasm-opt.
    Build,
    /// The build's tools, Chromium, Firefox and the npm test tools (playwright-core,
    /// puppeteer-core, axe-core).
    Test,
}

pub struct Tools {
    /// PATH with the installed tools first, for Trunk and its hooks.
    pub path: OsString,
    /// The browsers the tests drive (set for `Purpose::Test` only).
    pub browsers: Option<Browsers>,
}

pub struct Browsers {
    pub chrome: PathBuf,
    pub firefox: PathBuf,
}

impl Tools {
    /// A command that sees the installed tools, and the browsers as `$CHROME_PATH` and
    /// `$FIREFOX`.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path);
        if let Some(browsers) = &self.browsers {
            cmd.env("CHROME_PATH", &browsers.chrome)
                .env("FIREFOX", &browsers.firefox);
        }
        cmd
    }
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

pub fn setup(purpose: Purpose) -> Result<Tools> {
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

    let browsers = match purpose {
        Purpose::Build => None,
        Purpose::Test => {
            let browsers = Browsers {
                chrome: ensure_browser(&CHROMIUM)?,
                firefox: ensure_browser(&FIREFOX)?,
            };
            ensure_npm_test_tools()?;
            Some(browsers)
        }
    };

    let mut dirs = vec![
        trunk.join("bin"),
        bindgen.join("bin"),
        binaryen.join("node_modules").join(".bin"),
    ];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).map_err(|e| e.to_string())?;
    Ok(Tools { path, browsers })
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

/// rust-toolchain.toml names the target, but rustup adds it only when it installs the
/// toolchain itself (not where auto-install is off, as on these machines).
fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|t| t.lines().any(|l| l == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// `cargo install --debug`, without debug info: the tools' own release profile (Trunk's has fat
/// LTO and one codegen unit) is what made them slow to install. Measured on 2 cores: Trunk
/// 14 min as published, 8.6 min in release without LTO, 3.8 min as here; wasm-bindgen-cli
/// 3.0 min in release without LTO, 1.2 min as here (less, with only the one binary Trunk
/// runs, not the test runner beside it). A site build spends its time in rustc,
/// not in these tools: a no-change `cargo xtask build` took 16-19 s either way, and its output
/// was byte for byte the same. No default features: they are the TLS stacks (and Trunk's
/// update check) used only to download things, which these tools must never do here.
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
    cmd.args(["install", krate, "--version", version, "--bin", bin])
        .args(["--no-default-features", "--debug", "--root"])
        .arg(dir)
        .env("CARGO_PROFILE_DEV_DEBUG", "0");
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

/// A browser the tests drive, and how to find or install it.
struct Browser {
    name: &'static str,
    /// The variable that points at an existing install (the one other tools read too).
    variable: &'static str,
    /// Where Debian's package puts it, and the packages that install it.
    debian_path: &'static str,
    debian_packages: &'static [&'static str],
}

/// Chromium: `$CHROME_PATH` is what Lighthouse and chrome-launcher read. The CJK fonts let
/// screenshots of the Chinese page show its text.
const CHROMIUM: Browser = Browser {
    name: "Chromium (or Chrome)",
    variable: "CHROME_PATH",
    debian_path: DEBIAN_CHROMIUM,
    debian_packages: &["chromium", "fonts-noto-cjk"],
};

/// Firefox ESR, the second engine: puppeteer-core drives it over WebDriver BiDi.
const FIREFOX: Browser = Browser {
    name: "Firefox",
    variable: "FIREFOX",
    debian_path: DEBIAN_FIREFOX,
    debian_packages: &["firefox-esr"],
};

/// The browser at `$VARIABLE` when set, else Debian's, installed with apt where apt exists
/// (a test tool's own browser download cannot work on these machines), else a message that
/// says what to install.
fn ensure_browser(browser: &Browser) -> Result<PathBuf> {
    let Browser {
        name,
        variable,
        debian_path,
        debian_packages,
    } = browser;
    if let Some(path) = std::env::var_os(variable).filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return runs(&path).then_some(path.clone()).ok_or(format!(
            "{variable}={} does not run as a browser (`--version` failed); point it at a \
             {name} binary, or unset it to use {debian_path}",
            path.display()
        ));
    }
    let debian = PathBuf::from(debian_path);
    if runs(&debian) {
        return Ok(debian);
    }
    if output(Command::new("apt-get").arg("--version")).is_none() {
        return Err(format!(
            "the tests need {name} and found neither {debian_path} nor apt-get. Install \
             {name} and set {variable} to its binary, then run again. (`serve` and `build` \
             need no browser.)"
        ));
    }
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut cmd = Command::new(if sudo { "sudo" } else { "apt-get" });
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    status(&mut apt(&["update"]))?;
    status(apt(&["install", "-y", "--no-install-recommends"]).args(debian_packages.iter()))?;
    runs(&debian).then_some(debian).ok_or(format!(
        "apt installed {name}, but {debian_path} does not run"
    ))
}

fn runs(program: &Path) -> bool {
    output(Command::new(program).arg("--version")).is_some()
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0")
}

/// playwright-core (drives Chromium), puppeteer-core (drives Firefox) and axe-core, at the
/// versions in the lock file.
fn ensure_npm_test_tools() -> Result {
    ensure_npm_folder("e2e", &["playwright-core", "puppeteer-core", "axe-core"])
}

/// Lighthouse and chrome-launcher (tests/lighthouse/run.mjs starts Chromium with it, so it is
/// declared, not left to be Lighthouse's own dependency), for `cargo xtask bench` only.
pub fn ensure_lighthouse() -> Result {
    ensure_npm_folder("lighthouse", &["lighthouse", "chrome-launcher"])
}

/// `npm ci` in tests/<folder> unless its node_modules already holds these packages at the
/// lock file's versions.
fn ensure_npm_folder(folder: &str, packages: &[&str]) -> Result {
    let dir = root().join("tests").join(folder);
    let lock = std::fs::read_to_string(dir.join("package-lock.json")).map_err(|e| e.to_string())?;
    let stamp = dir.join("node_modules").join(".package-lock.json");
    let installed = std::fs::read_to_string(&stamp).unwrap_or_default();
    // npm writes node_modules/.package-lock.json on install; same packages, same content.
    let wanted = packages.iter().all(|p| {
        lock_version(&lock, p).is_some() && lock_version(&lock, p) == lock_version(&installed, p)
    });
    if wanted {
        return Ok(());
    }
    status(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir),
    )
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let key = format!("\"node_modules/{package}\": {{");
    let start = lock.find(&key)?;
    let rest = &lock[start..];
    let v = rest.find("\"version\": \"")? + "\"version\": \"".len();
    Some(rest[v..].split('"').next()?.to_owned())
}
