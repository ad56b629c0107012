//! The HTML report in a real browser (headless Chromium): the bundled corpus renders with every
//! sentence of both files and header counts that match its rows, text that is markup in a
//! hostile input stays text, and `check`'s page marks the rows of its findings. A screenshot of the corpus report is left at
//! `target/report-screenshot.png` to look at.
//!
//! Chromium comes from Debian's `chromium` package (`.ci/run` installs it). Without it the tests
//! say so and pass, except under CI, where a missing browser is a failure.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bialign::align::AlignOptions;
use bialign::check::format::html::{kind_id as finding_kind_id, HAS_FINDING};
use bialign::check::{self, CheckOptions};
use bialign::pipeline::{self, LangChoice, PairRequest};
use bialign::render::html::alignment::kind_id;
use bialign::{Lang, Split};
use common::bialign;

const CORPUS: &str = "corpora/ilya-stanford";

fn find_chromium() -> Option<PathBuf> {
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file())
}

/// The browser, or `None` after saying why the test does not run.
fn chromium_or_skip() -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        common::skip("no Chromium found (install Debian's chromium package; .ci/run does this)");
    }
    found
}

/// Run headless Chromium on a local file with `extra` flags, and return its standard output.
fn chromium(browser: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Read stdout on a thread so a large DOM cannot fill the pipe while we wait.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

/// The rendered DOM, after giving any script a second to run.
fn rendered_dom(browser: &Path, page: &Path) -> String {
    let dom = chromium(browser, page, &["--virtual-time-budget=1000", "--dump-dom"]);
    assert!(dom.contains("</html>"), "no DOM dumped");
    dom
}

/// The text of an HTML fragment: tags removed, entities decoded, white space squeezed.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(k) = rest.find('<') {
        text.push_str(&rest[..k]);
        rest = &rest[k..];
        rest = &rest[rest.find('>').map_or(rest.len(), |e| e + 1)..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    squeeze(&text)
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<title>…</title>` of a DOM.
fn title(dom: &str) -> &str {
    let start = dom.find("<title>").expect("a title") + "<title>".len();
    &dom[start..start + dom[start..].find("</title>").unwrap()]
}

/// The counts the header prints: `data-count-of="kind-1-0">12<`.
fn header_counts(dom: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for piece in dom.split("data-count-of=\"").skip(1) {
        let key = &piece[..piece.find('"').unwrap()];
        let after = &piece[piece.find('>').unwrap() + 1..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        counts.insert(key.to_string(), digits.parse().unwrap());
    }
    counts
}

/// The class attribute of every bead row in the DOM.
fn row_classes(dom: &str) -> Vec<String> {
    dom.split("<tr id=\"b")
        .skip(1)
        .map(|row| {
            let c = &row[row.find("class=\"").unwrap() + 7..];
            c[..c.find('"').unwrap()].to_string()
        })
        .collect()
}

fn screenshot_path() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp: put the artifact at the top of the target folder.
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("report-screenshot.png")
}

#[test]
fn the_corpus_report_renders_every_sentence_and_true_counts() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("ilya.html");
    let (zh, en) = (
        Path::new(CORPUS).join("zh.txt"),
        Path::new(CORPUS).join("en.txt"),
    );
    bialign()
        .args(["align", "--quiet", "--src-lang", "zh", "--tgt-lang", "en"])
        .arg(&zh)
        .arg(&en)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    // The same alignment through the library, to hold the page to.
    let options = AlignOptions::default();
    let result = pipeline::align_files(&PairRequest {
        src: &zh,
        tgt: &en,
        src_lang: LangChoice::Fixed(Lang::ZH),
        tgt_lang: LangChoice::Fixed(Lang::EN),
        split: Split::Auto,
        options: &options,
    })
    .unwrap();
    let pair = &result.pair;

    let dom = rendered_dom(&browser, &page);
    assert!(title(&dom).ends_with("· bialign"), "{}", title(&dom));

    // Every sentence of both files is on the page, as text.
    let text = text_of(&dom[dom.find("<body").unwrap()..]);
    for side in [&pair.src, &pair.tgt] {
        for s in &side.sentences {
            assert!(
                text.contains(&squeeze(&s.text)),
                "{} line {}: {:?} missing",
                side.name,
                s.line,
                s.text
            );
        }
        let cell = if side.lang == Lang::ZH {
            "<td class=\"src\""
        } else {
            "<td class=\"tgt\""
        };
        let shown: usize = dom
            .split(cell)
            .skip(1)
            .map(|c| {
                c[..c.find("</td>").unwrap()]
                    .matches("<span class=\"t\">")
                    .count()
            })
            .sum();
        assert_eq!(
            shown,
            side.sentences.len(),
            "{}: one text span per sentence",
            side.name
        );
    }

    // The header's counts are the rows' counts and the alignment's.
    let counts = header_counts(&dom);
    let rows = row_classes(&dom);
    let summary = pair.summary();
    assert_eq!(counts["all"], rows.len());
    assert_eq!(counts["all"], pair.alignment.beads.len());
    for (kind, n) in &summary.kinds {
        let id = kind_id(*kind);
        let in_rows = rows
            .iter()
            .filter(|c| c.split(' ').any(|w| w == id))
            .count();
        assert_eq!(counts[&id], *n, "{id}");
        assert_eq!(in_rows, *n, "{id} rows");
    }
    let with = |class: &str| {
        rows.iter()
            .filter(|c| c.split(' ').any(|w| w == class))
            .count()
    };
    assert_eq!(counts["flagged"], summary.flagged);
    assert_eq!(with("flagged"), summary.flagged);
    assert_eq!(counts["low"], summary.low_confidence);
    assert_eq!(with("low"), summary.low_confidence);
    let kinds_total: usize = summary.kinds.iter().map(|(_, n)| n).sum();
    assert_eq!(kinds_total, rows.len());

    // The artifact to look at.
    let shot = screenshot_path();
    let _ = std::fs::remove_file(&shot);
    chromium(
        &browser,
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
    println!("screenshot: {}", shot.display());
}

#[test]
fn markup_in_the_texts_stays_text_in_the_browser() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The file names are hostile too: they go into the title, the header and every cell.
    let src = dir.path().join("<b>source.txt");
    let tgt = dir.path().join("target'\"<i>.txt");
    let attack = "<script>document.title='pwned'</script>";
    let image = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
    std::fs::write(
        &src,
        format!("他在网页里写下{attack}这样的代码。\n\n然后又加上{image}看看会怎样。\n\n最后一切正常。\n"),
    )
    .unwrap();
    std::fs::write(
        &tgt,
        format!("He wrote {attack} into the page.\n\nThen he added {image} to see what happens.\n\nIn the end all was well.\n"),
    )
    .unwrap();
    let page = dir.path().join("hostile.html");
    bialign()
        .args(["align", "--quiet", "--src-lang", "zh", "--tgt-lang", "en"])
        .arg(&src)
        .arg(&tgt)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();

    let dom = rendered_dom(&browser, &page);
    assert!(
        !title(&dom).contains("pwned"),
        "the injected script ran: {}",
        title(&dom)
    );
    assert!(title(&dom).ends_with("· bialign"));
    let body_tag = &dom[dom.find("<body").unwrap()..];
    let body_tag = &body_tag[..body_tag.find('>').unwrap()];
    assert!(
        !body_tag.contains("data-pwned"),
        "the injected onerror ran: {body_tag}"
    );
    let lower = dom.to_lowercase();
    assert!(
        !lower.contains("<script"),
        "a script element reached the DOM"
    );
    assert!(!lower.contains("<img"), "an img element reached the DOM");
    assert!(
        !lower.contains("<b>source") && !lower.contains("<i>.txt"),
        "a file name became markup"
    );
    let text = text_of(&dom);
    assert!(text.contains(attack), "the script shows as text");
    assert!(
        text.contains(&squeeze(image)),
        "the image tag shows as text"
    );
    assert!(
        text.contains("<b>source.txt"),
        "the file name shows as text"
    );
}

#[test]
fn the_check_report_marks_the_rows_of_its_findings() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("check.html");
    let (zh, en) = (
        Path::new(CORPUS).join("zh.txt"),
        Path::new(CORPUS).join("en.edited.txt"),
    );
    bialign()
        .args(["check", "--quiet", "--src-lang", "zh", "--tgt-lang", "en"])
        .args(["--format", "html", "--fail-on", "never"])
        .arg(&zh)
        .arg(&en)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    // The same check through the library, to hold the page to.
    let options = AlignOptions::default();
    let request = PairRequest {
        src: &zh,
        tgt: &en,
        src_lang: LangChoice::Fixed(Lang::ZH),
        tgt_lang: LangChoice::Fixed(Lang::EN),
        split: Split::Auto,
        options: &options,
    };
    let (_, report) = check::check_files(&request, &CheckOptions::default(), None).unwrap();

    let dom = rendered_dom(&browser, &page);
    let counts = header_counts(&dom);
    let rows = row_classes(&dom);
    let with = |class: &str| {
        rows.iter()
            .filter(|c| c.split(' ').any(|w| w == class))
            .count()
    };
    assert_eq!(counts[HAS_FINDING], with(HAS_FINDING));
    for kind in check::Kind::ALL {
        let n = report.findings.iter().filter(|f| f.kind == kind).count();
        let id = finding_kind_id(kind);
        if n == 0 {
            assert!(!counts.contains_key(&id), "{id}");
            continue;
        }
        assert_eq!(counts[&id], n, "{id}");
        assert!(with(&id) >= 1, "no row marked {id}");
    }
    // Each finding's first row says what it is, in words, next to its text.
    let text = text_of(&dom[dom.find("<table").unwrap()..]);
    for f in &report.findings {
        assert!(
            text.contains(&format!("{} · {}", f.severity.word(), f.kind)),
            "{f:?}"
        );
        assert!(text.contains(&f.message), "{}", f.message);
    }
    let omission = report
        .findings
        .iter()
        .find(|f| f.kind == check::Kind::Omission && f.source.text.contains("ChatGPT花了7年"))
        .expect("the dropped sentence is an omission");
    let row = &dom[dom.find(&format!("<tr id=\"b{}\"", omission.bead)).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("ChatGPT花了7年") && row.contains("error · omission"));
}
