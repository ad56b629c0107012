//! Reports and checks on one very long line a side: anything done once per anchor over the
//! whole bead shows here as time growing with the square of the line's length. Throughput is in
//! bytes of input, so equal throughput at both sizes means linear time.
//!
//! ```text
//! cargo bench --bench reports
//! ```

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use bialign::align::AlignOptions;
use bialign::check::{check, CheckOptions};
use bialign::pipeline::{align_documents, LangChoice};
use bialign::report::format::Format;
use bialign::report::ReportOptions;
use bialign::{Document, Lang, Split};

/// A Chinese line naming people and an English one naming half of them, `names` names long.
fn long_lines(names: usize) -> (String, String) {
    let zh: String = (0..names)
        .map(|i| format!("我们和Wang{}X{i}讨论了问题，", i % 7))
        .collect();
    let en: String = (0..names)
        .map(|i| format!("We talked with Wang{}X{} about it, ", i % 7, i / 2 * 2))
        .collect();
    (format!("{zh}。\n"), format!("{}.\n", en.trim_end()))
}

fn bench_long_lines(c: &mut Criterion) {
    let mut group = c.benchmark_group("long_line");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for names in [2_000, 8_000] {
        let (zh, en) = long_lines(names);
        group.throughput(Throughput::Bytes((zh.len() + en.len()) as u64));
        let result = align_documents(
            Document::from_text("zh.txt", zh.as_str()),
            Document::from_text("en.txt", en.as_str()),
            [LangChoice::Fixed(Lang::ZH), LangChoice::Fixed(Lang::EN)],
            Split::Auto,
            &AlignOptions::default(),
        );
        group.bench_with_input(BenchmarkId::new("check", names), &names, |b, _| {
            b.iter(|| check(&result, &CheckOptions::default()))
        });
        group.bench_with_input(BenchmarkId::new("csv", names), &names, |b, _| {
            b.iter(|| {
                let mut out = Vec::new();
                Format::Csv
                    .write(&mut out, &result.pair, &ReportOptions::default())
                    .unwrap();
                out
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_long_lines);
criterion_main!(benches);
