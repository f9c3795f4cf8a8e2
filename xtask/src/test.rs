//! `cargo xtask test`: set up, build the release site once, then every check against that
//! build. Ends with a table of how long each phase took, one line `N passed, N failed`, and a
//! non-zero exit when anything failed. Only deterministic budgets (bytes) are enforced here;
//! timings (long tasks) are `cargo xtask bench`'s, because these machines are shared and noisy.

use crate::run::{root, Result};
use crate::site::{native_workspace, NATIVE_WITH_TESTS, SNIPPET_TARGET};
use crate::tools::{self, Purpose, Tools};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
    phases: Vec<(&'static str, Duration)>,
}

impl Tally {
    /// A check that passes or fails as a whole (formatting, lints, the build, the budgets).
    fn check(&mut self, name: &str, outcome: Result) {
        match outcome {
            Ok(()) => self.passed += 1,
            Err(e) => {
                self.failed += 1;
                self.failures.push(format!("{name}: {e}"));
            }
        }
    }

    /// A test runner: counts the tests it reports, and fails if it exits non-zero without
    /// reporting a failed test (a crash, a build error).
    fn runner(&mut self, name: &str, cmd: &mut Command, count: fn(&str) -> Option<(usize, usize)>) {
        println!("\n== {name}");
        let (mut passed, mut failed) = (0, 0);
        let outcome = stream(cmd, |line| {
            if let Some((p, f)) = count(line) {
                passed += p;
                failed += f;
            }
        });
        self.passed += passed;
        self.failed += failed;
        if failed > 0 {
            self.failures
                .push(format!("{name}: {failed} test(s) failed"));
        } else if let Err(e) = outcome {
            self.failed += 1;
            self.failures.push(format!("{name}: {e}"));
        } else if passed == 0 {
            self.failed += 1;
            self.failures.push(format!("{name}: ran no test"));
        }
    }

    /// Runs one phase and notes how long it took.
    fn phase<T>(&mut self, name: &'static str, run: impl FnOnce(&mut Self) -> T) -> T {
        let start = Instant::now();
        let outcome = run(self);
        self.phases.push((name, start.elapsed()));
        outcome
    }
}

