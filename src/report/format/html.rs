//! One self-contained HTML file: right-to-left in Arabic, left-to-right in
//! English, charts as inline SVG, no network; printable to PDF from a browser.

use super::{Report, ReportWriter, metric_names};
use crate::plan::metrics::{Metric, Unit};
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::{Lang, Msg};
use std::fmt::Write as _;
use std::io::{self, Write};

pub(super) struct Html {
    pub lang: Lang,
}

/// A catalog message as HTML text.
fn escaped(message: &Msg, lang: Lang) -> String {
    esc(&message.text(lang))
}

/// Notes and problems mix ids and words: in English they read left to right;
/// in Arabic they keep the page's direction.
fn ltr_class(lang: Lang) -> &'static str {
    match lang {
        Lang::En => r#" class="ltr""#,
        Lang::Ar => "",
    }
}

/// A metric's name in the reader's language.
fn metric_name(metric: Option<Metric>, lang: Lang) -> &'static str {
    let (ar, en) = metric_names(metric);
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
    }
}

/// `text` escaped, each run of figures and dates in it (`2026-10`, `−2`,
/// `41,250.50`, `79%`) kept left to right inside right-to-left text.
fn isolated(text: &str) -> String {
    let is_part = |c: char| c.is_ascii_alphanumeric() || "-−+.,:%/".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        // Trailing punctuation belongs to the sentence, not the figure.
        let kept = run.trim_end_matches(['.', ',', ':']).len();
        let (figure, tail) = run.split_at(kept);
        if figure.chars().any(|c| c.is_ascii_digit()) {
            out.push_str(r#"<bdi dir="ltr">"#);
            out.push_str(&esc(figure));
            out.push_str("</bdi>");
        } else {
            out.push_str(&esc(figure));
        }
        out.push_str(&esc(tail));
        run.clear();
    };
    for c in text.chars() {
        if is_part(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push_str(&esc(&c.to_string()));
        }
    }
    flush(&mut run, &mut out);
    out
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page's Content-Security-Policy: nothing may load or run — no script,
/// no request to the network, no form — but the page's own style
/// sheet and images written into it. Text is escaped as it is written; the
/// policy is the second wall, should an escaping mistake ever let markup in.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE: &str = r#"
body{font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",Tahoma,Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2b36;line-height:1.6;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;border-bottom:2px solid #0b7a5a;padding-bottom:.2rem;margin-top:2rem}
.sub{color:#5b6b76;margin:0}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
th,td{border:1px solid #d5dde2;padding:.35rem .5rem;text-align:start;vertical-align:top}
th{background:#eef4f1}td.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.85rem;white-space:nowrap}
.on_track{background:#d8f1e4;color:#0b5e45}.behind{background:#fde2dc;color:#8f2b17}.missing_data{background:#eceff1;color:#455a64}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}
figure{margin:0;border:1px solid #d5dde2;border-radius:.4rem;padding:.5rem}figcaption{font-weight:bold;margin-bottom:.3rem}
svg text{font-family:inherit;font-size:11px;fill:#37474f}
ul{padding-inline-start:1.2rem}.ltr{direction:ltr;unicode-bidi:isolate}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table{break-inside:avoid}}
"#;

/// A line chart of a KPI by month against its target.
#[allow(
    clippy::many_single_char_names,
    reason = "the chart's geometry: width, height, x and y as in SVG"
)]
fn trend_chart(r: &Report, kpi: &super::super::KpiResult, lang: Lang) -> String {
    let show = |unit: Unit, value: Option<f64>| super::show(unit, value, lang);
    let points: Vec<(&str, Option<f64>)> = r
        .trend
        .iter()
        .filter(|(k, _, _)| *k == kpi.kpi)
        .map(|(_, m, v)| (m.as_str(), *v))
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
        esc(kpi.name.primary())
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
    // The target's label stands at the line's oldest end, away from the
    // newest value's label at the other.
    // Words are laid out in the reader's direction: an Arabic label reads
    // right to left (its unit after its number), still starting at the
    // chart's left edge (in right-to-left text that edge is its end).
    let (direction, left) = match lang {
        Lang::Ar => (r#" direction="rtl""#, "end"),
        Lang::En => ("", "start"),
    };
    if let Some(t) = kpi.target {
        let _ = write!(
            svg,
            r##"<line x1="{pad}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="#c0392b" stroke-dasharray="5 4"/><text x="{pad}" y="{2:.1}" text-anchor="{left}"{direction}>{3}</text>"##,
            y(t),
            w - pad,
            y(t) - 4.0,
            escaped(
                // Isolated, so that Arabic words beside it do not carry its
                // `%` or unit to the other side («%المستهدف 4.00»).
                &t!(
                    "report.html.target",
                    value = format!("\u{2068}{}\u{2069}", show(kpi.unit, Some(t)))
                ),
                lang
            )
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
    for (i, (month, v)) in points.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
            x(i),
            h - pad + 16.0,
            esc(month)
        );
        if let Some(v) = v {
            let _ = write!(
                svg,
                r##"<circle cx="{0:.1}" cy="{1:.1}" r="3.5" fill="#0b7a5a"/><text x="{0:.1}" y="{2:.1}" text-anchor="middle"{direction}>{3}</text>"##,
                x(i),
                y(*v),
                y(*v) - 8.0,
                esc(&show(kpi.unit, Some(*v)))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Bars of each platform's planned share of placements beside its focus share.
fn mix_chart(r: &Report, lang: Lang) -> String {
    let row = 26.0;
    let (w, label, h) = (620.0, 90.0, 30.0 + row * r.platforms.len() as f64);
    let scale = |pct: f64| (w - label - 60.0) * pct / 100.0;
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" direction="ltr">"#,
        escaped(&t!("report.html.mix"), lang)
    );
    let _ = write!(
        svg,
        r##"<rect x="{label}" y="4" width="12" height="8" fill="#0b7a5a"/><text x="{}" y="12">{}</text><rect x="{}" y="4" width="12" height="8" fill="#90a4ae"/><text x="{}" y="12">{}</text>"##,
        label + 16.0,
        escaped(&t!("report.html.planned-share"), lang),
        label + 120.0,
        label + 136.0,
        escaped(&t!("report.html.focus-share"), lang)
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

impl ReportWriter for Html {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        let tr = |m: Msg| escaped(&m, lang);
        let show = |unit: Unit, value: Option<f64>| super::show(unit, value, lang);
        let show_change = |unit: Unit, change| super::show_change(unit, change, lang);
        let heads = |s: &mut String, columns: &[Msg]| {
            for c in columns {
                let _ = write!(s, "<th>{}</th>", esc(&c.text(lang)));
            }
        };
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<!doctype html><html lang="{code}" dir="{dir}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title><style>{STYLE}</style></head><body>"#,
            code = lang.code(),
            dir = if lang == Lang::Ar { "rtl" } else { "ltr" },
            title = tr(t!(
                "report.html.page-title",
                period = in_era_of(&r.period, lang),
                organisation = &r.organisation
            ))
        );
        let _ = write!(
            s,
            r#"<h1>{}</h1><p class="sub">{} · <span class="ltr">{} – {}</span> · <span class="ltr">{}</span> · {} <span class="ltr">{}</span></p>"#,
            tr(t!("report.html.title", organisation = &r.organisation)),
            esc(&in_era_of(&r.period, lang)),
            r.from,
            r.to,
            esc(&in_era_of(&r.hijri, lang)),
            tr(t!("report.html.compared")),
            esc(&in_era_of(&r.previous_period, lang))
        );
        if !r.summary.is_empty() {
            let _ = write!(
                s,
                "<h2>{}</h2><ul class=\"summary\">",
                tr(t!("report.summary"))
            );
            for sentence in &r.summary {
                let _ = write!(s, "<li>{}</li>", isolated(&sentence.text(lang)));
            }
            s.push_str("</ul>");
        }
        let _ = write!(
            s,
            "<h2>{}</h2><table><thead><tr>",
            tr(t!("report.html.scorecard"))
        );
        heads(
            &mut s,
            &[
                t!("report.col.goal"),
                t!("report.col.kpi"),
                t!("report.col.value"),
                t!("report.col.change"),
                t!("report.col.baseline"),
                t!("report.col.target"),
                t!("report.col.progress"),
                t!("report.col.status"),
            ],
        );
        s.push_str("</tr></thead><tbody>");
        for k in &r.kpis {
            let _ = write!(
                s,
                r#"<tr><td>{}</td><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td><span class="badge {}">{}</span></td></tr>"#,
                esc(k.goal_name.primary()),
                esc(k.name.primary()),
                esc(&super::show_kpi(k, k.figure.value, lang)),
                esc(&show_change(k.unit, k.change)),
                esc(&super::show_kpi(k, k.baseline, lang)),
                esc(&super::show_kpi(k, k.target, lang)),
                k.progress
                    .map_or("—".into(), |p| format!("{:.0}%", p * 100.0)),
                serde_json::to_value(k.standing)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                k.standing.text(lang)
            );
            for p in &k.parts {
                let _ = write!(
                    s,
                    r#"<tr><td></td><td>↳ {} ({})</td><td class="num"><bdi dir="ltr">{}</bdi></td><td></td><td></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td></td></tr>"#,
                    esc(metric_name(p.figure.metric, lang)),
                    tr(t!("report.html.weight", weight = p.weight)),
                    esc(&show(p.figure.unit(), p.figure.value)),
                    esc(&show(p.figure.unit(), p.target)),
                    p.score.map_or("—".into(), |v| format!("{v:.0}/100"))
                );
            }
        }
        s.push_str("</tbody></table><ul class=\"coverage\">");
        for k in &r.kpis {
            let _ = write!(
                s,
                "<li><b>{}</b>: {}</li>",
                esc(k.name.primary()),
                tr(super::coverage(k))
            );
        }
        s.push_str("</ul>");
        let _ = write!(
            s,
            r#"<h2>{}</h2><div class="charts">"#,
            tr(t!("report.html.trend"))
        );
        for k in &r.kpis {
            let _ = write!(
                s,
                "<figure><figcaption>{}</figcaption>{}</figure>",
                esc(k.name.primary()),
                trend_chart(r, k, lang)
            );
        }
        s.push_str("</div>");
        let _ = write!(
            s,
            "<h2>{}</h2><figure>{}</figure>",
            tr(t!("report.html.mix")),
            mix_chart(r, lang)
        );
        let _ = write!(
            s,
            "<h2>{}</h2><table><thead><tr>",
            tr(t!("report.platforms"))
        );
        heads(&mut s, &[t!("report.col.platform")]);
        for f in r
            .platforms
            .first()
            .map_or(&[][..], |p| p.figures.as_slice())
        {
            let _ = write!(s, "<th>{}</th>", esc(metric_name(f.metric, lang)));
        }
        s.push_str("</tr></thead><tbody>");
        for p in &r.platforms {
            let _ = write!(s, "<tr><td>{}</td>", esc(&p.platform));
            for f in &p.figures {
                let _ = write!(
                    s,
                    r#"<td class="num"><bdi dir="ltr">{}</bdi></td>"#,
                    esc(&show(f.unit(), f.value))
                );
            }
            s.push_str("</tr>");
        }
        let _ = write!(
            s,
            "</tbody></table><p>{}</p><h2>{}</h2><table><thead><tr>",
            tr(super::sources(r)),
            tr(t!("report.interactions"))
        );
        heads(
            &mut s,
            &[
                t!("report.col.platform"),
                t!("report.col.likes"),
                t!("report.col.replies"),
                t!("report.col.reposts"),
                t!("report.col.saves"),
                t!("report.col.link-clicks"),
            ],
        );
        s.push_str("</tr></thead><tbody>");
        for (platform, figures) in super::interaction_rows(r, lang) {
            let _ = write!(s, "<tr><td>{}</td>", esc(&platform));
            for f in figures {
                let _ = write!(
                    s,
                    r#"<td class="num"><bdi dir="ltr">{}</bdi></td>"#,
                    esc(&show(f.unit(), f.value))
                );
            }
            s.push_str("</tr>");
        }
        let _ = write!(
            s,
            "</tbody></table><h2>{}</h2><table><tbody>",
            tr(t!("report.totals"))
        );
        for f in &r.totals {
            let _ = write!(
                s,
                r#"<tr><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td><span{}>{}</span></td></tr>"#,
                esc(metric_name(f.metric, lang)),
                esc(&show(f.unit(), f.value)),
                ltr_class(lang),
                f.note.as_ref().map_or(String::new(), |n| tr(n.clone()))
            );
        }
        let _ = write!(
            s,
            "</tbody></table><h2>{}</h2><table><thead><tr>",
            tr(t!("report.top-posts"))
        );
        heads(&mut s, &super::top_post_columns());
        s.push_str("</tr></thead><tbody>");
        for p in &r.top_posts {
            let _ = write!(
                s,
                r#"<tr><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td>{}</td><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td></tr>"#,
                esc(&p.platform),
                esc(p.date.as_deref().unwrap_or("")),
                esc(p.title.as_deref().unwrap_or(&p.id)),
                p.goal
                    .as_deref()
                    .map_or_else(|| tr(t!("report.not-in-plan")), esc),
                esc(&show(Unit::Count, p.impressions.map(|v| v as f64))),
                esc(&show(Unit::Count, p.engagements.map(|v| v as f64)))
            );
        }
        s.push_str("</tbody></table>");
        let _ = write!(
            s,
            "<h2>{}</h2><ul>",
            tr(t!(
                "report.heading.unplanned",
                count = r.unplanned_posts.len()
            ))
        );
        for p in &r.unplanned_posts {
            let _ = write!(
                s,
                r#"<li><span class="ltr">{} {} {}</span></li>"#,
                esc(&p.platform),
                esc(p.date.as_deref().unwrap_or("")),
                esc(p.url.as_deref().unwrap_or(&p.id))
            );
        }
        let _ = write!(
            s,
            "</ul><h2>{}</h2><ul>",
            tr(t!("report.heading.missing", count = r.missing_items.len()))
        );
        for m in &r.missing_items {
            let _ = write!(
                s,
                "<li>{} — <span class=\"ltr\">{} {}</span> ({})</li>",
                esc(&m.title),
                esc(&m.platform),
                esc(&m.publish),
                esc(&m.status)
            );
        }
        s.push_str("</ul>");
        if !r.problems.is_empty() {
            let _ = write!(
                s,
                "<h2>{}</h2><ul>",
                tr(t!("report.heading.export-problems"))
            );
            for p in &r.problems {
                let _ = write!(s, "<li{}>{}</li>", ltr_class(lang), esc(&p.text(lang)));
            }
            s.push_str("</ul>");
        }
        let _ = write!(
            s,
            r#"<p class="sub">{}</p></body></html>"#,
            tr(t!("report.html.files-read", count = r.files.len()))
        );
        out.write_all(s.as_bytes())?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::isolated;

    #[test]
    fn figures_in_a_sentence_keep_their_direction_and_the_sentence_its_full_stop() {
        assert_eq!(
            isolated("انخفض من 13 إلى 11 (−2) منذ 2026-10."),
            r#"انخفض من <bdi dir="ltr">13</bdi> إلى <bdi dir="ltr">11</bdi> (<bdi dir="ltr">−2</bdi>) منذ <bdi dir="ltr">2026-10</bdi>."#
        );
        assert_eq!(
            isolated("a <b> 41,250.50 SAR, done"),
            r#"a &lt;b&gt; <bdi dir="ltr">41,250.50</bdi> SAR, done"#
        );
    }
}
