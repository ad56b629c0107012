//! Alignment and segmentation throughput on synthetic document pairs built from the bundled corpus
//! (`benches/common/synthetic.rs`): 1k, 10k and 100k source sentences, about as many target
//! sentences. Throughput counts the sentences of both sides.
//!
//! ```text
//! cargo bench --bench align
//! cargo bench --bench align -- 'align/100000'
//! ```
//!
//! Peak memory is not something criterion measures: see `examples/align_memory.rs`.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use bialign::align::{align, AlignOptions};
use bialign::segment;
use bialign::{Document, Lang};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 1;

fn bench_align(c: &mut Criterion) {
    let corpus = synthetic::load_corpus();
    let options = AlignOptions::default();
    let mut group = c.benchmark_group("align");
    for size in SIZES {
        let doc = synthetic::build(&corpus, size, SEED);
        let (src, tgt) = (doc.src_refs(), doc.tgt_refs());
        group.throughput(Throughput::Elements((src.len() + tgt.len()) as u64));
        if size >= 100_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(60));
        } else if size >= 10_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(15));
        } else {
            group
                .sample_size(20)
                .measurement_time(Duration::from_secs(5));
        }
        group.bench_with_input(BenchmarkId::from_parameter(size), &size, |b, _| {
            b.iter(|| align(&src, &tgt, Lang::ZH, Lang::EN, &options))
        });
    }
    group.finish();
}

fn bench_segment(c: &mut Criterion) {
    // The running text of the corpus, repeated: paragraphs as they come, not one sentence a line.
    let read = |name: &str| {
        std::fs::read_to_string(synthetic::corpus_dir().join(name)).expect("corpus text")
    };
    let (zh, en) = (read("zh.txt"), read("en.txt"));
    let mut group = c.benchmark_group("segment");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (lang, text) in [(Lang::ZH, &zh), (Lang::EN, &en)] {
        // About 100k sentences.
        let copies = 100_000
            / segment::segment(&Document::from_text("t", text.as_str()), lang)
                .len()
                .max(1);
        let big = Document::from_text("big", format!("{}\n\n", text.trim_end()).repeat(copies));
        let sentences = segment::segment(&big, lang).len();
        group.throughput(Throughput::Elements(sentences as u64));
        group.bench_function(BenchmarkId::new(lang.code(), sentences), |b| {
            b.iter(|| segment::segment(&big, lang))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_align, bench_segment);
criterion_main!(benches);
