//! What the commands that record the work share: an edit refused in the
//! reader's words, shown as a diff, or written whole once checked.

use super::error::{Error, Result, SUCCESS};
use khairukum::plan::edit::{Edited, Refused};
use khairukum::plan::render::{self, Format};
use khairukum::text::i18n::{Lang, Msg};
use std::io::Write as _;
use std::path::Path;

/// Why an edit was refused, as the command ends.
pub(crate) fn refused(why: Refused, lang: Lang) -> Error {
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
                khairukum::t!("record.would-add-problems").text(lang),
                String::from_utf8_lossy(&shown).trim_end()
            ))
        }
    }
}

/// Records an edit planned by the library (`planned`), saying `written`
/// of its file: refused, shown or written as [`apply`] does.
pub(crate) fn record(
    plan: &Path,
    planned: std::result::Result<(std::path::PathBuf, Edited), Refused>,
    (dry_run, lang): (bool, Lang),
    written: fn(&str) -> Msg,
) -> Result<u8> {
    let (path, edited) = planned.map_err(|why| refused(why, lang))?;
    apply(
        plan,
        (&path, &edited),
        dry_run,
        &written(&edited.shown),
        lang,
    )
}

/// Checks `edited` (of the file at `path` in the plan folder `plan`)
/// against the rules, then prints its diff (`dry_run`) or writes it
/// atomically (refused if the file changed since it was read) and says
/// `written` with the diff.
fn apply(
    plan: &Path,
    (path, edited): (&Path, &Edited),
    dry_run: bool,
    written: &Msg,
    lang: Lang,
) -> Result<u8> {
    khairukum::plan::edit::new_problems(plan, path, edited, None)
        .map_err(|why| refused(why, lang))?;
    let diff = khairukum::plan::edit::diff(&edited.shown, &edited.before, &edited.after);
    let mut out = std::io::stdout().lock();
    if dry_run {
        out.write_all(diff.as_bytes())
            .map_err(anyhow::Error::from)?;
        return Ok(SUCCESS);
    }
    // The file as it was read, or nothing: an edit made meanwhile is kept.
    let now = std::fs::read_to_string(path).map_err(anyhow::Error::from)?;
    if now != edited.before {
        let said = khairukum::t!("record.changed-meanwhile", file = &edited.shown).text(lang);
        return Err(Error::Run(anyhow::anyhow!(said)));
    }
    khairukum::output::write_atomic(path, |w| w.write_all(edited.after.as_bytes()))
        .map_err(anyhow::Error::from)?;
    writeln!(out, "{}\n{diff}", written.text(lang)).map_err(anyhow::Error::from)?;
    Ok(SUCCESS)
}
