//! What each fuzz target does with one input. Shared, by `#[path]`, by the
//! targets under `fuzz/fuzz_targets/` (cargo-fuzz, nightly) and by the
//! ordinary test that replays the corpus and every crash found
//! (`tests/integration/fuzz_corpus.rs`, stable, in CI): one definition.
//!
//! Each function panics only where the library does, or where one of the
//! properties it checks does not hold.

#![allow(dead_code)] // Each target uses one of these; the replaying test uses all but `scratch`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A folder of this process for the files an input is written to (the
/// fuzz targets'; the replaying test passes a temporary folder of its own).
#[allow(dead_code)]
pub(crate) fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("khairukum-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fn month() -> khairukum::text::dates::Month {
    khairukum::text::dates::Month {
        year: 2026,
        month: 11,
    }
}

/// The first byte picks a file of a new plan (`khairukum init`'s), the rest
/// replaces its text; the plan is validated, its tasks derived.
pub(crate) fn plan_file(scratch: &Path, data: &[u8]) {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let files = khairukum::plan::init::files(
        month(),
        chrono_tz::Asia::Riyadh,
        &khairukum::plan::init::Pin::of_this_build(),
    );
    let chosen = usize::from(pick) % files.len();
    let root = scratch.join("plan");
    let _ = std::fs::remove_dir_all(&root);
    for (k, (path, content)) in files.iter().enumerate() {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a plan file is in a folder"))
            .expect("a plan folder");
        let bytes = if k == chosen {
            text
        } else {
            content.as_bytes()
        };
        std::fs::write(&path, bytes).expect("a plan file");
    }
    let plan_dir = root.join("plans");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 15);
    if let Ok(validation) = khairukum::plan::validate::validate(&plan_dir, today) {
        // Every finding points inside the file it names (a file that is not
        // text keeps no text, and its finding names a place in its bytes).
        for d in &validation.diagnostics {
            if let Some(span) = d.span {
                let source = validation.sources.get(span.file);
                if source.text.is_empty() {
                    continue;
                }
                assert!(span.byte_start <= source.text.len(), "{}", source.path);
                let lines = source.text.lines().count().max(1);
                assert!(
                    span.line as usize <= lines + 1,
                    "{}: line {} of {lines}",
                    source.path,
                    span.line
                );
            }
        }
    }
    if let Ok(loaded) = khairukum::plan::load::load(&plan_dir) {
        let _ = khairukum::plan::tasks::derive(&loaded.plan);
    }
}

/// The input is one export file (`.csv`); it is imported and checked.
pub(crate) fn export_file(scratch: &Path, data: &[u8]) {
    let root = scratch.join("exports");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("an exports folder");
    std::fs::write(root.join("export.csv"), data).expect("an export file");
    let options = khairukum::exports::Options {
        window: None,
        detail: None,
        time_zone: chrono_tz::Asia::Riyadh,
        year_anchor: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        date_order: None,
        accounts: Vec::new(),
        by_hand: Vec::new(),
    };
    let imported = khairukum::exports::import_dir(&root, &options).expect("the folder is readable");
    let read: Vec<&str> = imported.files.iter().map(|f| f.path.as_str()).collect();
    let _ = khairukum::exports::findings::findings(&imported.problems, &read);
}

/// The input is a post's text: X's counter and extractors, and what must hold of them.
pub(crate) fn post_text(_scratch: &Path, data: &[u8]) {
    use khairukum::text::{post_text, x};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = x::parse(text, &x::Config::V3);
    let characters = text.chars().count();
    let mut previous_end = 0;
    for url in x::urls(text) {
        assert!(url.start >= previous_end && url.start < url.end && url.end <= characters);
        let shown: String = text
            .chars()
            .skip(url.start)
            .take(url.end - url.start)
            .collect();
        assert_eq!(shown, url.text);
        previous_end = url.end;
    }
    previous_end = 0;
    for tag in x::hashtags(text) {
        assert!(tag.start >= previous_end && tag.start < tag.end && tag.end <= characters);
        // A hashtag found in a text is a hashtag on its own.
        assert!(
            x::is_valid_hashtag(&format!("#{}", tag.text)),
            "{}",
            tag.text
        );
        previous_end = tag.end;
    }
    // The quick bound the validator uses never lets a long text pass.
    for limit in [0, 1, 23, 140, 280] {
        if post_text::surely_within(post_text::Counting::XWeighted, text, limit) {
            assert!(parsed.weighted_length <= limit, "{limit}");
        }
    }
    assert!(parsed.valid_range.1 <= parsed.display_range.1 || !parsed.valid);
}

