//! Markdown for a pull request's job summary (`GITHUB_STEP_SUMMARY`): the
//! counts, then every finding in a table with its place, within GitHub's
//! size limit; right to left in Arabic. Annotations show only a few
//! findings of a step; the summary says so and lists them all.

use super::{Renderer, message_with_help, summary};
use crate::plan::diagnostic::Severity;
use crate::plan::validate::Validation;
use crate::t;
use crate::text::bidi::isolate_ltr;
use crate::text::i18n::Lang;
use std::io::{self, Write};

/// The most findings listed: a summary holds at most 1 MiB, and a reviewer
/// reads the first hundreds at most.
const MOST_LISTED: usize = 200;

/// How many error and how many warning annotations GitHub shows for one step.
const ANNOTATIONS_PER_STEP: usize = 10;

pub(super) struct Markdown {
    pub lang: Lang,
}

/// A text for a table cell: HTML and table syntax made inert, lines joined.
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

impl Markdown {
    /// Text in the reader's language; in Arabic, its Latin, figures and
    /// code kept left to right.
    fn prose(&self, text: &str) -> String {
        if self.lang == Lang::Ar {
            isolate_ltr(text)
        } else {
            text.to_string()
        }
    }
}

impl Renderer for Markdown {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        let tally = validation.tally();
        if lang == Lang::Ar {
            writeln!(out, "<div dir=\"rtl\">\n")?;
        }
        let mark = if tally.errors > 0 { "❌" } else { "✅" };
        writeln!(out, "### {mark} {}\n", t!("markdown.title").text(lang))?;
        let counts = summary(tally, validation.files, lang);
        writeln!(out, "**{}**\n", self.prose(&counts))?;
        if !validation.diagnostics.is_empty() {
            writeln!(
                out,
                "| | {} | {} | {} |\n| --- | --- | --- | --- |",
                t!("markdown.rule").text(lang),
                t!("markdown.where").text(lang),
                t!("markdown.finding").text(lang)
            )?;
            for d in validation.diagnostics.iter().take(MOST_LISTED) {
                let severity = match d.severity {
                    Severity::Error => "❌",
                    Severity::Warning => "⚠️",
                };
                let place = d.span.map_or_else(String::new, |s| {
                    let path = &validation.sources.get(s.file).path;
                    format!(
                        "<code dir=\"ltr\">{}:{}:{}</code>",
                        cell(path),
                        s.line,
                        s.column
                    )
                });
                writeln!(
                    out,
                    "| {severity} | <code dir=\"ltr\">{}</code> {} | {place} | {} |",
                    d.rule.code,
                    self.prose(d.rule.name),
                    cell(&self.prose(&message_with_help(d, lang)))
                )?;
            }
            writeln!(out)?;
        }
        self.left_out(validation, out)?;
        if lang == Lang::Ar {
            writeln!(out, "</div>")?;
        }
        Ok(())
    }
}

impl Markdown {
    /// What the table and the annotations leave out, and where to see it.
    fn left_out(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let shown = validation.diagnostics.len().min(MOST_LISTED);
        if shown < validation.diagnostics.len() {
            let n = validation.diagnostics.len();
            let said = t!("markdown.more", shown = shown, n = n);
            writeln!(out, "_{}_\n", self.prose(&said.text(self.lang)))?;
        }
        let tally = validation.tally();
        if tally.errors > ANNOTATIONS_PER_STEP || tally.warnings > ANNOTATIONS_PER_STEP {
            let said = t!("markdown.annotations", most = ANNOTATIONS_PER_STEP);
            writeln!(out, "_{}_\n", self.prose(&said.text(self.lang)))?;
        }
        Ok(())
    }
}
