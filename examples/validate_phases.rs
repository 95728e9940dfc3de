//! Where `plan validate`'s time goes, phase by phase, on one thread each so
//! the phases add up: reading the files, the YAML event parser, decoding
//! its events into the model on the lean path (and, for comparison, what
//! the full reader's layer would take instead), the rules, and rendering. The whole command's time (which
//! overlaps the phases on all cores) is measured by `benches/validate.sh`.
//!
//! cargo run --release --example `validate_phases` -- PLAN\_DIR [TODAY]

use khairukum::plan::model::{
    audience::Audience, calendar::CalendarMonth, goals::Goals, platforms::Platforms,
    policies::Policies, process::Process, settings::PlanSettings, team::Team,
};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The allocator the binary runs on, so that the phases cost what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: validate_phases PLAN_DIR [TODAY]"),
    );
    let today = args
        .next()
        .map(|d| d.parse::<chrono::NaiveDate>().expect("TODAY is YYYY-MM-DD"));

    let files = yaml_files(&dir);
    let start = Instant::now();
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (p, text)
        })
        .collect();
    let read = start.elapsed();

    // The best of three runs each: the decode is the difference of two
    // close figures, which one noisy run would swamp.
    let events = best_of_three(|| {
        for (_, text) in &texts {
            for event in granit_parser::Parser::new_from_str(text) {
                event.expect("well-formed YAML");
            }
        }
    });
    let mut lean_files = 0;
    let lean = best_of_three(|| {
        lean_files = texts
            .iter()
            .filter(|(path, text)| decode(path, text, Reader::Lean))
            .count();
    });
    let full = best_of_three(|| {
        for (path, text) in &texts {
            assert!(
                decode(path, text, Reader::Full),
                "{} decodes",
                path.display()
            );
        }
    });

    let start = Instant::now();
    let loaded = khairukum::plan::load::load(&dir).expect("a plan folder");
    let load_all_cores = start.elapsed();

    let start = Instant::now();
    let mut found = khairukum::plan::rules::check(&loaded.plan);
    let today = today.unwrap_or_else(|| khairukum::plan::rules::today_in(&loaded.plan));
    found.extend(khairukum::plan::rules::check_as_of(&loaded.plan, today));
    let rules = start.elapsed();

    let validation = khairukum::plan::validate::validate(&dir, Some(today)).expect("a plan folder");
    let start = Instant::now();
    let mut out = Vec::new();
    khairukum::plan::render::renderer(
        khairukum::plan::render::Format::Human {
            color: false,
            most_per_rule: None,
        },
        khairukum::text::i18n::Lang::En,
    )
    .render(&validation, &mut out)
    .expect("rendered to memory");
    let render = start.elapsed();

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!("phase                         ms  (one thread unless said)");
    println!("read files              {:>8.1}", ms(read));
    println!(
        "YAML events             {:>8.1}  (granit-parser, the parser itself)",
        ms(events)
    );
    println!(
        "decode, lean path       {:>8.1}  (events into the model; {lean_files} of {} files)",
        ms(lean.saturating_sub(events)),
        texts.len()
    );
    println!(
        "  full reader instead   {:>8.1}  (serde-saphyr's layer, were every file read by it)",
        ms(full.saturating_sub(events))
    );
    println!(
        "  (loader, all cores    {:>8.1}, with per-file recovery)",
        ms(load_all_cores)
    );
    println!(
        "rules                   {:>8.1}  ({} findings, all cores)",
        ms(rules),
        found.len()
    );
    println!(
        "render (human)          {:>8.1}  ({} findings, {} bytes)",
        ms(render),
        validation.diagnostics.len(),
        out.len()
    );
}

/// The shortest time of three runs of `run`.
fn best_of_three(mut run: impl FnMut()) -> std::time::Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

/// The YAML files of a plan folder: the top level and `calendar/`.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .max_depth(2)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// Which YAML reader decodes.
#[derive(Clone, Copy)]
enum Reader {
    /// `plan::yaml_events`, which gives way on anything unusual.
    Lean,
    /// serde-saphyr, with the loader's settings.
    Full,
}

/// Decodes a file into its model type, as the loader does: whether `reader` read it.
fn decode(path: &Path, text: &str, reader: Reader) -> bool {
    fn read<T: serde::de::DeserializeOwned>(text: &str, reader: Reader) -> bool {
        match reader {
            Reader::Lean => khairukum::plan::yaml_events::decode::<T>(text).is_some(),
            Reader::Full => khairukum::plan::load::decode_full::<T>(text).is_some(),
        }
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let in_calendar = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "calendar");
    if in_calendar {
        return read::<CalendarMonth>(text, reader);
    }
    match stem.as_deref() {
        Some("plan") => read::<PlanSettings>(text, reader),
        Some("team") => read::<Team>(text, reader),
        Some("goals") => read::<Goals>(text, reader),
        Some("audience") => read::<Audience>(text, reader),
        Some("platforms") => read::<Platforms>(text, reader),
        Some("process") => read::<Process>(text, reader),
        Some("policies") => read::<Policies>(text, reader),
        _ => true,
    }
}
