//! The README is a specification: its examples run and print what it shows, its synopses name
//! only flags the commands have, and every flag a command has is documented in it.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

/// A fenced code block of the README.
struct Block {
    /// The info string: `sh`, `csv`, `json`, …
    info: String,
    /// 1-based line of the opening fence.
    line: usize,
    body: String,
    /// The nearest heading above it.
    section: String,
    /// The prose between the previous block and this one.
    before: String,
}

fn readme() -> String {
    std::fs::read_to_string("README.md").expect("README.md")
}

fn blocks() -> Vec<Block> {
    let text = readme();
    let mut out = Vec::new();
    let (mut section, mut before) = (String::new(), String::new());
    let mut open: Option<Block> = None;
    for (k, line) in text.lines().enumerate() {
        match &mut open {
            Some(_) if line.starts_with("```") => {
                out.push(open.take().expect("open"));
                before.clear();
            }
            Some(block) => {
                block.body.push_str(line);
                block.body.push('\n');
            }
            None if line.starts_with("```") => {
                open = Some(Block {
                    info: line.trim_start_matches('`').trim().to_owned(),
                    line: k + 1,
                    body: String::new(),
                    section: section.clone(),
                    before: before.clone(),
                });
            }
            None => {
                if line.starts_with('#') {
                    section = line.trim_start_matches('#').trim().to_owned();
                }
                before.push_str(line);
                before.push('\n');
            }
        }
    }
    assert!(open.is_none(), "README.md: a code block is not closed");
    out
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_bialign"))
}

/// A scratch folder with the repository's files the examples name, the files they take for
/// granted (a corpus to batch, file pairs to learn from) and `bialign` on the PATH.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = std::env::current_dir().unwrap();
        for name in ["corpora", "tests", "examples"] {
            std::os::unix::fs::symlink(root.join(name), dir.path().join(name)).unwrap();
        }
        std::fs::create_dir(dir.path().join("target")).unwrap();
        let zh = std::fs::read_to_string(common::fixture("zh.txt")).unwrap();
        let en = std::fs::read_to_string(common::fixture("en.txt")).unwrap();
        for name in ["a", "b"] {
            std::fs::write(dir.path().join(format!("{name}.zh")), &zh).unwrap();
            std::fs::write(dir.path().join(format!("{name}.en")), &en).unwrap();
        }
        let record = |id: &str| serde_json::json!({"id": id, "src": zh, "tgt": en}).to_string();
        std::fs::write(
            dir.path().join("corpus.jsonl"),
            format!("{}\n{}\n", record("doc-1"), record("doc-2")),
        )
        .unwrap();
        let b64 = |s: &str| common::base64(s.as_bytes());
        std::fs::write(
            dir.path().join("more-docpairs.tsv"),
            format!(
                "https://a.example/zh\thttps://a.example/en\t{}\t{}\n",
                b64(&zh),
                b64(&en)
            ),
        )
        .unwrap();
        Sandbox { dir }
    }

    /// Runs a shell line there; `cargo run --release --` stands for `bialign`.
    fn run(&self, line: &str) -> std::process::Output {
        let line = line.replace("cargo run --release -- ", "bialign ");
        let path = format!(
            "{}:{}",
            bin().parent().unwrap().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new("sh")
            .args(["-c", &line])
            .current_dir(self.dir.path())
            .env("PATH", path)
            .env_remove("GITHUB_STEP_SUMMARY")
            .output()
            .unwrap()
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap()
    }
}

/// Is every line of `shown` in `actual`, in order? (Examples may leave lines out.)
fn is_excerpt(shown: &str, actual: &str) -> bool {
    let mut actual = actual.lines();
    shown.lines().all(|want| {
        actual
            .by_ref()
            .any(|line| line.trim_end() == want.trim_end())
    })
}

/// The commands of the shell lines of sh, bash and yaml blocks, continuation lines joined.
fn command_lines() -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for block in blocks() {
        if !matches!(block.info.as_str(), "sh" | "bash" | "yaml") {
            continue;
        }
        let mut joined = String::new();
        for (k, line) in block.body.lines().enumerate() {
            let continues = line.starts_with("    ") && !joined.is_empty() && block.info == "sh";
            if !continues && !joined.is_empty() {
                out.push((block.line + k, std::mem::take(&mut joined)));
            }
            joined.push(' ');
            joined.push_str(line.trim());
            joined = joined.trim_end_matches('\\').to_owned();
        }
        if !joined.is_empty() {
            out.push((block.line + block.body.lines().count(), joined));
        }
    }
    out
}

