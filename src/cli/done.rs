//! `khairukum done`: settings resolved from the arguments, then the time a
//! task was done checked and written in its month (or shown as a diff).

use super::args::DoneArgs;
use super::error::{Error, Result};
use khairukum::plan::done::{self, Done, TaskRef};
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

pub(crate) struct DoneSettings {
    plan: PathBuf,
    done: Done,
    dry_run: bool,
    lang: Lang,
}

impl DoneSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &DoneArgs) -> Result<Self> {
        let at = match args.at.as_deref() {
            Some(text) => {
                let western = khairukum::text::arabic::western_digits(text.trim());
                Some(
                    khairukum::text::dates::parse_date_time(&western)
                        .map_err(|e| Error::Usage(e.text(lang)))?,
                )
            }
            None => None,
        };
        Ok(DoneSettings {
            plan,
            done: Done {
                task: match (&args.task, &args.item, &args.step) {
                    (Some(task), _, _) => TaskRef::Id(task.trim().to_string()),
                    (None, Some(item), Some(step)) => TaskRef::ItemStep {
                        item: item.clone(),
                        step: step.clone(),
                    },
                    // clap asks for a task, or for an item with its step.
                    _ => return Err(Error::Usage(khairukum::t!("done.which-task").text(lang))),
                },
                at,
                note: args.note.clone(),
            },
            dry_run: args.dry_run,
            lang,
        })
    }
}

pub(crate) fn run(settings: &DoneSettings) -> Result<u8> {
    super::record::record(
        &settings.plan,
        done::plan_edit(&settings.plan, &settings.done, chrono::Utc::now()),
        (settings.dry_run, settings.lang),
        |file| khairukum::t!("done.written", file = file),
    )
}
