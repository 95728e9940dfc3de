//! `khairukum schema`: the JSON Schemas of the plan files, written to a folder.

use super::error::{Result, SUCCESS};
use anyhow::Context as _;
use std::io::{self, Write};
use std::path::Path;

pub(crate) fn run(output: &Path) -> Result<u8> {
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create `{}`", output.display()))?;
    let mut out = io::stdout().lock();
    for (name, schema) in khairukum::plan::schema::all() {
        let path = output.join(format!("{name}.schema.json"));
        let text = khairukum::plan::schema::text(&schema);
        khairukum::output::write_atomic(&path, |w| w.write_all(text.as_bytes()))
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(SUCCESS)
}
