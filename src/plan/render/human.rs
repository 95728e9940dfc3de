//! The terminal format: each finding with its source line quoted, as
//! compilers do (annotate-snippets), colour only on a terminal.

use super::{Renderer, summary};
use crate::plan::diagnostic::{Diagnostic, Severity, Span};
use crate::plan::source::Sources;
use crate::plan::validate::Validation;
use crate::text::i18n::Lang;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};
use std::collections::BTreeMap;
use std::io::{self, Write};

pub(super) struct Human {
    pub color: bool,
    pub lang: Lang,
    /// The findings of one rule shown; the rest are counted (`None`: all).
    pub most_per_rule: Option<usize>,
}

impl Renderer for Human {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let renderer = if self.color {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
        let mut left: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
        for diagnostic in &validation.diagnostics {
            let count = shown.entry(diagnostic.rule.code).or_default();
            if self.most_per_rule.is_some_and(|most| *count >= most) {
                left.entry(diagnostic.rule.code)
                    .or_insert((diagnostic.rule.name, 0))
                    .1 += 1;
                continue;
            }
            *count += 1;
            let texts = Texts::of(diagnostic, self.lang);
            let text = renderer.render(&report(diagnostic, &texts, &validation.sources));
            writeln!(out, "{text}\n")?;
        }
        for (code, (name, more)) in &left {
            let line = crate::t!("findings-not-shown", n = *more, code = *code, name = *name);
            writeln!(out, "{}", line.text(self.lang))?;
        }
        if !left.is_empty() {
            writeln!(
                out,
                "{}\n",
                crate::t!(
                    "findings-not-shown.help",
                    most = self.most_per_rule.unwrap_or(0)
                )
                .text(self.lang)
            )?;
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
                // Only the lines the annotations are on are given to the
                // renderer, which reads all it is given: a finding costs
                // its lines, not its file.
                let (offset, first_line, lines) =
                    excerpt(source.text.as_str(), here.iter().map(|(s, _, _)| *s));
                let mut snippet = Snippet::source(lines)
                    .path(source.path.as_str())
                    .line_start(first_line);
                for (s, kind, label) in here {
                    let start = s.byte_start.clamp(offset, offset + lines.len()) - offset;
                    let end = (start + s.byte_len).min(lines.len());
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

/// The whole lines of `text` from the first span's to the last one's end:
/// their byte offset in `text`, the number of the first, and the lines.
/// Linear in the lines, not the text: the first line's number is its span's.
fn excerpt(text: &str, spans: impl Iterator<Item = Span>) -> (usize, usize, &str) {
    let (mut from, mut to, mut first_line) = (text.len(), 0, 1);
    for span in spans {
        let start = span.byte_start.min(text.len());
        if start < from {
            from = start;
            first_line = span.line as usize;
        }
        to = to.max((start + span.byte_len).min(text.len()));
    }
    if from > to || first_line == 0 {
        return (0, 1, text);
    }
    let from = crate::plan::source::line_start(text, from);
    let to = text[to..].find('\n').map_or(text.len(), |i| to + i);
    (from, first_line, &text[from..to])
}
