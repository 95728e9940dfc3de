//! Charts as data: what is drawn, with every label already written in the
//! reader's language. The HTML page draws them; the other formats show
//! the same figures as a table ([`Chart::table`]), so nothing a chart says
//! is lost where it cannot be drawn.

use super::{Cell, Table};

/// A chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Line(Line),
    Bars(Bars),
}

/// One point of a line: its label on the axis, its value, the value shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub label: String,
    pub value: Option<f64>,
    pub shown: String,
}

/// A level drawn across a line chart (a target): its value, that value
/// shown, and the words written at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub value: f64,
    pub shown: String,
    pub label: String,
}

/// A value over time, against a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub caption: String,
    pub points: Vec<Point>,
    pub target: Option<Level>,
    /// Values the scale must also hold (a baseline).
    pub also: Vec<f64>,
    /// What is written when there is nothing to draw.
    pub empty: String,
    /// The names of the first column and of the target's where the
    /// chart is a table.
    pub name_column: String,
    pub target_column: String,
}

/// One row of a bar chart: two bars and what is written beside them.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub name: String,
    /// The measured value (the first key's) and the one it is held
    /// against (the second's).
    pub values: [f64; 2],
    /// Each value as shown in a table.
    pub shown: [String; 2],
    /// What is written after the bars.
    pub label: String,
}

/// Pairs of bars, one pair a row: a value beside what it is held against.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub caption: String,
    /// The column of the rows' names where the chart is a table.
    pub name_column: String,
    /// The two bars' names, for the legend.
    pub keys: [String; 2],
    pub rows: Vec<BarRow>,
    /// The value a full bar stands for (100 for percents); without one,
    /// the largest value.
    pub full: Option<f64>,
    /// The room kept for the rows' names, in pixels.
    pub name_room: f64,
    /// Its figures are in a table beside it: where it is not drawn,
    /// nothing is shown for it.
    pub tabled: bool,
}

impl Chart {
    /// The caption over the chart.
    pub fn caption(&self) -> &str {
        match self {
            Chart::Line(line) => &line.caption,
            Chart::Bars(bars) => &bars.caption,
        }
    }

    /// Charts of the same kind as one table: lines as a row each (their
    /// points by label, then the target), bars as their rows.
    pub fn table(charts: &[Chart]) -> Vec<Table> {
        let lines: Vec<&Line> = charts
            .iter()
            .filter_map(|c| match c {
                Chart::Line(line) => Some(line),
                Chart::Bars(_) => None,
            })
            .collect();
        let mut tables = Vec::new();
        if !lines.is_empty() {
            tables.push(lines_table(&lines));
        }
        for chart in charts {
            if let Chart::Bars(bars) = chart
                && !bars.tabled
            {
                tables.push(Table {
                    columns: vec![
                        bars.name_column.clone(),
                        bars.keys[0].clone(),
                        bars.keys[1].clone(),
                    ],
                    rows: bars
                        .rows
                        .iter()
                        .map(|row| {
                            vec![
                                Cell::words(&row.name),
                                Cell::number(&row.shown[0], Some(row.values[0])),
                                Cell::number(&row.shown[1], Some(row.values[1])),
                            ]
                        })
                        .collect(),
                });
            }
        }
        tables
    }
}

/// Line charts as one table: a column per label any of them has.
fn lines_table(lines: &[&Line]) -> Table {
    let mut labels: Vec<&str> = Vec::new();
    for point in lines.iter().flat_map(|l| &l.points) {
        if !labels.contains(&point.label.as_str()) {
            labels.push(&point.label);
        }
    }
    if labels.is_empty() {
        return Table::default();
    }
    let mut columns = vec![lines[0].name_column.clone()];
    columns.extend(labels.iter().map(|l| (*l).to_string()));
    columns.push(lines[0].target_column.clone());
    let rows = lines
        .iter()
        .map(|line| {
            let mut row = vec![Cell::words(&line.caption)];
            row.extend(labels.iter().map(|label| {
                line.points.iter().find(|p| p.label == *label).map_or_else(
                    || Cell::number(super::number::MISSING, None),
                    |p| Cell::number(&p.shown, p.value),
                )
            }));
            row.push(line.target.as_ref().map_or_else(
                || Cell::number(super::number::MISSING, None),
                |t| Cell::number(&t.shown, Some(t.value)),
            ));
            row
        })
        .collect();
    Table { columns, rows }
}
