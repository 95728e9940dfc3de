//! `plan validate`: load a plan folder and check it, producing every finding in one run.

use crate::plan::diagnostic::{Diagnostic, Severity, Tally};
use crate::plan::load::{LoadError, load_with};
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
/// plan's time zone).
pub fn validate(dir: &Path, today: Option<chrono::NaiveDate>) -> Result<Validation, LoadError> {
    // Per-month rules run while the other months are still being read.
    let loaded = load_with(dir, |_, _| true, crate::plan::rules::check_month)?;
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(crate::plan::rules::check_plan_wide(&loaded.plan));
    let today = today.unwrap_or_else(|| crate::plan::rules::today_in(&loaded.plan));
    diagnostics.extend(crate::plan::rules::check_as_of(&loaded.plan, today));
    sort(&mut diagnostics, &loaded.sources);
    Ok(Validation {
        files: loaded.sources.len(),
        sources: loaded.sources,
        diagnostics,
    })
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
