//! One self-contained HTML file: right-to-left Arabic layout, charts as
//! inline SVG, no network; printable to PDF from a browser.

use super::{Report, ReportWriter, metric_names, show, show_change};
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Html;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
svg text{font-family:inherit;font-size:11px;fill:#37474f}
ul{padding-inline-start:1.2rem}.ltr{direction:ltr;unicode-bidi:isolate}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table{break-inside:avoid}}
"#;

/// A line chart of a KPI by month against its target.
fn trend_chart(r: &Report, kpi: &super::super::KpiResult) -> String {
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
            r#"<text x="{}" y="{}" text-anchor="middle">no data</text></svg>"#,
            w / 2.0,
            h / 2.0
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
    if let Some(t) = kpi.target {
        let _ = write!(
            svg,
            r##"<line x1="{pad}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="#c0392b" stroke-dasharray="5 4"/><text x="{1}" y="{2:.1}" text-anchor="end">target {3}</text>"##,
            y(t),
            w - pad,
            y(t) - 4.0,
            esc(&show(&kpi.metric, Some(t)))
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
                r##"<circle cx="{0:.1}" cy="{1:.1}" r="3.5" fill="#0b7a5a"/><text x="{0:.1}" y="{2:.1}" text-anchor="middle">{3}</text>"##,
                x(i),
                y(*v),
                y(*v) - 8.0,
                esc(&show(&kpi.metric, Some(*v)))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Bars of each platform's planned share of placements beside its focus share.
fn mix_chart(r: &Report) -> String {
    let row = 26.0;
    let (w, label, h) = (620.0, 90.0, 30.0 + row * r.platforms.len() as f64);
    let scale = |pct: f64| (w - label - 60.0) * pct / 100.0;
    let mut svg = format!(
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="platform mix" direction="ltr">"#
    );
    let _ = write!(
        svg,
        r##"<rect x="{label}" y="4" width="12" height="8" fill="#0b7a5a"/><text x="{}" y="12">planned share</text><rect x="{}" y="4" width="12" height="8" fill="#90a4ae"/><text x="{}" y="12">focus share</text>"##,
        label + 16.0,
        label + 120.0,
        label + 136.0
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
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>تقرير {period} — {org}</title><style>{STYLE}</style></head><body>"#,
            period = esc(&r.period),
            org = esc(&r.organisation)
        );
        let _ = write!(
            s,
            r#"<h1>تقرير الأداء للإعلام الاجتماعي — {}</h1><p class="sub">{} · <span class="ltr">{} – {}</span> · مقارنة بـ <span class="ltr">{}</span></p>"#,
            esc(&r.organisation),
            esc(&r.period),
            r.from,
            r.to,
            esc(&r.previous_period)
        );
        s.push_str("<h2>بطاقة الأداء المتوازن</h2><table><thead><tr><th>الهدف</th><th>المؤشر</th><th>القيمة</th><th>التغير</th><th>خط الأساس</th><th>المستهدف</th><th>الإنجاز</th><th>الحالة</th></tr></thead><tbody>");
        for k in &r.kpis {
            let _ = write!(
                s,
                r#"<tr><td>{}</td><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td><span class="badge {}">{}</span></td></tr>"#,
                esc(k.goal_name.primary()),
                esc(k.name.primary()),
                esc(&show(&k.metric, k.figure.value)),
                esc(&show_change(&k.metric, k.change)),
                esc(&show(&k.metric, k.baseline)),
                esc(&show(&k.metric, k.target)),
                k.progress
                    .map_or("—".into(), |p| format!("{:.0}%", p * 100.0)),
                serde_json::to_value(k.standing)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                k.standing.arabic()
            );
            for p in &k.parts {
                let (ar, _) = metric_names(p.figure.metric);
                let _ = write!(
                    s,
                    r#"<tr><td></td><td>↳ {} (الوزن {})</td><td class="num"><bdi dir="ltr">{}</bdi></td><td></td><td></td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td><td></td></tr>"#,
                    esc(ar),
                    p.weight,
                    esc(&show(p.figure.metric, p.figure.value)),
                    esc(&show(p.figure.metric, p.target)),
                    p.score.map_or("—".into(), |v| format!("{v:.0}/100"))
                );
            }
        }
        s.push_str("</tbody></table>");
        s.push_str(r#"<h2>اتجاه المؤشرات مقابل المستهدف</h2><div class="charts">"#);
        for k in &r.kpis {
            let _ = write!(
                s,
                "<figure><figcaption>{}</figcaption>{}</figure>",
                esc(k.name.primary()),
                trend_chart(r, k)
            );
        }
        s.push_str("</div>");
        let _ = write!(
            s,
            "<h2>مزيج المنصات مقابل نسب التركيز</h2><figure>{}</figure>",
            mix_chart(r)
        );
        s.push_str("<h2>المنصات</h2><table><thead><tr><th>المنصة</th>");
        for f in r
            .platforms
            .first()
            .map_or(&[][..], |p| p.figures.as_slice())
        {
            let _ = write!(s, "<th>{}</th>", esc(metric_names(f.metric).0));
        }
        s.push_str("</tr></thead><tbody>");
        for p in &r.platforms {
            let _ = write!(s, "<tr><td>{}</td>", esc(&p.platform));
            for f in &p.figures {
                let _ = write!(
                    s,
                    r#"<td class="num"><bdi dir="ltr">{}</bdi></td>"#,
                    esc(&show(f.metric, f.value))
                );
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table><h2>الإجمالي</h2><table><tbody>");
        for f in &r.totals {
            let _ = write!(
                s,
                r#"<tr><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td><span class="ltr">{}</span></td></tr>"#,
                esc(metric_names(f.metric).0),
                esc(&show(f.metric, f.value)),
                esc(f.note.as_deref().unwrap_or(""))
            );
        }
        s.push_str("</tbody></table><h2>أعلى المنشورات تفاعلاً</h2><table><thead><tr><th>المنصة</th><th>التاريخ</th><th>المادة</th><th>الهدف</th><th>الظهور</th><th>التفاعل</th></tr></thead><tbody>");
        for p in &r.top_posts {
            let _ = write!(
                s,
                r#"<tr><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td>{}</td><td>{}</td><td class="num"><bdi dir="ltr">{}</bdi></td><td class="num"><bdi dir="ltr">{}</bdi></td></tr>"#,
                esc(&p.platform),
                esc(p.date.as_deref().unwrap_or("")),
                esc(p.title.as_deref().unwrap_or(&p.id)),
                esc(p.goal.as_deref().unwrap_or("— خارج الخطة")),
                esc(&show("impressions", p.impressions.map(|v| v as f64))),
                esc(&show("engagements", p.engagements.map(|v| v as f64)))
            );
        }
        s.push_str("</tbody></table>");
        let _ = write!(
            s,
            "<h2>منشورات خارج الخطة ({})</h2><ul>",
            r.unplanned_posts.len()
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
            "</ul><h2>مواد مخططة لم تظهر في الصادرات ({})</h2><ul>",
            r.missing_items.len()
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
            s.push_str("<h2>ملاحظات على ملفات التصدير</h2><ul>");
            for p in &r.problems {
                let _ = write!(s, r#"<li class="ltr">{}</li>"#, esc(p));
            }
            s.push_str("</ul>");
        }
        let _ = write!(
            s,
            r#"<p class="sub">الملفات المقروءة: {}</p></body></html>"#,
            r.files.len()
        );
        out.write_all(s.as_bytes())?;
        writeln!(out)
    }
}
