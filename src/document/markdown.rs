//! Markdown: to read in a pull request, an issue or a wiki, each text
//! followed by the other language's where it has one; charts as tables.

use super::{Bi, Block, Chart, Document, Table};
use std::io::{self, Write};

/// A text for a table cell or a line: `|` escaped, lines joined, the
/// other language after a slash.
fn shown(bi: &Bi) -> String {
    escaped(&bi.one_line())
}

fn escaped(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub(super) fn write(document: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", shown(&document.title))?;
    for line in &document.subtitle {
        writeln!(out, "{}  ", shown(line))?;
    }
    for section in &document.sections {
        writeln!(out, "\n## {}", escaped(&section.title))?;
        for block in &section.blocks {
            write_block(block, out)?;
        }
    }
    for line in &document.footer {
        writeln!(out, "\n{}", shown(line))?;
    }
    Ok(())
}

fn write_block(block: &Block, out: &mut dyn Write) -> io::Result<()> {
    match block {
        Block::Heading(text) => writeln!(out, "\n### {}", shown(text)),
        Block::Para(text) => writeln!(out, "\n{}", shown(text)),
        Block::List(items) if items.is_empty() => Ok(()),
        Block::Terms(terms) if terms.is_empty() => Ok(()),
        Block::List(items) => {
            writeln!(out)?;
            for item in items {
                writeln!(out, "- {}", shown(item))?;
            }
            Ok(())
        }
        Block::Terms(terms) => {
            writeln!(out)?;
            for (term, said) in terms {
                writeln!(out, "- **{}**: {}", shown(term), shown(said))?;
            }
            Ok(())
        }
        Block::Table(table) => write_table(table, out),
        Block::Charts(charts) => {
            for table in Chart::table(charts) {
                write_table(&table, out)?;
            }
            Ok(())
        }
        Block::Grid(grid) => write_grid(grid, out),
    }
}

fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    if table.rows.is_empty() {
        return Ok(());
    }
    let columns: Vec<String> = table.columns.iter().map(|c| escaped(c)).collect();
    writeln!(out, "\n| {} |", columns.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(columns.len()))?;
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| escaped(&c.text())).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// A month's grid as a table of seven columns, a day's lines joined with
/// `<br>` (which GitHub's tables keep).
fn write_grid(grid: &super::grid::Grid, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<String> = grid.weekdays.iter().map(|d| escaped(d)).collect();
    writeln!(out, "\n| {} |", names.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(names.len()))?;
    for week in &grid.weeks {
        let cells: Vec<String> = week
            .iter()
            .map(|day| {
                let Some(day) = day else {
                    return String::new();
                };
                let mut lines = vec![format!("**{}** · {}", day.day, escaped(&day.hijri))];
                lines.extend(day.occasions.iter().map(|o| format!("★ {}", escaped(o))));
                lines.extend(day.entries.iter().map(|e| format!("• {}", escaped(e))));
                lines.join("<br>")
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
