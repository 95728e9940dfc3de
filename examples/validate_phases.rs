//! Where `plan validate`'s time goes, phase by phase, on one thread each so
//! the phases add up: reading the files, the YAML parser alone (into
//! `IgnoredAny`; and of that, the event parser under serde-saphyr),
//! decoding into the model (the typed decode less the parser alone), the
//! rules, and rendering. The whole command's time (which
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

    let events = best_of_three(|| {
        for (_, text) in &texts {
            for event in granit_parser::Parser::new_from_str(text) {
                event.expect("well-formed YAML");
            }
        }
    });
    // The best of three runs each: the decode is the difference of two
    // close figures, which one noisy run would swamp.
    let parse = best_of_three(|| {
        for (_, text) in &texts {
            serde_saphyr::from_str::<serde::de::IgnoredAny>(text).expect("well-formed YAML");
        }
    });
    let typed = best_of_three(|| {
        for (path, text) in &texts {
            decode(path, text);
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
        khairukum::plan::render::Format::Human { color: false },
        khairukum::text::i18n::Lang::En,
    )
    .render(&validation, &mut out)
    .expect("rendered to memory");
    let render = start.elapsed();

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!("phase                         ms  (one thread unless said)");
    println!("read files              {:>8.1}", ms(read));
    println!("YAML parser alone       {:>8.1}", ms(parse));
    println!(
        "  of which its events   {:>8.1}  (granit-parser)",
        ms(events)
    );
    println!(
        "decode into the model   {:>8.1}",
        ms(typed.saturating_sub(parse))
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

/// Decodes a file into its model type, as the loader does.
fn decode(path: &Path, text: &str) {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let in_calendar = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "calendar");
    let ok = if in_calendar {
        serde_saphyr::from_str::<CalendarMonth>(text).is_ok()
    } else {
        match stem.as_deref() {
            Some("plan") => serde_saphyr::from_str::<PlanSettings>(text).is_ok(),
            Some("team") => serde_saphyr::from_str::<Team>(text).is_ok(),
            Some("goals") => serde_saphyr::from_str::<Goals>(text).is_ok(),
            Some("audience") => serde_saphyr::from_str::<Audience>(text).is_ok(),
            Some("platforms") => serde_saphyr::from_str::<Platforms>(text).is_ok(),
            Some("process") => serde_saphyr::from_str::<Process>(text).is_ok(),
            Some("policies") => serde_saphyr::from_str::<Policies>(text).is_ok(),
            _ => true,
        }
    };
    assert!(ok, "{} decodes", path.display());
}
