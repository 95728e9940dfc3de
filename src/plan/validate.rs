//! `plan validate`: load a plan folder and check it, producing every finding in one run.

use crate::plan::diagnostic::{Diagnostic, Severity, Tally};
use crate::plan::load::{self, Folder, LoadError};
use crate::plan::rules::Context;
use crate::plan::source::FileId;
use crate::plan::source::Sources;
use std::path::Path;

/// The outcome of validating a plan folder.
#[derive(Debug)]
pub struct Validation {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    /// Number of plan files read.
    pub files: usize,
}

impl Validation {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }

    /// True when some file could not be read at all, so the check is incomplete.
    pub fn could_not_read(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| std::ptr::eq(d.rule, &raw const crate::plan::rules::catalog::UNREADABLE))
    }
}

/// Loads and checks the plan in `dir`, as of `today` (default: today in the
/// plan's time zone). Each calendar month is checked as soon as it is read
/// and then let go, keeping only what the rules of the whole calendar need
/// (its items' ids and its tasks' load) and its text when it has findings;
/// so memory grows with the plan's ids, not with its text.
pub fn validate(dir: &Path, today: Option<chrono::NaiveDate>) -> Result<Validation, LoadError> {
    let Folder {
        plan,
        mut sources,
        mut diagnostics,
        calendar,
    } = load::open(dir)?;
    let today = today.unwrap_or_else(|| crate::plan::rules::today_in(&plan));
    let (cx, found) = Context::new(&plan);
    diagnostics.extend(found);
    diagnostics.extend(cx.check_files());
    let checked = crate::parallel::map(&calendar, |job| {
        let read = load::read_month(job);
        let mut found = read.diagnostics;
        let facts = read
            .month
            .as_ref()
            .map(|month| cx.check_month(read.file, month, Some(today), &mut found));
        if let Some(partial) = &read.partial {
            cx.check_items(read.file, partial, Some(today), &mut found);
        }
        let text = if found.is_empty() { None } else { read.text };
        (text, found, facts, read.stamp)
    });
    let mut months = Vec::with_capacity(checked.len());
    let mut stamps = Vec::with_capacity(checked.len());
    for ((text, found, facts, stamp), job) in checked.into_iter().zip(&calendar) {
        if let Some(text) = text {
            sources.set_text(job.file, text);
        }
        diagnostics.extend(found);
        months.extend(facts);
        stamps.push(stamp);
    }
    cx.check_calendar(&months, true, Some(today), &mut diagnostics);
    drop(cx);
    read_again(&mut sources, &diagnostics, &calendar, &stamps);
    sort(&mut diagnostics, &sources);
    Ok(Validation {
        files: sources.len(),
        sources,
        diagnostics,
    })
}

/// The whole calendar's findings (an id defined twice, an unknown `done:`
/// entry) may point into months whose text was let go: those files are read
/// again, unless they changed since (then their findings show no source line).
fn read_again(
    sources: &mut Sources,
    diagnostics: &[Diagnostic],
    calendar: &[load::MonthJob],
    stamps: &[Option<load::Stamp>],
) {
    let wanted: std::collections::BTreeSet<FileId> = diagnostics
        .iter()
        .flat_map(|d| d.span.iter().chain(d.related.iter().map(|r| &r.span)))
        .map(|span| span.file)
        .collect();
    for (job, stamp) in calendar.iter().zip(stamps) {
        if !wanted.contains(&job.file) || !sources.get(job.file).text.is_empty() {
            continue;
        }
        let unchanged = stamp.is_some() && load::Stamp::of(&job.path) == *stamp;
        if let (true, Ok(text)) = (unchanged, std::fs::read_to_string(&job.path)) {
            sources.set_text(
                job.file,
                text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string(),
            );
        }
    }
}

/// Orders findings by file path, then position, then rule: stable output for review and tests.
fn sort(diagnostics: &mut [Diagnostic], sources: &Sources) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.span.map(|s| sources.get(s.file).path.clone()),
                d.span.map(|s| (s.line, s.column)),
                d.rule.code,
                d.severity == Severity::Warning,
            )
        };
        key(a).cmp(&key(b)).then_with(|| {
            // Ties in the English text, whatever the reader's language, so
            // that the order is the same in every language.
            let en = crate::text::i18n::Lang::En;
            a.message.text(en).cmp(&b.message.text(en))
        })
    });
}