/// The input is a plan file's text: whatever the lean YAML path reads, as
/// each of the plan's files, the full reader reads the same, places included.
pub(crate) fn lean_reader(_scratch: &Path, data: &[u8]) {
    use khairukum::plan::model::{
        audience::Audience, calendar::CalendarMonth, goals::Goals, platforms::Platforms,
        policies::Policies, process::Process, settings::PlanSettings, team::Team,
    };
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    lean_agrees::<CalendarMonth>(text);
    lean_agrees::<PlanSettings>(text);
    lean_agrees::<Team>(text);
    lean_agrees::<Goals>(text);
    lean_agrees::<Audience>(text);
    lean_agrees::<Platforms>(text);
    lean_agrees::<Process>(text);
    lean_agrees::<Policies>(text);
}

/// Whether the lean path read `text` as `T`; when it did, the full reader
/// read the same value.
pub(crate) fn lean_agrees<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> bool {
    let Some(lean) = khairukum::plan::yaml_events::decode::<T>(text) else {
        return false;
    };
    let full = khairukum::plan::load::decode_full::<T>(text)
        .unwrap_or_else(|| panic!("the full reader refuses what the lean path read:\n{text}"));
    assert_eq!(format!("{lean:?}"), format!("{full:?}"), "{text}");
    true
}

/// The bytes as a month file read in pieces (`month_pieces`): when they
/// are read so, the whole file reads as the same month, places apart.
pub(crate) fn month_pieces(_scratch: &Path, data: &[u8]) {
    pieces_agree(data);
}

/// Whether the bytes were read in pieces; when they were, the month read
/// whole is the same, its lines and bytes apart (each piece is read alone).
pub(crate) fn pieces_agree(data: &[u8]) -> bool {
    let name = Path::new("calendar/2026-11.yaml");
    let Some(text) = khairukum::plan::load::month_text(data.to_vec()) else {
        return false;
    };
    let Some(pieces) = khairukum::plan::month_pieces::read(name, &text) else {
        return false;
    };
    let whole = khairukum::plan::load::decode_month(name, data.to_vec())
        .unwrap_or_else(|| panic!("the whole file is refused, its pieces read:\n{text}"));
    let (whole, pieces) = (
        without_places(&format!("{whole:?}")),
        without_places(&format!("{pieces:?}")),
    );
    assert_eq!(whole, pieces, "{text}");
    true
}

/// A value's debug text with every line and byte number taken out.
fn without_places(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(at) = ["line: ", "byte: "]
        .iter()
        .filter_map(|k| rest.find(k).map(|i| i + k.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = rest[at..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// The bytes as an ad workbook (`2026-11/ads.xlsx`) read by the ad reader:
/// whatever they are, it ends, within its bounds, and a file it cannot use
/// is a problem of its own, never rows and silence.
pub(crate) fn ad_workbook(scratch: &Path, data: &[u8]) {
    let dir = scratch.join("ads");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2026-11")).expect("a scratch folder");
    std::fs::write(dir.join("2026-11/ads.xlsx"), data).expect("a workbook");
    let spend =
        khairukum::exports::ads::read(&khairukum::exports::folder::inventory_of(&dir).unwrap());
    assert!(spend.files.len() <= 1);
    if spend.files.is_empty() {
        assert_eq!(spend.problems.len(), 1, "a workbook left out unsaid");
        assert!(spend.rows.is_empty());
    }
    for row in &spend.rows {
        assert!(row.spend.is_finite());
        assert!(row.from <= row.to);
    }
}

/// The bytes as what `git log` printed for the folder `plans`: read or
/// refused, never a path that leaves the folder.
pub(crate) fn git_log(_scratch: &Path, data: &[u8]) {
    let Ok(commits) = khairukum::plan::git::parse_log(data, "plans") else {
        return;
    };
    for commit in &commits {
        for (path, _) in &commit.changes {
            assert!(
                path.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{} leaves the folder",
                path.display()
            );
            assert!(path.components().next().is_some(), "an empty path");
        }
    }
}
