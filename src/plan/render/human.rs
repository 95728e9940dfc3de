//! The terminal format: each finding with its source line quoted, as
//! compilers do (annotate-snippets), colour only on a terminal.

use super::{Renderer, summary};
use crate::plan::diagnostic::{Diagnostic, Severity, Span};
use crate::plan::source::Sources;
use crate::plan::validate::Validation;
use crate::text::i18n::Lang;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};
use std::io::{self, Write};

pub(super) struct Human {
    pub color: bool,
    pub lang: Lang,
}

impl Renderer for Human {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let renderer = if self.color {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        for diagnostic in &validation.diagnostics {
            let texts = Texts::of(diagnostic, self.lang);
            let text = renderer.render(&report(diagnostic, &texts, &validation.sources));
            writeln!(out, "{text}\n")?;
        }
        writeln!(
            out,
            "{}",
            summary(validation.tally(), validation.files, self.lang)
        )
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

/// A finding's words in the reader's language.
struct Texts {
    message: String,
    label: Option<String>,
    related: Vec<String>,
    help: Option<String>,
    /// What the help line is called (`help`, `مساعدة`).
    help_name: String,
}

impl Texts {
    fn of(d: &Diagnostic, lang: Lang) -> Texts {
        Texts {
            message: d.message.text(lang),
            label: d.label.as_ref().map(|m| m.text(lang)),
            related: d.related.iter().map(|r| r.message.text(lang)).collect(),
            help: d.help.as_ref().map(|m| m.text(lang)),
            help_name: crate::t!("word.help").text(lang),
        }
    }
}

fn report<'a>(d: &'a Diagnostic, texts: &'a Texts, sources: &'a Sources) -> Vec<Group<'a>> {
    let title = level(d.severity)
        .primary_title(texts.message.as_str())
        .id(format!("{} {}", d.rule.code, d.rule.name));
    let mut group = match d.span {
        None => Group::with_title(title),
        Some(span) => {
            let mut spans: Vec<(Span, AnnotationKind, Option<&str>)> =
                vec![(span, AnnotationKind::Primary, texts.label.as_deref())];
            spans.extend(
                d.related
                    .iter()
                    .zip(&texts.related)
                    .map(|(r, text)| (r.span, AnnotationKind::Context, Some(text.as_str()))),
            );
            let mut group = Group::with_title(title);
            let mut files: Vec<_> = Vec::new();
            for (s, _, _) in &spans {
                if !files.contains(&s.file) {
                    files.push(s.file);
                }
            }
            for file in files {
                let source = sources.get(file);
                let here: Vec<_> = spans.iter().filter(|(s, _, _)| s.file == file).collect();
                if source.text.is_empty() {
                    let s = here[0].0;
                    group = group.element(
                        Origin::path(source.path.as_str())
                            .line(s.line as usize)
                            .char_column(s.column as usize),
                    );
                    continue;
                }
                let mut snippet = Snippet::source(source.text.as_str())
                    .path(source.path.as_str())
                    .line_start(1);
                for (s, kind, label) in here {
                    let start = s.byte_start.min(source.text.len());
                    let end = (start + s.byte_len).min(source.text.len());
                    let mut annotation = (*kind).span(start..end);
                    if let Some(label) = label {
                        annotation = annotation.label(*label);
                    }
                    snippet = snippet.annotation(annotation);
                }
                group = group.element(snippet);
            }
            group
        }
    };
    if let Some(help) = &texts.help {
        group = group.element(
            Level::HELP
                .with_name(texts.help_name.as_str())
                .message(help.as_str()),
        );
    }
    vec![group]
}
