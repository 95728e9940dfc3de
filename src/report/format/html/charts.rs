//! The report's charts as inline SVG: a KPI's trend against its target, and
//! the platforms' planned shares beside their focus. Labels are laid out so
//! that none covers another: month names are thinned to fit, and a value's
//! label moves below its point, or is left to the table, when the place
//! above is taken.

use super::{esc, escaped};
use crate::plan::metrics::Unit;
use crate::report::{KpiResult, Report};
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::Lang;
use std::fmt::Write as _;

/// The charts' font size in pixels (`svg text` in the page's style).
pub(crate) const FONT_SIZE: f64 = 11.0;

/// A generous width of one character at [`FONT_SIZE`]: digits are 7.0 px
/// wide in `DejaVu Sans`, the widest of the page's fonts; most letters less.
pub(crate) const CHARACTER_WIDTH: f64 = 7.0;

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
pub(crate) fn text_width(text: &str) -> f64 {
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

/// A line chart of a KPI by month against its target.
#[allow(
    clippy::many_single_char_names,
    reason = "the chart's geometry: width, height, x and y as in SVG"
)]
pub(super) fn trend(r: &Report, kpi: &KpiResult, lang: Lang) -> String {
    let show = |unit: Unit, value: Option<f64>| crate::report::format::show(unit, value, lang);
    let points: Vec<(String, Option<f64>)> = r
        .trend
        .iter()
        .filter(|(k, _, _)| *k == kpi.kpi)
        .map(|(_, m, v)| (in_era_of(m, lang).into_owned(), *v))
        .collect();
    let (w, h, pad) = (320.0, 170.0, 34.0);
    let values: Vec<f64> = points
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(kpi.target)
        .chain(kpi.baseline)
        .collect();
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" direction="ltr">"#,
        esc(kpi.name.in_lang(lang))
    );
    if values.is_empty() || points.is_empty() {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="middle">{}</text></svg>"#,
            w / 2.0,
            h / 2.0,
            escaped(&t!("report.html.no-data"), lang)
        );
        return svg;
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.1)
    };
    let x = |i: usize| {
        pad + (w - 2.0 * pad)
            * if points.len() == 1 {
                0.5
            } else {
                i as f64 / (points.len() - 1) as f64
            }
    };
    let y = |v: f64| h - pad - (h - 2.0 * pad) * (v - lo) / (hi - lo);
    let _ = write!(
        svg,
        r##"<line x1="{pad}" y1="{}" x2="{}" y2="{}" stroke="#b0bec5"/>"##,
        h - pad,
        w - pad,
        h - pad
    );
    // Words are laid out in the reader's direction: an Arabic label reads
    // right to left (its unit after its number), still starting at the
    // chart's left edge (in right-to-left text that edge is its end).
    let (direction, left) = match lang {
        Lang::Ar => (r#" direction="rtl""#, "end"),
        Lang::En => ("", "start"),
    };
    let mut taken: Vec<Area> = Vec::new();
    // The month names along the axis, thinned to fit, the newest always named.
    let axis_y = h - pad + 16.0;
    let spacing = if points.len() > 1 { x(1) - x(0) } else { w };
    let widest = points
        .iter()
        .map(|(m, _)| text_width(m))
        .fold(0.0, f64::max);
    let step = shown_every(points.len(), spacing, widest);
    for (i, (month, _)) in points.iter().enumerate() {
        if !(points.len() - 1 - i).is_multiple_of(step) {
            continue;
        }
        let at = within(x(i), text_width(month), w);
        taken.push(Area::of(month, at, axis_y, Anchor::Middle));
        let _ = write!(
            svg,
            r#"<text x="{at:.1}" y="{axis_y}" text-anchor="middle"{direction}>{}</text>"#,
            esc(month)
        );
    }
    // The target's label stands at the line's oldest end, away from the
    // newest value's label at the other.
    if let Some(t) = kpi.target {
        // Isolated, so that Arabic words beside it do not carry its `%` or
        // unit to the other side («%المستهدف 4.00»).
        let label = t!(
            "report.html.target",
            value = format!("\u{2068}{}\u{2069}", show(kpi.unit, Some(t)))
        )
        .text(lang);
        let label_y = y(t) - 4.0;
        taken.push(Area::of(&label, pad, label_y, Anchor::Left));
        let _ = write!(
            svg,
            r##"<line x1="{pad}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="#c0392b" stroke-dasharray="5 4"/><text x="{pad}" y="{2:.1}" text-anchor="{left}"{direction}>{3}</text>"##,
            y(t),
            w - pad,
            label_y,
            esc(&label)
        );
    }
    let mut path = String::new();
    for (i, (_, v)) in points.iter().enumerate() {
        if let Some(v) = v {
            let _ = write!(
                path,
                "{}{:.1},{:.1} ",
                if path.is_empty() { "M" } else { "L" },
                x(i),
                y(*v)
            );
        }
    }
    if !path.is_empty() {
        let _ = write!(
            svg,
            r##"<path d="{path}" fill="none" stroke="#0b7a5a" stroke-width="2.5"/>"##
        );
    }
    // Each point, with its value above it, else below it; the newest value
    // is placed first. A value with no free place is left to the
    // scorecard (and the point's tooltip).
    for (i, (month, v)) in points.iter().enumerate().rev() {
        let Some(v) = v else { continue };
        let value = show(kpi.unit, Some(*v));
        let _ = write!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="#0b7a5a"><title>{}: {}</title></circle>"##,
            x(i),
            y(*v),
            esc(month),
            esc(&value)
        );
        let at = within(x(i), text_width(&value), w);
        let place = [y(*v) - 8.0, y(*v) + 16.0]
            .into_iter()
            .map(|label_y| (label_y, Area::of(&value, at, label_y, Anchor::Middle)))
            .find(|(_, area)| {
                area.top >= 0.0 && area.bottom <= h && !taken.iter().any(|t| t.overlaps(area))
            });
        if let Some((label_y, area)) = place {
            taken.push(area);
            let _ = write!(
                svg,
                r#"<text x="{at:.1}" y="{label_y:.1}" text-anchor="middle"{direction}>{}</text>"#,
                esc(&value)
            );
        }
    }
    svg.push_str("</svg>");
    svg
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

