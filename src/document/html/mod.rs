//! One self-contained HTML page: right to left in Arabic, left to right in
//! English, charts as inline SVG, nothing loaded from anywhere (a policy
//! that says so), laid out to be printed (sections that ask for it on a
//! new page, table headings repeated, rows and charts kept whole).

mod svg;

use super::{Bi, Block, Cell, Chart, Document, Section, Table};
use crate::text::arabic::is_arabic_letter;
use crate::text::html::{CSP, esc, isolated};
use crate::text::i18n::Lang;
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = r#"
body{font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",Tahoma,Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2b36;line-height:1.6;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;border-bottom:2px solid #0b7a5a;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.sub{color:#5b6b76;margin:0}
nav ol{columns:2;padding-inline-start:1.4rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
th,td{border:1px solid #d5dde2;padding:.35rem .5rem;text-align:start;vertical-align:top}
th{background:#eef4f1}td.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.other{display:block;color:#5b6b76;font-size:.85em}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.85rem;white-space:nowrap}
.on_track{background:#d8f1e4;color:#0b5e45}.behind{background:#fde2dc;color:#8f2b17}.missing_data{background:#eceff1;color:#455a64}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}
figure{margin:.6rem 0;border:1px solid #d5dde2;border-radius:.4rem;padding:.5rem}figcaption{font-weight:bold;margin-bottom:.3rem}
svg text{font-family:inherit;font-size:11px;fill:#37474f;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
ul{padding-inline-start:1.2rem}.ltr{direction:ltr;unicode-bidi:isolate}bdi{white-space:nowrap}
.grid{table-layout:fixed}.grid td{height:4.2rem;font-size:.8rem}.grid td.out{background:#f6f8f9}.grid td.occasion{background:#fff7e0}
.grid .d{font-weight:bold;font-size:.95rem}.grid .h{color:#5b6b76;float:inline-end}.grid .o{color:#8a5a00}.grid .e{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
@page{size:A4;margin:16mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt;line-height:1.45}table{font-size:8.5pt}th,td{padding:.2rem .4rem}h2{margin-top:1.4rem}td.num{white-space:normal}.charts{display:flex;flex-wrap:wrap;gap:.5rem}.charts figure{flex:0 0 calc(33% - .5rem);box-sizing:border-box}.new-page{break-before:page}h2,h3{break-after:avoid;break-inside:avoid}thead{display:table-header-group}tr,figure{break-inside:avoid}}
"#;

/// A text and, beneath it, the other language's; ids and figures kept
/// left to right, figures in words isolated.
fn shown(bi: &Bi) -> String {
    let mut s = if bi.ltr {
        format!(r#"<span class="ltr">{}</span>"#, esc(&bi.text))
    } else {
        isolated(&bi.text)
    };
    if let Some(other) = &bi.other {
        // The other language's words, or the same words in the other
        // calendar (`1448-06-09 هـ`): their direction is their script's.
        let arabic = other.chars().any(is_arabic_letter);
        let (code, dir, text) = if arabic {
            ("ar", "rtl", isolated(other))
        } else {
            ("en", "ltr", esc(other))
        };
        let _ = write!(
            s,
            r#"<span class="other" lang="{code}" dir="{dir}">{text}</span>"#
        );
    }
    s
}

pub(super) fn write(document: &Document, out: &mut dyn Write) -> io::Result<()> {
    let lang = document.lang;
    let mut s = Out::new(out);
    let _ = write!(
        s,
        r#"<!doctype html><html lang="{code}" dir="{dir}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title><style>{STYLE}</style></head><body><header><h1>{h1}</h1>"#,
        code = lang.code(),
        dir = if lang == Lang::Ar { "rtl" } else { "ltr" },
        title = esc(&document.page_title),
        h1 = shown(&document.title),
    );
    for line in &document.subtitle {
        let _ = write!(s, r#"<p class="sub">{}</p>"#, shown(line));
    }
    s.push_str("</header>");
    if document.contents {
        s.push_str("<nav><ol>");
        for section in &document.sections {
            let _ = write!(
                s,
                r##"<li><a href="#{}">{}</a></li>"##,
                section.id,
                esc(&section.title)
            );
        }
        s.push_str("</ol></nav>");
    }
    for section in &document.sections {
        write_section(&mut s, section, lang);
    }
    for line in &document.footer {
        let _ = write!(s, r#"<p class="sub">{}</p>"#, shown(line));
    }
    s.push_str("</body></html>\n");
    s.finish()
}

/// The page as it is written: text gathered a little at a time and
/// passed on, so a table of 100,000 rows is never held whole.
struct Out<'a> {
    text: String,
    to: &'a mut dyn Write,
    /// The first error in passing text on; later text is dropped.
    error: Option<io::Error>,
}

impl<'a> Out<'a> {
    /// Text gathered before it is passed on.
    const GATHER: usize = 1 << 16;

    fn new(out: &'a mut dyn Write) -> Out<'a> {
        Out {
            text: String::with_capacity(Self::GATHER),
            to: out,
            error: None,
        }
    }

    fn push_str(&mut self, text: &str) {
        self.text.push_str(text);
        if self.text.len() >= Self::GATHER {
            self.pass_on();
        }
    }

    fn pass_on(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.to.write_all(self.text.as_bytes())
        {
            self.error = Some(e);
        }
        self.text.clear();
    }

    /// Passes on the rest; the first error, if any.
    fn finish(mut self) -> io::Result<()> {
        self.pass_on();
        self.error.map_or(Ok(()), Err)
    }
}

impl std::fmt::Write for Out<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

fn write_section(s: &mut Out<'_>, section: &Section, lang: Lang) {
    let _ = write!(
        s,
        r#"<section id="{}"{}><h2>{}</h2>"#,
        section.id,
        if section.new_page {
            r#" class="new-page""#
        } else {
            ""
        },
        esc(&section.title)
    );
    for block in &section.blocks {
        write_block(s, block, lang);
    }
    s.push_str("</section>");
}

fn write_block(s: &mut Out<'_>, block: &Block, lang: Lang) {
    match block {
        Block::Heading(text) => {
            let _ = write!(s, "<h3>{}</h3>", shown(text));
        }
        Block::Para(text) => {
            let _ = write!(s, "<p>{}</p>", shown(text));
        }
        Block::List(items) if items.is_empty() => {}
        Block::Terms(terms) if terms.is_empty() => {}
        Block::List(items) => {
            s.push_str("<ul>");
            for item in items {
                let _ = write!(s, "<li>{}</li>", shown(item));
            }
            s.push_str("</ul>");
        }
        Block::Terms(terms) => {
            s.push_str("<ul>");
            for (term, said) in terms {
                let _ = write!(s, "<li><b>{}</b>: {}</li>", shown(term), shown(said));
            }
            s.push_str("</ul>");
        }
        Block::Table(table) => write_table(s, table),
        Block::Charts(charts) => write_charts(s, charts, lang),
        Block::Grid(grid) => write_grid(s, grid),
    }
}

fn write_table(s: &mut Out<'_>, table: &Table) {
    if table.rows.is_empty() {
        return;
    }
    s.push_str("<table><thead><tr>");
    for c in &table.columns {
        let _ = write!(s, "<th>{}</th>", esc(c));
    }
    s.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        s.push_str("<tr>");
        for cell in row {
            match cell {
                Cell::Text(bi) => {
                    let _ = write!(s, "<td>{}</td>", shown(bi));
                }
                // A figure with words (`83 دقيقة`, `41% (المتوقع 47%)`)
                // reads in the page's direction, its figures isolated.
                Cell::Number { shown, .. } if shown.chars().any(is_arabic_letter) => {
                    let _ = write!(s, r#"<td class="num">{}</td>"#, isolated(shown));
                }
                Cell::Number { shown, .. } => {
                    let _ = write!(
                        s,
                        r#"<td class="num"><bdi dir="ltr">{}</bdi></td>"#,
                        esc(shown)
                    );
                }
                Cell::Missing { why } => {
                    let title = why
                        .as_ref()
                        .map_or_else(String::new, |why| format!(r#" title="{}""#, esc(why)));
                    let _ = write!(s, r#"<td class="num missing"{title}>—</td>"#);
                }
                Cell::Badge { class, text } => {
                    let _ = write!(
                        s,
                        r#"<td><span class="badge {class}">{}</span></td>"#,
                        esc(text)
                    );
                }
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
}

/// Line charts side by side, each in a figure under its caption; bars
/// across the page.
fn write_charts(s: &mut Out<'_>, charts: &[Chart], lang: Lang) {
    let lines = charts.iter().any(|c| matches!(c, Chart::Line(_)));
    if lines {
        s.push_str(r#"<div class="charts">"#);
    }
    for chart in charts {
        let drawn = match chart {
            Chart::Line(line) => Some(svg::line(line, lang)),
            Chart::Bars(bars) => svg::bars(bars, lang),
        };
        if let Some(drawn) = drawn {
            let _ = write!(
                s,
                "<figure><figcaption>{}</figcaption>{drawn}</figure>",
                esc(chart.caption())
            );
        }
    }
    if lines {
        s.push_str("</div>");
    }
}

/// A month's grid: the week's days as columns (right to left in an
/// Arabic page, as the page flows), each day with both calendars'
/// numbers, its occasions and what is planned.
fn write_grid(s: &mut Out<'_>, grid: &crate::document::grid::Grid) {
    s.push_str(r#"<table class="grid"><thead><tr>"#);
    for name in &grid.weekdays {
        let _ = write!(s, "<th>{}</th>", esc(name));
    }
    s.push_str("</tr></thead><tbody>");
    for week in &grid.weeks {
        s.push_str("<tr>");
        for day in week {
            let Some(day) = day else {
                s.push_str(r#"<td class="out"></td>"#);
                continue;
            };
            let marked = if day.occasions.is_empty() {
                ""
            } else {
                r#" class="occasion""#
            };
            let _ = write!(
                s,
                r#"<td{marked}><span class="d">{}</span> <span class="h">{}</span>"#,
                day.day,
                isolated(&day.hijri)
            );
            for occasion in &day.occasions {
                let _ = write!(s, r#"<div class="o">★ {}</div>"#, isolated(occasion));
            }
            for entry in &day.entries {
                let _ = write!(s, r#"<div class="e" dir="auto">{}</div>"#, esc(entry));
            }
            s.push_str("</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_kind_and_texts_their_other_language() {
        let table = Table {
            columns: vec!["Goal".into(), "Value".into(), "Status".into()],
            rows: vec![vec![
                Cell::Text(Bi {
                    text: "التأثير".into(),
                    other: Some("Influence".into()),
                    ltr: false,
                }),
                Cell::number("1,200", Some(1200.0)),
                Cell::Badge {
                    class: "on_track",
                    text: "on <track>".into(),
                },
            ]],
        };
        let mut bytes = Vec::new();
        let mut out = Out::new(&mut bytes);
        write_table(&mut out, &table);
        out.finish().unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            r#"<table><thead><tr><th>Goal</th><th>Value</th><th>Status</th></tr></thead><tbody><tr><td>التأثير<span class="other" lang="en" dir="ltr">Influence</span></td><td class="num"><bdi dir="ltr">1,200</bdi></td><td><span class="badge on_track">on &lt;track&gt;</span></td></tr></tbody></table>"#
        );
        let mut empty = Vec::new();
        let mut out = Out::new(&mut empty);
        write_table(&mut out, &Table::default());
        out.finish().unwrap();
        assert!(empty.is_empty());
    }

    /// A writer that takes `room` bytes, then fails.
    struct Full {
        taken: Vec<u8>,
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.taken.len() + bytes.len() > self.room {
                return Err(io::Error::other("disk full"));
            }
            self.taken.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_page_is_passed_on_as_it_is_made_and_its_first_error_kept() {
        let row = "<tr><td>صف</td></tr>";
        let rows = 2 * Out::GATHER / row.len();
        let mut full = Full {
            taken: Vec::new(),
            room: usize::MAX,
        };
        let mut out = Out::new(&mut full);
        for _ in 0..rows {
            out.push_str(row);
            assert!(out.text.len() < Out::GATHER);
        }
        out.finish().unwrap();
        assert_eq!(full.taken, row.repeat(rows).as_bytes());
        let mut full = Full {
            taken: Vec::new(),
            room: Out::GATHER,
        };
        let mut out = Out::new(&mut full);
        (0..rows).for_each(|_| out.push_str(row));
        assert_eq!(out.finish().unwrap_err().to_string(), "disk full");
    }
}