/// Runs a command, echoing its standard output line by line to `each` and to the terminal.
fn stream(cmd: &mut Command, mut each: impl FnMut(&str)) -> Result {
    let mut child = cmd
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{cmd:?}: {e}"))?;
    for line in BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(|l| l.ok())
    {
        println!("{line}");
        each(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    status
        .success()
        .then_some(())
        .ok_or(format!("exited with {status}"))
}

fn quiet(cmd: &mut Command) -> Result {
    println!(
        "\n== {}",
        std::iter::once(cmd.get_program())
            .chain(cmd.get_args())
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    stream(cmd, |_| {})
}

/// cargo test: "test result: ok. 12 passed; 0 failed; 0 ignored; …"
fn cargo_counts(line: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix("test result: ")?;
    let number = |word: &str| {
        rest.split(';')
            .find(|p| p.trim_end().ends_with(word))
            .and_then(|p| p.split_whitespace().rev().nth(1)?.parse().ok())
    };
    Some((number("passed")?, number("failed")?))
}

/// node --test with the TAP reporter: "# pass 9" and "# fail 0".
fn node_counts(line: &str) -> Option<(usize, usize)> {
    if let Some(n) = line.strip_prefix("# pass ") {
        return Some((n.trim().parse().ok()?, 0));
    }
    line.strip_prefix("# fail ")
        .and_then(|n| Some((0, n.trim().parse().ok()?)))
}

pub fn run() -> Result {
    let mut tally = Tally::default();
    let tools = tally.phase("set-up (tools, browser)", |_| tools::setup(Purpose::Test))?;
    tally.phase("formatting", formatting);

    let have_site = tally.phase("site build (release, and the native build)", |tally| {
        println!("\n== build the release site once; every test below runs against it");
        let built = build_without_test_tools();
        let have_site = built.is_ok();
        tally.check("build (which needs no test tool)", built);
        have_site
    });
    tally.phase("lints", lints);

    if have_site {
        tally.phase("native tests", |tally| {
            tally.runner(
                "native tests",
                native_workspace(Command::new("cargo").args(["test", "--no-fail-fast"])),
                cargo_counts,
            )
        });
        tally.phase("references for the browser tests", |tally| {
            // Produced here, whatever the native tests did: a failed native test must not
            // show up again as missing files in the browser tests. The site build compiled
            // the example with every other target.
            let example = root().join("target/debug/examples/browser_references");
            tally.check(
                "references for the browser tests",
                quiet(&mut Command::new(example)),
            )
        });
        tally.phase("browser tests", |tally| {
            tally.runner(
                "browser tests",
                tools.command("node").args([
                    "--test",
                    "--test-reporter=tap",
                    "--test-concurrency=1",
                    "tests/e2e/",
                ]),
                node_counts,
            )
        });
        tally.phase("byte budgets", |tally| {
            println!("\n== byte budgets");
            let problems = crate::bench::check_bytes();
            tally.check(
                "byte budgets",
                problems.and_then(|p| {
                    if p.is_empty() {
                        Ok(())
                    } else {
                        Err(p.join("; "))
                    }
                }),
            )
        });
    }

    println!("\n{:>8}  phase", "seconds");
    for (name, took) in &tally.phases {
        println!("{:>8.0}  {name}", took.as_secs_f64());
    }
    let total: Duration = tally.phases.iter().map(|(_, t)| *t).sum();
    println!("{:>8.0}  in all\n", total.as_secs_f64());
    for failure in &tally.failures {
        println!("FAILED {failure}");
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 && have_site {
        Ok(())
    } else {
        Err("some checks failed".into())
    }
}

fn formatting(tally: &mut Tally) {
    let cargo = || Command::new("cargo");
    tally.check(
        "cargo fmt",
        quiet(cargo().args(["fmt", "--all", "--check"])),
    );
    tally.check(
        "cargo fmt (snippets)",
        quiet(
            cargo()
                .args(["fmt", "--all", "--check", "--manifest-path"])
                .arg(root().join("snippets").join("Cargo.toml")),
        ),
    );
}

/// Clippy on every build: the native one (read back from the site build, which compiled it
/// through clippy-driver), xtask, the browser bundle for wasm32, and the snippets.
fn lints(tally: &mut Tally) {
    let cargo = || Command::new("cargo");
    tally.check("clippy (native, all targets)", native_lints());
    tally.check(
        "clippy (xtask)",
        quiet(cargo().args([
            "clippy",
            "-p",
            "xtask",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    tally.check(
        "clippy (wasm32, browser build)",
        quiet(cargo().args([
            "clippy",
            "-p",
            "essay",
            "--lib",
            "--bins",
            "--target",
            SNIPPET_TARGET,
            "--features",
            "hydrate",
            "--",
            "-D",
            "warnings",
        ])),
    );
    tally.check(
        "clippy (snippets)",
        quiet(
            cargo()
                .args([
                    "clippy",
                    "--target",
                    SNIPPET_TARGET,
                    "--target-dir",
                    "target/snippets",
                    "--manifest-path",
                ])
                .arg(root().join("snippets").join("Cargo.toml"))
                .args(["--", "-D", "warnings"]),
        ),
    );
}

/// The native build's warnings, clippy's among them, as `-D warnings` would have refused
/// them. The build is fresh by now, so Cargo replays the diagnostics it cached when the site
/// build compiled it (or compiles it here, if that build never got so far).
fn native_lints() -> Result {
    println!("\n== clippy (native, all targets): the native build's warnings");
    let build = || {
        let mut cmd = Command::new("cargo");
        native_workspace(cmd.args(["build", "--all-targets"]));
        cmd.current_dir(root());
        cmd
    };
    let out = build()
        .arg("--message-format=json")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let messages = stdout
        .lines()
        .filter(|l| l.contains("\"reason\":\"compiler-message\""))
        .count();
    if messages > 0 {
        // Once more in the compiler's own words, for the reader of the log.
        let _ = build().status();
        return Err(format!("{messages} warning(s) or error(s)"));
    }
    out.status
        .success()
        .then_some(())
        .ok_or("the native build failed".into())
}

/// `cargo xtask build`, run as a reader who never runs the tests would run it: no browser
/// (`CHROME_PATH` and `FIREFOX` point nowhere) and `apt-get`, `sudo` and `npm` replaced by stand-ins that
/// note each call and fail. The build must succeed and call none of them: `serve` and `build`
/// need only the build's tools, which the test set-up has installed by now.
fn build_without_test_tools() -> Result {
    let shims = root().join("target").join("xtask-shims");
    let calls = shims.join("calls.log");
    std::fs::create_dir_all(&shims).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&calls);
    for tool in ["apt-get", "sudo", "npm"] {
        let shim = shims.join(tool);
        std::fs::write(
            &shim,
            format!(
                "#!/bin/sh\necho \"{tool} $*\" >> '{}'\nexit 1\n",
                calls.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        make_executable(&shim)?;
    }
    let path = std::env::join_paths(std::iter::once(shims.clone()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .map_err(|e| e.to_string())?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let built = quiet(
        Command::new(exe)
            .arg("build")
            .env("PATH", path)
            .env("CHROME_PATH", "/nonexistent/chrome")
            .env("FIREFOX", "/nonexistent/firefox")
            .env(NATIVE_WITH_TESTS, "1"),
    );
    let called = std::fs::read_to_string(&calls).unwrap_or_default();
    if !called.is_empty() {
        return Err(format!(
            "`cargo xtask build` called test tools: {}",
            called.lines().collect::<Vec<_>>().join("; ")
        ));
    }
    built
}

#[cfg(unix)]
fn make_executable(file: &std::path::Path) -> Result {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn make_executable(_: &std::path::Path) -> Result {
    Ok(())
}

/// Screenshots of both pages, phone and desktop, light and dark, for a person to look at.
pub fn screenshots(tools: &Tools) -> Result {
    crate::site::build(tools, None)?;
    quiet(
        tools
            .command("node")
            .arg("tests/e2e/screenshots.mjs")
            .arg("target/screenshots"),
    )
}

/// Measures each section of the built pages and writes style/section-heights.css, the sizes
/// content-visibility assumes until a section is drawn; then builds again with them.
pub fn section_heights(tools: &Tools) -> Result {
    crate::site::build(tools, None)?;
    quiet(
        tools
            .command("node")
            .arg("tests/e2e/section-heights.mjs")
            .arg("style/section-heights.css"),
    )?;
    crate::site::build(tools, None)
}
