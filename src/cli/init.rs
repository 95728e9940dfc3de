//! `khairukum init`: a new plan repository, and what to do next.

use super::args::InitArgs;
use super::error::{Error, Result, SUCCESS};
use khairukum::plan::DEFAULT_FOLDER;
use khairukum::text::i18n::Lang;
use std::io::{self, Write};

pub(crate) fn run(args: &InitArgs, lang: Lang) -> Result<u8> {
    let month = match args.month.as_deref() {
        Some(m) if !m.is_empty() => {
            khairukum::text::dates::Month::parse(m).map_err(|e| Error::Usage(e.text(lang)))?
        }
        _ => khairukum::text::dates::Month::of(chrono::Local::now().date_naive()),
    };
    let written = khairukum::plan::init::scaffold(&args.dir, month, args.force)?;
    let mut out = io::stdout().lock();
    writeln!(out, "Created a plan repository in {}:", args.dir.display())?;
    for path in &written {
        let shown = path.strip_prefix(&args.dir).unwrap_or(path);
        writeln!(out, "  {}", shown.display())?;
    }
    writeln!(
        out,
        "Next: edit plans/*.yaml, then run `khairukum plan validate --plan {}`",
        args.dir.join(DEFAULT_FOLDER).display()
    )?;
    Ok(SUCCESS)
}