/// Bars of each platform's planned share of placements beside its focus share.
pub(super) fn mix(r: &Report, lang: Lang) -> String {
    let row = 26.0;
    let (w, label, h) = (620.0, 90.0, 30.0 + row * r.platforms.len() as f64);
    let scale = |pct: f64| (w - label - 60.0) * pct / 100.0;
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" direction="ltr">"#,
        escaped(&t!("report.html.mix"), lang)
    );
    legend(
        &mut svg,
        label,
        [
            (GREEN, t!("report.html.planned-share").text(lang)),
            (GREY, t!("report.html.focus-share").text(lang)),
        ],
    );
    for (i, p) in r.platforms.iter().enumerate() {
        let top = 22.0 + row * i as f64;
        let planned = p.planned_share.unwrap_or(0.0);
        let _ = write!(
            svg,
            r##"<text x="{0}" y="{1:.1}" text-anchor="end">{2}</text><rect x="{3}" y="{4:.1}" width="{5:.1}" height="9" fill="#0b7a5a"/><rect x="{3}" y="{6:.1}" width="{7:.1}" height="9" fill="#90a4ae"/><text x="{8:.1}" y="{1:.1}">{9:.0}% / {10}%</text>"##,
            label - 6.0,
            top + 12.0,
            esc(&p.platform),
            label,
            top + 2.0,
            scale(planned),
            top + 12.0,
            scale(p.focus),
            label + scale(planned.max(p.focus)) + 6.0,
            planned,
            p.focus
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Bars of each goal's budget lines, and what has been spent on it so far.
pub(super) fn money(r: &Report, lang: Lang) -> Option<String> {
    let m = r.money.as_ref()?;
    let goals: Vec<_> = m
        .by_goal
        .iter()
        .filter(|g| g.lines > 0.0 || g.spent_to_date > 0.0)
        .collect();
    if goals.is_empty() {
        return None;
    }
    let row = 30.0;
    let (w, label, h) = (620.0, 200.0, 30.0 + row * goals.len() as f64);
    let widest = goals
        .iter()
        .map(|g| g.lines.max(g.spent_to_date))
        .fold(0.0, f64::max)
        .max(1.0);
    let scale = |v: f64| (w - label - 140.0) * v / widest;
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" direction="ltr">"#,
        escaped(&t!("report.money"), lang)
    );
    legend(
        &mut svg,
        label,
        [
            (GREY, t!("report.money.col.lines").text(lang)),
            (GREEN, t!("report.money.col.to-date").text(lang)),
        ],
    );
    let amount = |v: f64| crate::report::format::show(Unit::Count, Some(v.round()), lang);
    for (i, g) in goals.iter().enumerate() {
        let top = 24.0 + row * i as f64;
        let name = g.name.in_lang(lang);
        // A goal's name cut to the room before the bars.
        let shown: String = if text_width(name) > label - 10.0 {
            let mut cut = String::new();
            for c in name.chars() {
                if text_width(&cut) + 2.0 * CHARACTER_WIDTH > label - 10.0 {
                    break;
                }
                cut.push(c);
            }
            cut.push('…');
            cut
        } else {
            name.to_string()
        };
        let _ = write!(
            svg,
            r##"<text x="{0}" y="{1:.1}" text-anchor="{anchor}"{dir}>{2}</text><rect x="{3}" y="{4:.1}" width="{5:.1}" height="9" fill="#90a4ae"/><rect x="{3}" y="{6:.1}" width="{7:.1}" height="9" fill="#0b7a5a"/><text x="{8:.1}" y="{1:.1}">{9} / {10} {11}</text>"##,
            label - 6.0,
            top + 12.0,
            esc(&shown),
            label,
            top + 2.0,
            scale(g.lines),
            top + 12.0,
            scale(g.spent_to_date),
            label + scale(g.lines.max(g.spent_to_date)) + 6.0,
            amount(g.spent_to_date),
            amount(g.lines),
            esc(&m.currency),
            // The name ends at the bars: in right-to-left text, its start.
            dir = if lang == Lang::Ar {
                r#" direction="rtl""#
            } else {
                ""
            },
            anchor = if lang == Lang::Ar { "start" } else { "end" },
        );
    }
    svg.push_str("</svg>");
    Some(svg)
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