const COMMANDS: [&str; 7] = [
    "segment", "align", "eval", "check", "diff", "batch", "learn",
];

/// The long flags `bialign COMMAND --help` lists, each with its short form if it has one.
fn flags_with_short(command: &str) -> Vec<(String, Option<String>)> {
    let help = Command::new(bin())
        .args([command, "--help"])
        .output()
        .unwrap();
    assert!(help.status.success());
    String::from_utf8(help.stdout)
        .unwrap()
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with('-'))
        .filter_map(|l| {
            let long = long_flags(l).into_iter().next()?;
            let short = l
                .strip_prefix('-')
                .filter(|r| r.chars().nth(1) == Some(','))
                .map(|r| format!("-{}", &r[..1]));
            (long != "--help" && long != "--version").then_some((long, short))
        })
        .collect()
}

fn flags_of(command: &str) -> BTreeSet<String> {
    flags_with_short(command)
        .into_iter()
        .map(|(long, _)| long)
        .collect()
}

fn long_flags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(p) = rest.find("--") {
        let after = &rest[p + 2..];
        let n = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(after.len());
        let preceded = rest[..p]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-');
        if n > 0 && preceded && after.starts_with(|c: char| c.is_ascii_lowercase()) {
            out.push(format!("--{}", &after[..n]));
        }
        rest = &after[n..];
    }
    out
}

