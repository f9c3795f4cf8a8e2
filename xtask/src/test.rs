//! `cargo xtask test`: set up, build the release site once, then every check against that
//! build. Ends with one line `N passed, N failed` and a non-zero exit when anything failed.

use crate::run::{root, Result};
use crate::site::{self, SNIPPET_TARGET};
use crate::tools::{self, Tools};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
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
    let tools = tools::setup()?;
    let mut tally = Tally::default();
    let cargo = || Command::new("cargo");
    let snippets_manifest = root().join("snippets").join("Cargo.toml");

    tally.check(
        "cargo fmt",
        quiet(cargo().args(["fmt", "--all", "--check"])),
    );
    tally.check(
        "cargo fmt (snippets)",
        quiet(
            cargo()
                .args(["fmt", "--all", "--check", "--manifest-path"])
                .arg(&snippets_manifest),
        ),
    );
    tally.check(
        "clippy (native)",
        quiet(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--features",
            "essay/ssr",
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
                .arg(&snippets_manifest)
                .args(["--", "-D", "warnings"]),
        ),
    );

    println!("\n== build the release site once; every test below runs against it");
    let built = site::build(&tools);
    let have_site = built.is_ok();
    tally.check("build", built);

    if have_site {
        tally.runner(
            "native tests",
            cargo().args(["test", "--workspace", "--features", "essay/ssr"]),
            cargo_counts,
        );
        tally.runner(
            "browser tests",
            Command::new("node").args([
                "--test",
                "--test-reporter=tap",
                "--test-concurrency=1",
                "tests/e2e/",
            ]),
            node_counts,
        );
        println!("\n== budgets");
        tally.check(
            "budgets",
            crate::bench::check().and_then(|p| {
                if p.is_empty() {
                    Ok(())
                } else {
                    Err(p.join("; "))
                }
            }),
        );
    }

    println!();
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

/// Screenshots of both pages, phone and desktop, light and dark, for a person to look at.
pub fn screenshots(tools: &Tools) -> Result {
    site::build(tools)?;
    quiet(
        Command::new("node")
            .arg("tests/e2e/screenshots.mjs")
            .arg("target/screenshots"),
    )
}
