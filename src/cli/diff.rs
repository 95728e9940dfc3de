//! `khairukum plan diff`: both sides of the plan read through git (or the
//! working tree), then what changed, as Markdown or JSON.

use super::args::{DiffArgs, DiffFormat};
use super::error::{Result, SUCCESS};
use khairukum::plan::git;
use khairukum::t;
use khairukum::text::i18n::Lang;
use std::io::{self, Write};
use std::path::Path;

/// `plan diff`: both sides read through git (or the working tree), then
/// compared; the Markdown is in `lang`, the JSON's words in English.
pub(crate) fn run(plan: &Path, args: &DiffArgs, lang: Lang) -> Result<u8> {
    let lang = match args.format {
        DiffFormat::Markdown => lang,
        DiffFormat::Json => Lang::En,
    };
    let cwd = std::env::current_dir()?;
    let repo = git::toplevel(&cwd)?;
    let (_, folder) = git::locate(plan)?;
    let base = match &args.base {
        Some(base) => {
            git::verify(&repo, base)?;
            base.clone()
        }
        None => git::merge_base_with_default(&repo)?,
    };
    let read =
        |revision: &str| -> anyhow::Result<(tempfile::TempDir, khairukum::plan::load::LoadedPlan)> {
            let dir = tempfile::tempdir()?;
            git::verify(&repo, revision)?;
            git::export_folder(&repo, revision, &folder, dir.path())?;
            let loaded = khairukum::plan::load::load(dir.path())?;
            Ok((dir, loaded))
        };
    let (_old_dir, old) = read(&base)?;
    let (_new_dir, new, head_label) = match &args.head {
        Some(head) => {
            let (dir, loaded) = read(head)?;
            (Some(dir), loaded, head.clone())
        }
        None => (
            None,
            khairukum::plan::load::load(plan)?,
            t!("diff.working-tree").text(lang),
        ),
    };
    let today = args
        .today
        .unwrap_or_else(|| khairukum::plan::rules::today_in(&new.plan));
    let changes = khairukum::plan::diff::diff(&old.plan, &new.plan, today);
    let base_label = if args.base.is_some() {
        base.clone()
    } else {
        t!("diff.merge-base", revision = &base[..base.len().min(12)]).text(lang)
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        DiffFormat::Markdown => out.write_all(
            khairukum::plan::diff::markdown(&changes, &base_label, &head_label, lang).as_bytes(),
        )?,
        DiffFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({"base": base_label, "head": head_label, "changes": changes}),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(SUCCESS)
}
