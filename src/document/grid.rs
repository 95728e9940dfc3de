//! A month drawn as a calendar: one row a week, one cell a day, each day
//! with its Gregorian and Hijri numbers, the occasions that fall on it and
//! what is planned. The terminal's drawing is here; Markdown and HTML draw
//! it in their own writers.

use crate::text::i18n::Lang;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr as _;

/// A month as a grid of weeks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// The days of the week's names, its first day first.
    pub weekdays: Vec<String>,
    /// Each week's seven days; `None` for a day of another month.
    pub weeks: Vec<[Option<GridDay>; 7]>,
}

/// One day of the grid.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GridDay {
    /// Its day of the Gregorian month.
    pub day: u32,
    /// Its day of the Hijri month, with the month's name on its first day
    /// (`1 Ramadan`) and on the grid's first day.
    pub hijri: String,
    /// The occasions that fall on it, by name.
    pub occasions: Vec<String>,
    /// What is planned on it (items' titles).
    pub entries: Vec<String>,
}

/// The most lines a day's cell takes in the terminal; beyond them, `+n`.
const MOST_LINES: usize = 5;

/// Draws `grid` for a terminal `width` columns wide (80 when unknown),
/// the week's first day on the right in Arabic.
pub(super) fn write_terminal(
    grid: &Grid,
    lang: Lang,
    width: Option<u16>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let inner = (usize::from(width.unwrap_or(80)).max(36) - 8) / 7;
    let order = |mut cells: Vec<String>| {
        if lang == Lang::Ar {
            cells.reverse();
        }
        cells
    };
    let rule = |left: &str, middle: &str, right: &str| {
        format!("{left}{}{right}", vec!["─".repeat(inner); 7].join(middle))
    };
    writeln!(out, "{}", rule("┌", "┬", "┐"))?;
    let names = order(grid.weekdays.iter().map(|d| fit(d, inner)).collect());
    writeln!(out, "│{}│", names.join("│"))?;
    for week in &grid.weeks {
        writeln!(out, "{}", rule("├", "┼", "┤"))?;
        let cells: Vec<Vec<String>> = week.iter().map(|day| lines(day.as_ref(), inner)).collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for row in 0..height {
            let texts = cells
                .iter()
                .map(|c| c.get(row).cloned().unwrap_or_else(|| " ".repeat(inner)))
                .collect();
            writeln!(out, "│{}│", order(texts).join("│"))?;
        }
    }
    writeln!(out, "{}", rule("└", "┴", "┘"))
}

/// A day's cell as lines of exactly `width` columns.
fn lines(day: Option<&GridDay>, width: usize) -> Vec<String> {
    let Some(day) = day else {
        return vec![" ".repeat(width)];
    };
    let first = format!("{:<2} {}", day.day, day.hijri);
    let mut texts: Vec<String> = vec![first];
    texts.extend(day.occasions.iter().map(|o| format!("★ {o}")));
    texts.extend(day.entries.iter().map(|e| format!("• {e}")));
    if texts.len() > MOST_LINES {
        let left = texts.len() - (MOST_LINES - 1);
        texts.truncate(MOST_LINES - 1);
        texts.push(format!("+{left}"));
    }
    texts.iter().map(|t| fit(t, width)).collect()
}

/// `text` cut or padded to exactly `width` terminal columns (an ellipsis
/// where it is cut).
pub(crate) fn fit(text: &str, width: usize) -> String {
    let text = text.replace(['\n', '\t'], " ");
    if text.width() <= width {
        let pad = width - text.width();
        return format!("{text}{}", " ".repeat(pad));
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() > width.saturating_sub(1) {
            break;
        }
        out.push(c);
    }
    out.push('…');
    let pad = width.saturating_sub(out.width());
    format!("{out}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fit_their_width_whatever_the_script() {
        for text in [
            "5 17",
            "★ رمضان",
            "• تهنئة بعيد الفطر المبارك للجميع",
            "a very long English title",
        ] {
            let fitted = fit(text, 10);
            assert_eq!(fitted.width(), 10, "{fitted:?}");
        }
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdefgh", 5), "abcd…");
    }

    #[test]
    fn the_grid_is_as_wide_as_asked_and_right_to_left_in_arabic() {
        let day = |d: u32| {
            Some(GridDay {
                day: d,
                hijri: d.to_string(),
                ..GridDay::default()
            })
        };
        let grid = Grid {
            weekdays: ["A", "B", "C", "D", "E", "F", "G"]
                .map(String::from)
                .to_vec(),
            weeks: vec![[None, None, None, None, None, day(1), day(2)]],
        };
        let mut out = Vec::new();
        write_terminal(&grid, Lang::En, Some(80), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.width() == 78), "{text}");
        assert!(text.lines().nth(1).unwrap().starts_with("│A"));
        let mut out = Vec::new();
        write_terminal(&grid, Lang::Ar, Some(80), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().nth(1).unwrap().starts_with("│G"), "{text}");
        assert!(text.lines().nth(3).unwrap().starts_with("│2 "), "{text}");
    }
}
