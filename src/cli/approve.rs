//! `khairukum approve`: settings resolved from the arguments, then the
//! approval checked and written on record (or shown as a diff).

use super::args::ApproveArgs;
use super::error::{Error, Result, SUCCESS};
use khairukum::plan::approve::{self, Approval, Refused, Target};
use khairukum::plan::render::{self, Format};
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use std::io::Write as _;
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
    let lang = settings.lang;
    let refused = |why: Refused| -> Error {
        match why {
            Refused::Load(e) => Error::Run(anyhow::anyhow!("{e}")),
            Refused::Said(message) => Error::Usage(message.text(lang)),
            Refused::NewProblems(validation) => {
                let mut shown = Vec::new();
                let format = Format::Human {
                    color: false,
                    most_per_rule: Some(render::MOST_SHOWN_PER_RULE),
                };
                let _ = render::renderer(format, lang).render(&validation, &mut shown);
                Error::Run(anyhow::anyhow!(
                    "{}\n\n{}",
                    khairukum::t!("approve.would-add-problems").text(lang),
                    String::from_utf8_lossy(&shown).trim_end()
                ))
            }
        }
    };
    let (path, edited) = approve::plan_edit(&settings.plan, &settings.approval).map_err(refused)?;
    approve::new_problems(&settings.plan, &path, &edited, None).map_err(refused)?;
    let diff = khairukum::plan::edit::diff(&edited.shown, &edited.before, &edited.after);
    let mut out = std::io::stdout().lock();
    if settings.dry_run {
        out.write_all(diff.as_bytes())
            .map_err(anyhow::Error::from)?;
        return Ok(SUCCESS);
    }
    // The file as it was read, or nothing: an edit made meanwhile is kept.
    let now = std::fs::read_to_string(&path).map_err(anyhow::Error::from)?;
    if now != edited.before {
        let said = khairukum::t!("approve.changed-meanwhile", file = &edited.shown).text(lang);
        return Err(Error::Run(anyhow::anyhow!(said)));
    }
    khairukum::output::write_atomic(&path, |w| w.write_all(edited.after.as_bytes()))
        .map_err(anyhow::Error::from)?;
    let said = khairukum::t!("approve.written", file = &edited.shown).text(lang);
    writeln!(out, "{said}\n{diff}").map_err(anyhow::Error::from)?;
    Ok(SUCCESS)
}
