//! One self-contained HTML file: right-to-left in Arabic, left-to-right in
//! English, charts as inline SVG, no network; printable to PDF from a browser.

mod charts;

use super::{Report, ReportWriter, metric_names};
use crate::plan::metrics::{Metric, Unit};
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::html::{CSP, esc, isolated};
use crate::text::i18n::{Lang, Msg};
use std::fmt::Write as _;
use std::io::{self, Write};

pub(super) struct Html {
    pub lang: Lang,
}

/// A catalog message as HTML text.
pub(super) fn escaped(message: &Msg, lang: Lang) -> String {
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

/// A table of cells: the first column as text, the others as numbers
/// kept left to right; nothing when it has no row.
fn cells_table(s: &mut String, columns: &[Msg], rows: &[Vec<String>], lang: Lang) {
    if rows.is_empty() {
        return;
    }
    s.push_str("<table><thead><tr>");
    for c in columns {
        let _ = write!(s, "<th>{}</th>", esc(&c.text(lang)));
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows {
        s.push_str("<tr>");
        for (i, value) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(s, "<td>{}</td>", esc(value));
            } else {
                let _ = write!(
                    s,
                    r#"<td class="num"><bdi dir="ltr">{}</bdi></td>"#,
                    esc(value)
                );
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
}

/// A table row: its name, then each figure as a number kept left to right.
fn figure_row(s: &mut String, name: &str, figures: &[crate::report::figures::Figure], lang: Lang) {
    let _ = write!(s, "<tr><td>{}</td>", esc(name));
    for f in figures {
        let _ = write!(
            s,
            r#"<td class="num"><bdi dir="ltr">{}</bdi></td>"#,
            esc(&super::show(f.unit(), f.value, lang))
        );
    }
    s.push_str("</tr>");
}

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
svg text{font-family:inherit;font-size:11px;fill:#37474f;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
ul{padding-inline-start:1.2rem}.ltr{direction:ltr;unicode-bidi:isolate}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table{break-inside:avoid}}
"#;

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
                esc(k.goal_name.in_lang(lang)),
                esc(k.name.in_lang(lang)),
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
                esc(k.name.in_lang(lang)),
                tr(super::coverage(k, lang))
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
                esc(k.name.in_lang(lang)),
                charts::trend(r, k, lang)
            );
        }
        s.push_str("</div>");
        let _ = write!(
            s,
            "<h2>{}</h2><figure>{}</figure>",
            tr(t!("report.html.mix")),
            charts::mix(r, lang)
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
            figure_row(&mut s, &p.platform, &p.figures, lang);
        }
        let _ = write!(
            s,
            "</tbody></table><p>{}</p><h2>{}</h2><table><thead><tr>",
            tr(super::sources(r)),
            tr(t!("report.interactions"))
        );
        heads(&mut s, &super::interaction_columns());
        s.push_str("</tr></thead><tbody>");
        for (platform, figures) in super::interaction_rows(r, lang) {
            figure_row(&mut s, &platform, figures, lang);
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
                esc(&super::served(r, p, lang)),
                esc(&show(Unit::Count, p.impressions.map(|v| v as f64))),
                esc(&show(Unit::Count, p.engagements.map(|v| v as f64)))
            );
        }
        s.push_str("</tbody></table>");
        if let Some(money) = super::money_tables(r, lang) {
            let _ = write!(s, "<h2>{}</h2><ul>", tr(t!("report.money")));
            for line in money.lines {
                let _ = write!(s, "<li>{}</li>", isolated(&line.text(lang)));
            }
            s.push_str("</ul>");
            if let Some(chart) = charts::money(r, lang) {
                let _ = write!(s, "<figure>{chart}</figure>");
            }
            for (columns, rows) in [
                (&money.goal_columns, &money.goals),
                (&money.platform_columns, &money.platforms),
                (&money.cost_columns, &money.costs),
            ] {
                cells_table(&mut s, columns, rows, lang);
            }
            let _ = write!(s, "<p>{}</p><ul>", isolated(&money.undirected.text(lang)));
            // A campaign's name as the ad platform writes it, often Latin:
            // kept left to right, as the posts not in the plan are.
            for row in money.undirected_rows {
                let _ = write!(
                    s,
                    r#"<li><span class="ltr">{}</span></li>"#,
                    esc(&row.text(lang))
                );
            }
            s.push_str("</ul>");
        }
        if let Some(peers) = super::peers_tables(r, lang) {
            let _ = write!(s, r#"<h2 id="peers">{}</h2>"#, tr(t!("report.peers")));
            for line in peers.lines {
                let _ = write!(s, "<p>{}</p>", isolated(&line.text(lang)));
            }
            for (platform, rows) in &peers.platforms {
                let _ = write!(
                    s,
                    "<h3>{}</h3>",
                    tr(t!("report.peers.platform", platform = *platform))
                );
                cells_table(&mut s, &peers.columns, rows, lang);
            }
            if !peers.missing.is_empty() {
                s.push_str(r#"<ul class="missing">"#);
                for line in peers.missing {
                    let _ = write!(s, "<li>{}</li>", isolated(&line.text(lang)));
                }
                s.push_str("</ul>");
            }
            let _ = write!(s, "<p>{}</p>", isolated(&peers.sources.text(lang)));
        }
        if let Some(team) = super::team_tables(r, lang) {
            let _ = write!(s, "<h2>{}</h2>", tr(t!("report.team")));
            cells_table(&mut s, &team.people_columns, &team.people, lang);
            cells_table(&mut s, &team.step_columns, &team.steps, lang);
            let _ = write!(s, "<p>{}</p>", tr(team.source));
        }
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
        let items = |s: &mut String, list: &[super::super::MissingItem]| {
            for m in list {
                let _ = write!(
                    s,
                    "<li>{} — <span class=\"ltr\">{} {}</span> ({})</li>",
                    esc(&m.title),
                    esc(&m.platform),
                    esc(&m.publish),
                    esc(&m.status)
                );
            }
        };
        items(&mut s, &r.missing_items);
        s.push_str("</ul>");
        if !r.unverifiable_items.is_empty() {
            let count = r.unverifiable_items.len();
            let _ = write!(
                s,
                "<h2>{}</h2><ul>",
                tr(t!("report.heading.unverifiable", count = count))
            );
            items(&mut s, &r.unverifiable_items);
            s.push_str("</ul>");
        }
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
