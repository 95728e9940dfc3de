//! The HTML report as a reader sees it: no chart label covers another
//! and none runs off its chart, on the shipped plans' months and years in
//! both languages. Read from the SVG's coordinates: each `<text>`'s box from
//! its `x`, `y`, anchor and direction, 7 px a character at the charts' 11 px
//! (the width of a digit in `DejaVu Sans`, the widest of the page's fonts).
//! And the Markdown report carries every section the page has.

use crate::common::{root, stdout};

const FONT_SIZE: f64 = 11.0;
const CHARACTER_WIDTH: f64 = 7.0;

/// A label on a chart: its text and the box it covers.
#[derive(Debug)]
struct Label {
    text: String,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// The value of `name="…"` in a tag's attributes.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// The characters a reader sees: tags, entities and bidi marks as one or none.
fn shown(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    for (entity, c) in [
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
    ] {
        out = out.replace(entity, c);
    }
    out
}

/// Each chart of an HTML page: its width and height, and its labels.
fn charts(html: &str) -> Vec<(f64, f64, Vec<Label>)> {
    let mut out = Vec::new();
    for svg in html.split("<svg ").skip(1) {
        let svg = &svg[..svg.find("</svg>").expect("a closed svg")];
        let view: Vec<f64> = attribute(&format!(" {svg}"), "viewBox")
            .expect("a viewBox")
            .split(' ')
            .map(|n| n.parse().unwrap())
            .collect();
        let mut labels = Vec::new();
        for text in svg.split("<text").skip(1) {
            let (tag, rest) = text.split_once('>').unwrap();
            let content = shown(&rest[..rest.find("</text>").unwrap()]);
            let number = |name| attribute(tag, name).unwrap().parse::<f64>().unwrap();
            let (x, y) = (number("x"), number("y"));
            let width = content.chars().count() as f64 * CHARACTER_WIDTH;
            let rtl = attribute(tag, "direction") == Some("rtl");
            // Where the label's left edge is, in the chart's left-to-right coordinates.
            let left = match (attribute(tag, "text-anchor").unwrap_or("start"), rtl) {
                ("middle", _) => x - width / 2.0,
                ("start", false) | ("end", true) => x,
                _ => x - width,
            };
            labels.push(Label {
                text: content,
                left,
                right: left + width,
                top: y - FONT_SIZE,
                bottom: y + FONT_SIZE * 0.3,
            });
        }
        out.push((view[2], view[3], labels));
    }
    out
}

/// Every overlap and every label out of its chart, in words.
fn faults(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, (width, height, labels)) in charts(html).iter().enumerate() {
        for (i, a) in labels.iter().enumerate() {
            if a.left < 0.0 || a.right > *width || a.top < 0.0 || a.bottom > *height {
                out.push(format!("chart {n}: «{}» runs off the chart", a.text));
            }
            for b in &labels[i + 1..] {
                if a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom {
                    out.push(format!("chart {n}: «{}» covers «{}»", a.text, b.text));
                }
            }
        }
    }
    out
}

#[test]
fn no_chart_label_covers_another_in_any_shipped_report() {
    let reports: [&[&str]; 7] = [
        &["--month", "2026-11"],
        &["--month", "2026-11", "--lang", "en"],
        &["--year", "2026"],
        &["--year", "1448", "AH"],
        &["--month", "1448-05", "AH", "--lang", "en"],
        &["--plan", "examples/food-bank/plans", "--month", "2026-11"],
        &[
            "--plan",
            "examples/food-bank/plans",
            "--year",
            "2026",
            "--lang",
            "en",
        ],
    ];
    let mut labels = 0;
    for period in reports {
        let mut args = vec!["report", "--today", "2026-12-01", "--format", "html"];
        args.extend(period);
        let html = stdout(&root(), &args);
        labels += charts(&html).iter().map(|c| c.2.len()).sum::<usize>();
        assert_eq!(faults(&html), Vec::<String>::new(), "{args:?}");
    }
    assert!(
        labels > 200,
        "only {labels} labels read: the reader lost them"
    );
}

#[test]
fn the_checker_sees_a_covered_label_and_one_off_the_chart() {
    let html = r#"<svg viewBox="0 0 320 170" width="100%" direction="ltr"><text x="34" y="50" text-anchor="end" direction="rtl">المستهدف 60 دقيقة</text><text x="60" y="52" text-anchor="middle">83 min</text><text x="310" y="100" text-anchor="middle">123,456</text></svg>"#;
    assert_eq!(
        faults(html),
        [
            "chart 0: «المستهدف 60 دقيقة» covers «83 min»",
            "chart 0: «123,456» runs off the chart",
        ]
    );
}

/// A report's section headings: `<h2>` in HTML, `## ` in Markdown.
fn headings(text: &str, html: bool) -> Vec<String> {
    if html {
        text.split("<h2>")
            .skip(1)
            .map(|h| shown(&h[..h.find("</h2>").unwrap()]))
            .collect()
    } else {
        text.lines()
            .filter_map(|l| l.strip_prefix("## "))
            .map(str::to_string)
            .collect()
    }
}

#[test]
fn markdown_carries_every_section_of_the_html_page() {
    for lang in ["ar", "en"] {
        let report = |format| {
            stdout(
                &root(),
                &[
                    "report",
                    "--month",
                    "2026-11",
                    "--today",
                    "2026-12-01",
                    "--lang",
                    lang,
                    "--format",
                    format,
                ],
            )
        };
        let html = headings(&report("html"), true);
        let markdown = headings(&report("markdown"), false);
        assert!(html.len() >= 10, "{html:?}");
        // The scorecard is «Balanced scorecard» on the page, «Scorecard» in Markdown.
        let same = |a: &String, b: &String| a.to_lowercase().contains(&b.to_lowercase());
        let lacking: Vec<&String> = html
            .iter()
            .filter(|h| !markdown.iter().any(|m| same(h, m)))
            .collect();
        assert!(
            lacking.is_empty(),
            "{lang}: Markdown lacks {lacking:?}; it has {markdown:?}"
        );
    }
}
