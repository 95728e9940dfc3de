//! Findings as data: every problem the validator finds is a [`Diagnostic`],
//! rendered later by whichever output format the user asked for.

use crate::plan::source::FileId;
use crate::text::i18n::Msg;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A validation rule: its stable code, a short name and what it checks.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

/// A place in a plan file. Lines and columns are 1-based; columns count
/// Unicode scalar values (characters), so they are right on Arabic lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
    /// Byte offset of the start in the file's text.
    pub byte_start: usize,
    /// Length in bytes (may be 0 for a point).
    pub byte_len: usize,
}

impl Span {
    /// A span covering a whole file's first position (for file-level findings).
    pub fn file_start(file: FileId) -> Span {
        Span {
            file,
            line: 1,
            column: 1,
            byte_start: 0,
            byte_len: 0,
        }
    }

    /// Converts a location reported by the YAML parser.
    pub fn from_yaml(file: FileId, at: &crate::plan::source::At) -> Span {
        Span {
            file,
            line: at.line,
            column: at.column,
            byte_start: at.byte as usize,
            byte_len: at.len as usize,
        }
    }
}

/// A secondary place that helps explain a finding ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: Msg,
}

/// One finding: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub rule: &'static Rule,
    pub message: Msg,
    /// Where the problem is; `None` only for findings about the plan as a whole.
    pub span: Option<Span>,
    /// A short label shown under the source line.
    pub label: Option<Msg>,
    pub related: Vec<Related>,
    pub help: Option<Msg>,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity.
    pub fn new(rule: &'static Rule, message: Msg) -> Self {
        Diagnostic {
            severity: rule.severity,
            rule,
            message,
            span: None,
            label: None,
            related: Vec::new(),
            help: None,
        }
    }

    #[must_use]
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn label(mut self, label: Msg) -> Self {
        self.label = Some(label);
        self
    }

    #[must_use]
    pub fn related(mut self, span: Span, message: Msg) -> Self {
        self.related.push(Related { span, message });
        self
    }

    #[must_use]
    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    #[must_use]
    pub fn maybe_help(mut self, help: Option<Msg>) -> Self {
        self.help = help;
        self
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Tally {
        let mut tally = Tally::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
            }
        }
        tally
    }
}

/// "did you mean `x`?" for a near miss among `candidates`.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Msg> {
    closest(word, candidates).map(|c| crate::t!("did-you-mean", word = c))
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_len = word.chars().count();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(word, candidate);
        let distance = strsim::levenshtein(word, candidate);
        let close = score >= 0.8 || distance <= (word_len / 3).max(1);
        if close && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_miss_and_nothing_for_a_stranger() {
        let goals = ["strengthen-image", "reach-audiences"];
        assert_eq!(closest("strengthen-imag", goals), Some("strengthen-image"));
        assert_eq!(closest("reach-audience", goals), Some("reach-audiences"));
        assert_eq!(closest("budget", goals), None);
    }

    #[test]
    fn tally_counts_by_severity() {
        let rule = &crate::plan::rules::catalog::DUPLICATE_ID;
        let mut warn = Diagnostic::new(rule, crate::t!("verbatim", text = "w"));
        warn.severity = Severity::Warning;
        let all = [
            Diagnostic::new(rule, crate::t!("verbatim", text = "e")),
            warn,
            Diagnostic::new(rule, crate::t!("verbatim", text = "e2")),
        ];
        assert_eq!(
            Tally::of(&all),
            Tally {
                errors: 2,
                warnings: 1
            }
        );
    }
}
