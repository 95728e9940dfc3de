//! The plan book as Markdown: to read in a pull request or a wiki, each
//! text followed by the plan's other language where it has one.

use super::{Bi, Block, Book, BookWriter};
use std::io::{self, Write};

pub(super) struct Markdown;

/// A text for a table cell or a line: `|` escaped, lines joined, the
/// other language after a slash.
fn shown(bi: &Bi) -> String {
    let text = match &bi.other {
        Some(other) => format!("{} / {other}", bi.text),
        None => bi.text.clone(),
    };
    text.replace('|', "\\|").replace('\n', " ")
}

impl BookWriter for Markdown {
    fn write(&self, book: &Book, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {}\n", shown(&book.title))?;
        for line in &book.subtitle {
            writeln!(out, "{}  ", shown(line))?;
        }
        for section in &book.sections {
            writeln!(out, "\n## {}", section.title)?;
            for block in &section.blocks {
                match block {
                    Block::Heading(text) => writeln!(out, "\n### {}", shown(text))?,
                    Block::Para(text) => writeln!(out, "\n{}", shown(text))?,
                    Block::List(items) => {
                        writeln!(out)?;
                        for item in items {
                            writeln!(out, "- {}", shown(item))?;
                        }
                    }
                    Block::Table { columns, rows } => {
                        if rows.is_empty() {
                            continue;
                        }
                        writeln!(out, "\n| {} |", columns.join(" | "))?;
                        writeln!(out, "|{}", " --- |".repeat(columns.len()))?;
                        for row in rows {
                            let cells: Vec<String> = row.iter().map(shown).collect();
                            writeln!(out, "| {} |", cells.join(" | "))?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
