//! The plan book as one self-contained HTML page: right to left in Arabic,
//! left to right in English, nothing loaded from anywhere, laid out to be
//! printed (the process and the calendar on new pages, table headings repeated, rows kept
//! whole) and signed.

use super::{Bi, Block, Book, BookWriter};
use crate::text::html::{CSP, esc, isolated};
use crate::text::i18n::Lang;
use std::fmt::Write as _;
use std::io::{self, Write};

pub(super) struct Html;

const STYLE: &str = r#"
body{font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",Tahoma,Arial,sans-serif;margin:2rem auto;max-width:1000px;color:#1d2b36;line-height:1.6;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.25rem;border-bottom:2px solid #0b7a5a;padding-bottom:.2rem;margin-top:2.2rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.sub{color:#5b6b76;margin:0}
nav ol{columns:2;padding-inline-start:1.4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #d5dde2;padding:.3rem .45rem;text-align:start;vertical-align:top}
th{background:#eef4f1}
.other{display:block;color:#5b6b76;font-size:.85em}
.ltr{direction:ltr;unicode-bidi:isolate}
ul{padding-inline-start:1.2rem}
@page{size:A4;margin:16mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}#process,#calendar{break-before:page}h2,h3{break-after:avoid;break-inside:avoid}thead{display:table-header-group}tr{break-inside:avoid}}
"#;

/// A text and, beneath it, the other language's.
fn shown(bi: &Bi, lang: Lang) -> String {
    let mut s = if bi.ltr {
        format!(r#"<span class="ltr">{}</span>"#, esc(&bi.text))
    } else {
        isolated(&bi.text)
    };
    if let Some(other) = &bi.other {
        let (code, dir) = match lang {
            Lang::Ar => ("en", "ltr"),
            Lang::En => ("ar", "rtl"),
        };
        let _ = write!(
            s,
            r#"<span class="other" lang="{code}" dir="{dir}">{}</span>"#,
            esc(other)
        );
    }
    s
}

impl BookWriter for Html {
    fn write(&self, book: &Book, out: &mut dyn Write) -> io::Result<()> {
        let lang = book.lang;
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<!doctype html><html lang="{code}" dir="{dir}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title><style>{STYLE}</style></head><body><header><h1>{h1}</h1>"#,
            code = lang.code(),
            dir = if lang == Lang::Ar { "rtl" } else { "ltr" },
            title = esc(&book.title.text),
            h1 = shown(&book.title, lang),
        );
        for line in &book.subtitle {
            let _ = write!(s, r#"<p class="sub">{}</p>"#, shown(line, lang));
        }
        s.push_str("</header><nav><ol>");
        for section in &book.sections {
            let _ = write!(
                s,
                r##"<li><a href="#{}">{}</a></li>"##,
                section.id,
                esc(&section.title)
            );
        }
        s.push_str("</ol></nav>");
        for section in &book.sections {
            let _ = write!(
                s,
                r#"<section id="{}"><h2>{}</h2>"#,
                section.id,
                esc(&section.title)
            );
            for block in &section.blocks {
                match block {
                    Block::Heading(text) => {
                        let _ = write!(s, "<h3>{}</h3>", shown(text, lang));
                    }
                    Block::Para(text) => {
                        let _ = write!(s, "<p>{}</p>", shown(text, lang));
                    }
                    Block::List(items) => {
                        s.push_str("<ul>");
                        for item in items {
                            let _ = write!(s, "<li>{}</li>", shown(item, lang));
                        }
                        s.push_str("</ul>");
                    }
                    Block::Table { columns, rows } => {
                        if rows.is_empty() {
                            continue;
                        }
                        s.push_str("<table><thead><tr>");
                        for c in columns {
                            let _ = write!(s, "<th>{}</th>", esc(c));
                        }
                        s.push_str("</tr></thead><tbody>");
                        for row in rows {
                            s.push_str("<tr>");
                            for cell in row {
                                let _ = write!(s, "<td>{}</td>", shown(cell, lang));
                            }
                            s.push_str("</tr>");
                        }
                        s.push_str("</tbody></table>");
                    }
                }
            }
            s.push_str("</section>");
        }
        s.push_str("</body></html>\n");
        out.write_all(s.as_bytes())
    }
}