#[test]
fn every_flag_a_command_has_is_in_the_readme() {
    let readme = readme();
    let mut missing = Vec::new();
    let documented = |flag: &str| {
        [" ", "`", "]", "=", ","]
            .iter()
            .any(|end| readme.contains(&format!("{flag}{end}")))
    };
    for command in COMMANDS {
        for (long, short) in flags_with_short(command) {
            if !documented(&long) && !short.as_deref().is_some_and(documented) {
                missing.push(format!("{command} {long}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in README.md: {missing:?}");
}

#[test]
fn the_readmes_commands_use_only_flags_the_commands_have() {
    let known: Vec<(&str, BTreeSet<String>)> = COMMANDS.iter().map(|c| (*c, flags_of(c))).collect();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (line, text) in command_lines() {
        let text = text.replace("cargo run --release -- ", "bialign ");
        // One line of a synopsis may show two commands.
        for part in text.split("bialign ").skip(1) {
            let Some((command, flags)) = known
                .iter()
                .find(|(c, _)| part.starts_with(&format!("{c} ")))
            else {
                continue;
            };
            // Comments (after #) and the Spark script's own options are not bialign's.
            let part = part.split(" # ").next().unwrap();
            for flag in long_flags(part) {
                checked += 1;
                if !flags.contains(&flag) && flag != "--help" {
                    wrong.push(format!("README.md:{line}: bialign {command} has no {flag}"));
                }
            }
        }
    }
    assert!(
        checked > 40,
        "only {checked} flags found in the README's commands"
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The examples under "Output formats": each is (an excerpt of) what the command above them
/// prints in that format.
#[test]
fn format_examples_are_what_align_prints() {
    let blocks = blocks();
    let command = blocks
        .iter()
        .find(|b| b.info == "sh" && b.body.contains("--format FORMAT"))
        .expect("the formats' command");
    let sandbox = Sandbox::new();
    let mut seen = Vec::new();
    for format in ["csv", "tsv", "jsonl", "tmx", "beads", "terminal"] {
        let example = blocks
            .iter()
            .find(|b| b.section == format && b.info != "sh")
            .unwrap_or_else(|| panic!("no example under #### {format}"));
        let mut line = command.body.trim().replace("FORMAT", format);
        if format == "terminal" {
            // The example's width is its rule's.
            let width = example
                .body
                .lines()
                .map(|l| l.chars().filter(|&c| c == '─').count())
                .max()
                .unwrap();
            line = format!("COLUMNS={width} {line} --color never");
        }
        let out = sandbox.run(&line);
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let actual = String::from_utf8(out.stdout).unwrap();
        assert!(
            is_excerpt(&example.body, &actual),
            "README.md:{}: the {format} example is not what `{line}` prints:\n{actual}",
            example.line
        );
        seen.push(format);
    }
    assert_eq!(seen.len(), 6);
}

#[test]
fn the_moses_example_writes_the_files_shown() {
    let blocks = blocks();
    let k = blocks
        .iter()
        .position(|b| b.info == "sh" && b.body.contains("--format moses"))
        .expect("the moses example");
    let sandbox = Sandbox::new();
    let out = sandbox.run(blocks[k].body.trim());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (block, file) in blocks[k + 1..k + 3].iter().zip(["corpus.zh", "corpus.en"]) {
        assert!(
            block.before.contains(&format!("`{file}`")),
            "README.md:{}",
            block.line
        );
        assert!(
            sandbox.read(file).starts_with(&block.body),
            "README.md:{}: not the first lines of {file}",
            block.line
        );
    }
}

/// `echo … | bialign batch` and what it prints, for every such pair of blocks.
#[test]
fn batch_examples_print_what_the_readme_shows() {
    let blocks = blocks();
    let sandbox = Sandbox::new();
    let mut checked = 0;
    for pair in blocks.windows(2) {
        let (command, shown) = (&pair[0], &pair[1]);
        let line = command.body.trim();
        if command.info != "sh" || !line.ends_with("| bialign batch") || shown.info != "json" {
            continue;
        }
        let out = sandbox.run(line);
        assert!(out.status.success(), "{line}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            shown.body,
            "README.md:{}: not what `{line}` prints",
            shown.line
        );
        checked += 1;
    }
    assert_eq!(checked, 2);
}

/// Every other command the README gives with real files runs and succeeds. Synopses (with
/// placeholders), cluster jobs (sbatch, spark-submit, GNU parallel: tests/spark.rs and the
/// shard test run what they do) and cargo's own commands are left out.
#[test]
fn the_readmes_example_commands_run() {
    let sandbox = Sandbox::new();
    let mut ran = Vec::new();
    for (line, text) in command_lines() {
        let text = text.trim();
        let runnable = (text.starts_with("bialign ")
            || text.starts_with("cargo run --release -- "))
            && !text.contains(['[', '…', '$', '{'])
            && !text
                .split_whitespace()
                .any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        if !runnable {
            continue;
        }
        let out = sandbox.run(text);
        assert!(
            out.status.success(),
            "README.md:{line}: `{text}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran.push(text.to_owned());
    }
    // The set-up's report, the formats, the batch and learn examples.
    assert!(ran.len() >= 8, "ran only {ran:#?}");
    assert!(sandbox.read("target/ilya-report.html").contains("<html"));
    assert!(sandbox.read("pairs.tsv").lines().count() > 2);
    assert!(sandbox
        .read("table.tsv")
        .starts_with("# bialign-table 1 zh en"));
}

/// The pre-commit hook under "In CI" stops a commit whose staged translation has an error and
/// lets a correct one through.
#[test]
fn the_pre_commit_hook_stops_a_wrong_translation() {
    if Command::new("git").arg("--version").output().is_err() {
        common::skip("git is not installed");
        return;
    }
    let hook = blocks()
        .into_iter()
        .find(|b| b.body.starts_with("#!/usr/bin/env bash") && b.body.contains("git diff --cached"))
        .expect("the pre-commit hook")
        .body;
    let sandbox = Sandbox::new();
    let dir = sandbox.dir.path();
    let git = |args: &str| {
        let out = sandbox.run(&format!(
            "git -c user.name=t -c user.email=t@example.org {args}"
        ));
        assert!(
            out.status.success(),
            "git {args}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git("init -q repo");
    let repo = dir.join("repo");
    std::fs::create_dir_all(repo.join("docs/en")).unwrap();
    std::fs::create_dir_all(repo.join("docs/zh")).unwrap();
    std::fs::write(
        repo.join("docs/en/story.md"),
        "Ilya co-founded OpenAI in 2015 and served as its chief scientist.\n\nHe left in 2024.\n",
    )
    .unwrap();
    let hook_path = repo.join(".git/hooks/pre-commit");
    std::fs::write(&hook_path, &hook).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook_path, std::fs::Permissions::from_mode(0o755)).unwrap();
    let commit = |zh: &str| {
        std::fs::write(repo.join("docs/zh/story.md"), zh).unwrap();
        git("-C repo add -A");
        sandbox.run("cd repo && git -c user.name=t -c user.email=t@example.org commit -q -m t")
    };
    let wrong = commit("伊利亚于2016年参与创立了OpenAI，并担任首席科学家。\n\n他于2024年离开。\n");
    assert_eq!(
        wrong.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("fix the errors above"));
    let right = commit("伊利亚于2015年参与创立了OpenAI，并担任首席科学家。\n\n他于2024年离开。\n");
    assert!(
        right.status.success(),
        "{}",
        String::from_utf8_lossy(&right.stderr)
    );
}
