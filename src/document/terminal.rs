//! The terminal: sections under their titles, sentences indented, tables
//! drawn with Arabic cells right-aligned and dealt out to the terminal's
//! width; charts as tables.

use super::{Bi, Block, Cell, Chart, Document, Table};
use crate::text::arabic::table_cell;
use comfy_table::presets;
use std::io::{self, Write};

pub(super) fn write(
    document: &Document,
    width: Option<u16>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", document.title.one_line())?;
    for line in &document.subtitle {
        writeln!(out, "{}", line.one_line())?;
    }
    for section in &document.sections {
        writeln!(out, "\n{}", section.title)?;
        for block in &section.blocks {
            match block {
                Block::Grid(grid) => super::grid::write_terminal(grid, document.lang, width, out)?,
                _ => write_block(block, width, out)?,
            }
        }
    }
    for line in &document.footer {
        writeln!(out, "\n{}", line.one_line())?;
    }
    Ok(())
}

fn write_block(block: &Block, width: Option<u16>, out: &mut dyn Write) -> io::Result<()> {
    let line = |bi: &Bi| bi.one_line().replace('\n', " ");
    match block {
        Block::Heading(text) => writeln!(out, "  {}:", line(text)),
        Block::Para(text) => writeln!(out, "  {}", line(text)),
        Block::List(items) => {
            for item in items {
                writeln!(out, "  - {}", line(item))?;
            }
            Ok(())
        }
        Block::Terms(terms) => {
            for (term, said) in terms {
                writeln!(out, "  {}: {}", line(term), line(said))?;
            }
            Ok(())
        }
        Block::Table(table) => write_table(table, width, out),
        Block::Charts(charts) => {
            for table in Chart::table(charts) {
                write_table(&table, width, out)?;
            }
            Ok(())
        }
        Block::Grid(_) => Ok(()),
    }
}

fn write_table(table: &Table, width: Option<u16>, out: &mut dyn Write) -> io::Result<()> {
    if table.rows.is_empty() {
        return Ok(());
    }
    for t in fitted(table, width) {
        writeln!(out, "{t}")?;
    }
    Ok(())
}

/// One drawn table of `columns` of `table`.
fn drawn(table: &Table, columns: &[usize], width: Option<u16>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_header(
            columns
                .iter()
                .map(|&i| table_cell(table.columns[i].clone())),
        );
    if let Some(width) = width {
        t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(width);
    }
    for row in &table.rows {
        t.add_row(columns.iter().map(|&i| {
            let text = row.get(i).map(Cell::text).unwrap_or_default();
            table_cell(text.replace('\n', " "))
        }));
    }
    t
}

/// A table as tables no wider than `width`: when all its columns do not
/// fit, they are dealt out over several tables, each opening with the
/// first column (the platform, the person) so that every row still says
/// whose figures it holds. Without a width, one table.
fn fitted(table: &Table, width: Option<u16>) -> Vec<comfy_table::Table> {
    let all: Vec<usize> = (0..table.columns.len()).collect();
    let Some(width) = width else {
        return vec![drawn(table, &all, None)];
    };
    // Each column's room: its widest cell, a space either side, a border;
    // and the table's closing border.
    let room: Vec<u16> = drawn(table, &all, Some(width))
        .column_max_content_widths()
        .iter()
        .map(|w| w + 3)
        .collect();
    let fits = |columns: &[usize]| columns.iter().map(|&i| room[i]).sum::<u16>() < width;
    if fits(&all) {
        return vec![drawn(table, &all, Some(width))];
    }
    let mut tables = Vec::new();
    let mut columns = vec![0];
    for i in 1..table.columns.len() {
        columns.push(i);
        if !fits(&columns) && columns.len() > 2 {
            columns.pop();
            tables.push(drawn(table, &columns, Some(width)));
            columns = vec![0, i];
        }
    }
    tables.push(drawn(table, &columns, Some(width)));
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_table_is_dealt_out_over_tables_that_fit_each_opening_with_its_first_column() {
        let mut columns = vec!["Platform".to_string()];
        columns.extend((1..11).map(|i| format!("Figure number {i}")));
        let rows: Vec<Vec<Cell>> = ["x", "instagram", "facebook"]
            .iter()
            .map(|p| {
                let mut row = vec![Cell::words(*p)];
                row.extend(
                    (1..columns.len()).map(|i| Cell::number(format!("{}", 1_000_000 * i), None)),
                );
                row
            })
            .collect();
        let table = Table { columns, rows };
        let tables = fitted(&table, Some(80));
        assert!(tables.len() > 1);
        let mut seen = Vec::new();
        for drawn in &tables {
            let text = drawn.to_string();
            for line in text.lines() {
                assert!(line.chars().count() <= 80, "{line}");
            }
            let head = text.lines().nth(1).unwrap();
            assert!(head.starts_with("│ Platform "), "{head}");
            seen.extend(
                head.split('┆')
                    .skip(1)
                    .map(|c| c.trim().trim_end_matches('│').trim().to_string()),
            );
        }
        // Every column once, in order, besides the repeated first.
        assert_eq!(seen, table.columns[1..].to_vec());
        // Without a terminal, or with room for it, one table.
        assert_eq!(fitted(&table, None).len(), 1);
        assert_eq!(fitted(&table, Some(400)).len(), 1);
    }
}
