//! A document: what the report and the plan book say, in the reader's
//! language, as headings, sentences, lists, tables of typed cells and
//! charts as data, knowing nothing of any output format; and one renderer
//! per format (the terminal, Markdown, HTML) that knows nothing of what
//! the document is about. Numbers are written in one place (`number`).

pub mod chart;
pub mod grid;
mod html;
mod markdown;
pub mod number;
mod terminal;

use crate::text::i18n::Lang;
pub use chart::{Bars, Chart, Line};
use std::io::{self, Write};

/// A text in the reader's language and, where it is written in the other
/// one too, that one beside it; `ltr` for ids, handles, links and figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bi {
    pub text: String,
    pub other: Option<String>,
    pub ltr: bool,
}

impl Bi {
    /// Words in the reader's language.
    pub fn words(text: impl Into<String>) -> Bi {
        Bi {
            text: text.into(),
            ..Bi::default()
        }
    }

    /// An id, a handle, a link, a figure: as written, left to right.
    pub fn code(text: impl Into<String>) -> Bi {
        Bi {
            ltr: true,
            ..Bi::words(text)
        }
    }

    /// Words read left to right when the reader's language is (ids and
    /// words mixed, as a file's problems are).
    pub fn mixed(text: impl Into<String>, lang: Lang) -> Bi {
        Bi {
            ltr: lang == Lang::En,
            ..Bi::words(text)
        }
    }

    /// The text and the other language's after a slash, on one line.
    pub fn one_line(&self) -> String {
        match &self.other {
            Some(other) => format!("{} / {other}", self.text),
            None => self.text.clone(),
        }
    }
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words, a name (in both languages where the plan gives both).
    Text(Bi),
    /// A figure as shown (`12,345`, `3.45%`, `1,200 SAR`) and, where it is
    /// one number, that number; `—` with no value when it is missing.
    Number { shown: String, value: Option<f64> },
    /// A value not known, and why where that is known (`not exported
    /// for this platform`).
    Missing { why: Option<String> },
    /// A standing: its class (`on_track`) and its words.
    Badge { class: &'static str, text: String },
}

impl Cell {
    pub fn words(text: impl Into<String>) -> Cell {
        Cell::Text(Bi::words(text))
    }

    pub fn code(text: impl Into<String>) -> Cell {
        Cell::Text(Bi::code(text))
    }

    /// A figure shown as text, with the number it is where it is one.
    pub fn number(shown: impl Into<String>, value: Option<f64>) -> Cell {
        Cell::Number {
            shown: shown.into(),
            value,
        }
    }

    /// A day in both calendars: `2026-11-19` and, beside it,
    /// `1448-05-28 AH` (in the reader's words).
    pub fn date(date: chrono::NaiveDate, lang: Lang) -> Cell {
        let hijri = crate::text::dates::to_hijri(date)
            .map(|h| crate::text::dates::in_era_of(&h.to_string(), lang).into_owned());
        Cell::Text(Bi {
            text: date.to_string(),
            other: hijri,
            ltr: true,
        })
    }

    /// The cell as one line of text.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(bi) => bi.one_line(),
            Cell::Number { shown, .. } => shown.clone(),
            Cell::Missing { .. } => number::MISSING.into(),
            Cell::Badge { text, .. } => text.clone(),
        }
    }
}

/// A table: its columns' names and its rows; a table with no row is not
/// shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading.
    Heading(Bi),
    Para(Bi),
    List(Vec<Bi>),
    /// Terms and what is said of each (`KPI: what it covers`).
    Terms(Vec<(Bi, Bi)>),
    Table(Table),
    /// Charts side by side; where nothing is drawn, one table of them all.
    Charts(Vec<Chart>),
    /// A month as a calendar grid.
    Grid(grid::Grid),
}

/// One part of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The anchor (`goals`, `money`).
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Printed from a new page.
    pub new_page: bool,
}

impl Section {
    pub fn new(id: &'static str, title: impl Into<String>, blocks: Vec<Block>) -> Section {
        Section {
            id,
            title: title.into(),
            blocks,
            new_page: false,
        }
    }
}

/// A whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// The title a browser's tab shows.
    pub page_title: String,
    pub title: Bi,
    /// Lines under the title: who, what period.
    pub subtitle: Vec<Bi>,
    /// A list of the sections first (the book's).
    pub contents: bool,
    pub sections: Vec<Section>,
    /// Lines at its end (what was read).
    pub footer: Vec<Bi>,
}

/// The formats a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal, wrapped to its width when there is one.
    Terminal {
        width: Option<u16>,
    },
    Markdown,
    Html,
}

/// Writes `document` in `format`.
pub fn render(document: &Document, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Terminal { width } => terminal::write(document, width, out),
        Format::Markdown => markdown::write(document, out),
        Format::Html => html::write(document, out),
    }
}
