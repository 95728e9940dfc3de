//! `khairukum approve`: settings resolved from the arguments, then the
//! approval checked and written on record (or shown as a diff).

use super::args::ApproveArgs;
use super::error::{Error, Result};
use khairukum::plan::approve::{self, Approval, Target};
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

pub(crate) struct ApproveSettings {
    plan: PathBuf,
    approval: Approval,
    dry_run: bool,
    lang: Lang,
}

impl ApproveSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &ApproveArgs) -> Result<Self> {
        let target = match args.month.as_deref() {
            Some(month) => {
                Target::Month(Month::parse(month).map_err(|e| Error::Usage(e.text(lang)))?)
            }
            None => Target::Plan,
        };
        // The day as written (a Hijri day stays Hijri), read as the plan reads it.
        let on = match args.on.as_deref().map(str::trim) {
            Some(text) => {
                let western = khairukum::text::arabic::western_digits(text);
                khairukum::text::dates::parse_date(&western)
                    .map_err(|e| Error::Usage(e.text(lang)))?;
                western.into_owned()
            }
            None => chrono::Local::now().date_naive().to_string(),
        };
        Ok(ApproveSettings {
            plan,
            approval: Approval {
                target,
                by: args.by.trim().to_string(),
                on,
                note: args.note.clone().filter(|n| !n.trim().is_empty()),
            },
            dry_run: args.dry_run,
            lang,
        })
    }
}

pub(crate) fn run(settings: &ApproveSettings) -> Result<u8> {
    super::record::record(
        &settings.plan,
        approve::plan_edit(&settings.plan, &settings.approval),
        (settings.dry_run, settings.lang),
        |file| khairukum::t!("approve.written", file = file),
    )
}
