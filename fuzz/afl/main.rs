//! The fuzz targets under AFL++: `BIALIGN_FUZZ_TARGET=segment cargo afl fuzz … bialign-afl`.
//! A panic or a broken property aborts the process, which AFL++ saves as a crash.

#[path = "../harness/mod.rs"]
mod harness;

fn main() {
    let name = std::env::var("BIALIGN_FUZZ_TARGET").unwrap_or_default();
    let Some(target) = harness::targets::target(&name) else {
        let names: Vec<&str> = harness::targets::TARGETS.iter().map(|t| t.name).collect();
        eprintln!(
            "set BIALIGN_FUZZ_TARGET to one of {} (it is {name:?})",
            names.join(", ")
        );
        std::process::exit(2);
    };
    afl::fuzz!(|data: &[u8]| {
        (target.run)(data);
    });
}
