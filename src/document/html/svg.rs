//! Charts drawn as inline SVG: a value's line against its target, and
//! pairs of bars. Labels are laid out so that none covers another: axis
//! labels are thinned to fit, and a value's label moves below its point,
//! or is left to the tables, when the place above is taken.

use crate::document::chart::{Bars, Line};
use crate::text::html::esc;
use crate::text::i18n::Lang;
use std::fmt::Write as _;

/// The charts' font size in pixels (`svg text` in the page's style).
const FONT_SIZE: f64 = 11.0;

/// A generous width of one character at [`FONT_SIZE`]: digits are 7.0 px
/// wide in `DejaVu Sans`, the widest of the page's fonts; most letters less.
const CHARACTER_WIDTH: f64 = 7.0;

/// The space kept between two labels.
const GAP: f64 = 2.0;

/// How a label stands at its `x`, as SVG's `text-anchor` in the chart's
/// left-to-right coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// The label starts at `x` and runs right.
    Left,
    Middle,
}

/// The box a label covers on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Area {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Area {
    /// The box of `text` written at `x` on the baseline `y`.
    fn of(text: &str, x: f64, y: f64, anchor: Anchor) -> Area {
        let width = text_width(text);
        let left = match anchor {
            Anchor::Left => x,
            Anchor::Middle => x - width / 2.0,
        };
        Area {
            left,
            right: left + width,
            top: y - FONT_SIZE,
            bottom: y + FONT_SIZE * 0.3,
        }
    }

    fn overlaps(&self, other: &Area) -> bool {
        self.left < other.right + GAP
            && other.left < self.right + GAP
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// A label's width at [`FONT_SIZE`], bidi isolation marks aside.
fn text_width(text: &str) -> f64 {
    let shown = text
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}'))
        .count();
    shown as f64 * CHARACTER_WIDTH
}

/// Where a label `width` wide centred near `x` stands whole on a chart
/// `chart` wide: at `x`, or moved in from the edge it would cross.
fn within(x: f64, width: f64, chart: f64) -> f64 {
    x.clamp(width / 2.0, (chart - width / 2.0).max(width / 2.0))
}

/// Which of `count` labels, `spacing` apart and at most `widest` wide, are
/// shown: every `step`-th counted back from the newest, so that none
/// touches the next.
fn shown_every(count: usize, spacing: f64, widest: f64) -> usize {
    if count < 2 || spacing <= 0.0 {
        return 1;
    }
    let mut step = 1;
    while step < count && spacing * (step as f64) < widest + GAP {
        step += 1;
    }
    step
}

/// A line chart's room: its size, the margin round the plot, the values
/// its height spans and how many points share its width.
struct Frame {
    w: f64,
    h: f64,
    pad: f64,
    lo: f64,
    hi: f64,
    points: usize,
}

impl Frame {
    const W: f64 = 320.0;
    const H: f64 = 170.0;

    /// A frame whose height holds `values` with a tenth to spare either side.
    fn around(values: &[f64], points: usize) -> Frame {
        let (lo, hi) = values
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
            (lo - 1.0, hi + 1.0)
        } else {
            (lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.1)
        };
        Frame {
            w: Frame::W,
            h: Frame::H,
            pad: 34.0,
            lo,
            hi,
            points,
        }
    }

    /// The `i`-th point's x.
    fn x(&self, i: usize) -> f64 {
        let along = if self.points == 1 {
            0.5
        } else {
            i as f64 / (self.points - 1) as f64
        };
        self.pad + (self.w - 2.0 * self.pad) * along
    }

    /// A value's y.
    fn y(&self, v: f64) -> f64 {
        self.h - self.pad - (self.h - 2.0 * self.pad) * (v - self.lo) / (self.hi - self.lo)
    }
}

/// A line chart: a value by month against its target.
pub(super) fn line(chart: &Line, lang: Lang) -> String {
    let (w, h) = (Frame::W, Frame::H);
    let values: Vec<f64> = chart
        .points
        .iter()
        .filter_map(|p| p.value)
        .chain(chart.target.as_ref().map(|t| t.value))
        .chain(chart.also.iter().copied())
        .collect();
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" direction="ltr">"#,
        esc(&chart.caption)
    );
    if values.is_empty() || chart.points.is_empty() {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="middle">{}</text></svg>"#,
            w / 2.0,
            h / 2.0,
            esc(&chart.empty)
        );
        return svg;
    }
    let frame = Frame::around(&values, chart.points.len());
    let (pad, base) = (frame.pad, h - frame.pad);
    let _ = write!(
        svg,
        r##"<line x1="{pad}" y1="{base}" x2="{}" y2="{base}" stroke="#b0bec5"/>"##,
        w - pad
    );
    // Words are laid out in the reader's direction: an Arabic label reads
    // right to left (its unit after its number), still starting at the
    // chart's left edge (in right-to-left text that edge is its end).
    let direction = match lang {
        Lang::Ar => r#" direction="rtl""#,
        Lang::En => "",
    };
    let mut taken: Vec<Area> = Vec::new();
    axis(&mut svg, chart, &mut taken, &frame, direction);
    target(&mut svg, chart, &mut taken, &frame, lang);
    path(&mut svg, chart, &frame);
    values_at_points(&mut svg, chart, &mut taken, &frame, direction);
    svg.push_str("</svg>");
    svg
}

