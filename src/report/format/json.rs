//! JSON: the whole report with stable field names (documented in
//! `docs/report.md`); every figure carries its metric id.

use super::{Report, ReportWriter};
use std::io::{self, Write};

pub(super) struct Json;

impl ReportWriter for Json {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)
    }
}
