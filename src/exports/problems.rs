//! What went wrong in an export, located to its file and line, and what it
//! cost: a value, a row or the whole file.

use crate::plan::diagnostic::Rule;
use crate::t;
use crate::text::i18n::{Lang, Msg};

/// Whether a problem cost a file or only a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The file was not used.
    FileSkipped,
    /// The row was not used.
    RowSkipped,
    /// The cell was read as missing.
    ValueMissing,
    /// Values were read on an assumption the file could not confirm.
    Assumed,
}

impl Decision {
    /// What was done, in words.
    pub fn words(self) -> Msg {
        match self {
            Decision::FileSkipped => t!("export.file-skipped"),
            Decision::RowSkipped => t!("export.row-skipped"),
            Decision::ValueMissing => t!("export.value-missing"),
            Decision::Assumed => t!("export.assumed"),
        }
    }
}

/// A located problem in an export: a finding of the rule catalog
/// (`KH100`–`KH109`), as plan problems are.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub rule: &'static Rule,
    pub path: String,
    pub line: Option<u64>,
    /// The column's name in the export's header.
    pub column: Option<String>,
    /// The column's place in the record (0-based), to locate the cell.
    pub field: Option<u32>,
    pub message: Msg,
    pub decision: Decision,
}

impl Problem {
    /// `path:line [column]: KH105 message (decision)`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use std::fmt::Write as _;
        let mut out = self.path.clone();
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
        }
        if let Some(column) = &self.column {
            let _ = write!(out, " [{column}]");
        }
        let decision = self.decision.words();
        let _ = write!(
            out,
            ": {} {} ({})",
            self.rule.code,
            self.message.text(lang),
            decision.text(lang)
        );
        out
    }
}

/// In English, as JSON and CSV carry it.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