/// The target's dashed line and its label, at the line's oldest end,
/// away from the newest value's label at the other.
fn target(svg: &mut String, chart: &Line, taken: &mut Vec<Area>, frame: &Frame, lang: Lang) {
    let Some(t) = &chart.target else { return };
    let (direction, left) = match lang {
        Lang::Ar => (r#" direction="rtl""#, "end"),
        Lang::En => ("", "start"),
    };
    let (pad, y) = (frame.pad, frame.y(t.value));
    let label_y = y - 4.0;
    taken.push(Area::of(&t.label, pad, label_y, Anchor::Left));
    let _ = write!(
        svg,
        r##"<line x1="{pad}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#c0392b" stroke-dasharray="5 4"/><text x="{pad}" y="{label_y:.1}" text-anchor="{left}"{direction}>{}</text>"##,
        frame.w - pad,
        esc(&t.label)
    );
}

/// The line through the points that have a value.
fn path(svg: &mut String, chart: &Line, frame: &Frame) {
    let mut path = String::new();
    for (i, p) in chart.points.iter().enumerate() {
        if let Some(v) = p.value {
            let _ = write!(
                path,
                "{}{:.1},{:.1} ",
                if path.is_empty() { "M" } else { "L" },
                frame.x(i),
                frame.y(v)
            );
        }
    }
    if !path.is_empty() {
        let _ = write!(
            svg,
            r##"<path d="{path}" fill="none" stroke="#0b7a5a" stroke-width="2.5"/>"##
        );
    }
}

/// Each point, with its value above it, else below it; the newest value
/// is placed first. A value with no free place is left to the tables
/// (and the point's tooltip).
fn values_at_points(
    svg: &mut String,
    chart: &Line,
    taken: &mut Vec<Area>,
    frame: &Frame,
    direction: &str,
) {
    for (i, p) in chart.points.iter().enumerate().rev() {
        let Some(v) = p.value else { continue };
        let (x, y) = (frame.x(i), frame.y(v));
        let _ = write!(
            svg,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="#0b7a5a"><title>{}: {}</title></circle>"##,
            esc(&p.label),
            esc(&p.shown)
        );
        let at = within(x, text_width(&p.shown), frame.w);
        let place = [y - 8.0, y + 16.0]
            .into_iter()
            .map(|label_y| (label_y, Area::of(&p.shown, at, label_y, Anchor::Middle)))
            .find(|(_, area)| {
                area.top >= 0.0 && area.bottom <= frame.h && !taken.iter().any(|t| t.overlaps(area))
            });
        if let Some((label_y, area)) = place {
            taken.push(area);
            let _ = write!(
                svg,
                r#"<text x="{at:.1}" y="{label_y:.1}" text-anchor="middle"{direction}>{}</text>"#,
                esc(&p.shown)
            );
        }
    }
}

/// The labels along a line chart's axis, thinned to fit, the newest
/// always named.
fn axis(svg: &mut String, chart: &Line, taken: &mut Vec<Area>, frame: &Frame, direction: &str) {
    let points = &chart.points;
    let axis_y = frame.h - frame.pad + 16.0;
    let spacing = if points.len() > 1 {
        frame.x(1) - frame.x(0)
    } else {
        frame.w
    };
    let widest = points
        .iter()
        .map(|p| text_width(&p.label))
        .fold(0.0, f64::max);
    let step = shown_every(points.len(), spacing, widest);
    for (i, p) in points.iter().enumerate() {
        if !(points.len() - 1 - i).is_multiple_of(step) {
            continue;
        }
        let at = within(frame.x(i), text_width(&p.label), frame.w);
        taken.push(Area::of(&p.label, at, axis_y, Anchor::Middle));
        let _ = write!(
            svg,
            r#"<text x="{at:.1}" y="{axis_y}" text-anchor="middle"{direction}>{}</text>"#,
            esc(&p.label)
        );
    }
}

/// The bars' colours.
const GREEN: &str = "#0b7a5a";
const GREY: &str = "#90a4ae";

/// A chart's legend from `x`: each key's words after its swatch, the
/// second key after the first one's words.
fn legend(svg: &mut String, x: f64, keys: [(&str, String); 2]) {
    let mut at = x;
    for (colour, words) in keys {
        let _ = write!(
            svg,
            r#"<rect x="{at}" y="4" width="12" height="8" fill="{colour}"/><text x="{}" y="12">{}</text>"#,
            at + 16.0,
            esc(&words)
        );
        at += 16.0 + text_width(&words) + 14.0;
    }
}

/// Pairs of bars, a row each: the measured value's (green) above the
/// one it is held against (grey), and the row's label after them.
pub(super) fn bars(chart: &Bars, lang: Lang) -> Option<String> {
    if chart.rows.is_empty() {
        return None;
    }
    let row = 30.0;
    let (w, label, h) = (620.0, chart.name_room, 30.0 + row * chart.rows.len() as f64);
    let full = chart.full.unwrap_or_else(|| {
        chart
            .rows
            .iter()
            .map(|r| r.values[0].max(r.values[1]))
            .fold(0.0, f64::max)
            .max(1.0)
    });
    let room = (w - label - 140.0).max(1.0);
    let scale = |v: f64| room * v.max(0.0) / full;
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" direction="ltr">"#,
        esc(&chart.caption)
    );
    legend(
        &mut svg,
        label,
        [
            (GREEN, chart.keys[0].clone()),
            (GREY, chart.keys[1].clone()),
        ],
    );
    // A name ends at the bars: in right-to-left text, at its start.
    let (dir, anchor) = match lang {
        Lang::Ar => (r#" direction="rtl""#, "start"),
        Lang::En => ("", "end"),
    };
    for (i, r) in chart.rows.iter().enumerate() {
        let top = 24.0 + row * i as f64;
        let _ = write!(
            svg,
            r#"<text x="{0}" y="{1:.1}" text-anchor="{anchor}"{dir}>{2}</text><rect x="{3}" y="{4:.1}" width="{5:.1}" height="9" fill="{GREEN}"/><rect x="{3}" y="{6:.1}" width="{7:.1}" height="9" fill="{GREY}"/><text x="{8:.1}" y="{1:.1}">{9}</text>"#,
            label - 6.0,
            top + 12.0,
            esc(&cut(&r.name, label - 10.0)),
            label,
            top + 2.0,
            scale(r.values[0]),
            top + 12.0,
            scale(r.values[1]),
            label + scale(r.values[0].max(r.values[1])) + 6.0,
            esc(&r.label),
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// A name cut to `room` pixels, with an ellipsis when it was cut.
fn cut(name: &str, room: f64) -> String {
    if text_width(name) <= room {
        return name.to_string();
    }
    let mut cut = String::new();
    for c in name.chars() {
        if text_width(&cut) + 2.0 * CHARACTER_WIDTH > room {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_are_thinned_until_none_touches_the_next() {
        // Twelve months 22.9 px apart, each name 49 px wide: every third.
        assert_eq!(shown_every(12, 22.9, 49.0), 3);
        // Two pixels are kept between names.
        assert_eq!(shown_every(6, 51.0, 49.0), 1);
        assert_eq!(shown_every(6, 50.9, 49.0), 2);
        assert_eq!(shown_every(1, 0.0, 49.0), 1);
        // Names wider than the whole axis: the newest alone.
        assert_eq!(shown_every(3, 10.0, 500.0), 3);
    }

    #[test]
    fn a_label_near_an_edge_moves_in_whole() {
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(near(within(286.0, 70.0, 320.0), 285.0));
        assert!(near(within(34.0, 70.0, 320.0), 35.0));
        assert!(near(within(160.0, 70.0, 320.0), 160.0));
        // Wider than the chart: from its left edge.
        assert!(near(within(160.0, 400.0, 320.0), 200.0));
    }

    #[test]
    fn boxes_overlap_only_when_they_share_room() {
        let a = Area::of("54,056", 100.0, 50.0, Anchor::Middle);
        assert!((a.left - 79.0).abs() < 1e-9 && (a.right - 121.0).abs() < 1e-9);
        assert!(a.overlaps(&Area::of("1", 122.0, 50.0, Anchor::Left)));
        assert!(!a.overlaps(&Area::of("1", 124.0, 50.0, Anchor::Left)));
        assert!(!a.overlaps(&Area::of("1", 100.0, 50.0 + FONT_SIZE * 1.3, Anchor::Left)));
        assert!(a.overlaps(&Area::of("1", 100.0, 50.0 + FONT_SIZE * 1.2, Anchor::Left)));
        assert!((text_width("\u{2068}60 min\u{2069}") - 6.0 * CHARACTER_WIDTH).abs() < 1e-9);
    }
}
