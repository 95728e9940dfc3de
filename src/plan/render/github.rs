//! GitHub Actions workflow commands: each finding becomes an annotation on
//! the pull request's changed lines.

use super::{Renderer, message_with_help, span_end, summary};
use crate::plan::diagnostic::Severity;
use crate::plan::validate::Validation;
use std::io::{self, Write};

pub(super) struct Github {
    pub lang: crate::text::i18n::Lang,
}

/// Escapes a command's message (`%`, CR, LF).
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property (also `:` and `,`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let sources = &validation.sources;
        for d in &validation.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut properties = Vec::new();
            if let Some(span) = &d.span {
                let (end_line, end_column) = span_end(sources, span);
                properties.push(format!(
                    "file={}",
                    escape_property(&sources.get(span.file).path)
                ));
                properties.push(format!("line={}", span.line));
                properties.push(format!("col={}", span.column));
                if end_line == span.line {
                    properties.push(format!("endColumn={end_column}"));
                } else {
                    properties.push(format!("endLine={end_line}"));
                }
            }
            properties.push(format!(
                "title={}",
                escape_property(&format!("{} {}", d.rule.code, d.rule.name))
            ));
            let message = message_with_help(d, self.lang);
            writeln!(
                out,
                "::{command} {}::{}",
                properties.join(","),
                escape_data(&message)
            )?;
        }
        writeln!(
            out,
            "{}",
            summary(validation.tally(), validation.files, self.lang)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_workflow_command_rules() {
        assert_eq!(escape_data("50% done\nnext\r"), "50%25 done%0Anext%0D");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
