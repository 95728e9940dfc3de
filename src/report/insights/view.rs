//! The findings as a document (terminal, Markdown, HTML with charts), as
//! JSON (the [`Insights`] themselves) and as CSV (one row a cell).

use super::{Breakdown, Cell, Comparison, Insights, Outlier};
use crate::document::chart::{BarRow, Bars};
use crate::document::number::{MISSING, signed, thousands};
use crate::document::{self as doc, Bi, Block, Chart, Document, Section, Table};
use crate::t;
use crate::text::i18n::{Lang, Msg};
use std::io::{self, Write};

/// The formats the findings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Document(doc::Format),
    Json,
    Csv,
}

/// Writes `insights` in `format`.
pub fn write(
    insights: &Insights,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Document(format) => doc::render(&document(insights, lang), format, out),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, insights)?;
            writeln!(out)
        }
        Format::Csv => csv(insights, out),
    }
}

/// A rate as a percent with one decimal (`6.1%`).
fn rate(value: Option<f64>) -> String {
    value.map_or_else(|| MISSING.to_string(), |v| format!("{:.1}%", v * 100.0))
}

/// A platform's name in the reader's words.
fn platform(id: &str, lang: Lang) -> String {
    crate::plan::model::platforms::name_of(id).text(lang)
}

/// A dimension's value in the reader's words.
fn value(dimension: &str, value: &str, lang: Lang) -> String {
    let said = match (dimension, value) {
        (_, "not-known") => t!("insights.value.not-known"),
        (_, "not-planned") => t!("insights.value.not-planned"),
        ("weekday", day) => {
            use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
            let index = super::WEEKDAYS.iter().position(|d| *d == day).unwrap_or(0);
            crate::text::dates::weekday_name([Sun, Mon, Tue, Wed, Thu, Fri, Sat][index])
        }
        ("hour", band) => t!(
            "insights.value.hours",
            band = band.replace('-', ":00–") + ":00"
        ),
        ("length", band) => t!("insights.value.length", band = band.replace('-', "–")),
        ("link", "link") => t!("insights.value.link"),
        ("link", _) => t!("insights.value.no-link"),
        ("hashtags", "hashtags") => t!("insights.value.hashtags"),
        ("hashtags", _) => t!("insights.value.no-hashtags"),
        ("format", format) => {
            return format_name(format).map_or_else(|| format.to_string(), |m| m.text(lang));
        }
        _ => return value.to_string(),
    };
    said.text(lang)
}

/// A calendar format in the reader's words.
fn format_name(format: &str) -> Option<Msg> {
    Some(match format {
        "text" => t!("insights.format.text"),
        "image" => t!("insights.format.image"),
        "video" => t!("insights.format.video"),
        "reel" => t!("insights.format.reel"),
        "story" => t!("insights.format.story"),
        "carousel" => t!("insights.format.carousel"),
        "infographic" => t!("insights.format.infographic"),
        "live" => t!("insights.format.live"),
        "link" => t!("insights.format.link"),
        "poll" => t!("insights.format.poll"),
        _ => return None,
    })
}

fn document(insights: &Insights, lang: Lang) -> Document {
    let title = t!("insights.title", from = insights.from, to = insights.to).text(lang);
    let posts: usize = insights.platforms.iter().map(|p| p.posts).sum();
    let mut sections = vec![Section::new(
        "findings",
        t!("insights.findings").text(lang),
        findings(insights, lang),
    )];
    for p in &insights.platforms {
        sections.push(Section::new(
            "platform",
            platform(&p.platform, lang),
            platform_blocks(p, lang),
        ));
    }
    if !insights.goals.is_empty() {
        let blocks = insights
            .goals
            .iter()
            .flat_map(|g| {
                [
                    Block::Heading(Bi::code(g.dimension.clone())),
                    Block::Table(table(g, lang)),
                ]
            })
            .collect();
        sections.push(Section::new(
            "goals",
            t!("insights.goals").text(lang),
            blocks,
        ));
    }
    if let Some(next) = &insights.next_month {
        sections.push(next_section(next, lang));
    }
    Document {
        lang,
        page_title: title.clone(),
        title: Bi::words(title),
        subtitle: vec![Bi::words(
            t!("insights.over", n = posts, min = insights.min_posts).text(lang),
        )],
        contents: false,
        sections,
        footer: vec![Bi::words(t!("insights.how").text(lang))],
    }
}

/// The sentences: each comparison, then the outliers.
fn findings(insights: &Insights, lang: Lang) -> Vec<Block> {
    let mut lines: Vec<Bi> = insights
        .comparisons
        .iter()
        .map(|c| Bi::words(sentence(c, lang)))
        .collect();
    if lines.is_empty() {
        lines.push(Bi::words(
            t!("insights.nothing-compared", min = insights.min_posts).text(lang),
        ));
    }
    lines.extend(
        insights
            .outliers
            .iter()
            .map(|o| Bi::words(outlier(o, lang))),
    );
    vec![Block::List(lines)]
}

/// "On Instagram, reels reached a median engagement rate of 6.1% (22
/// posts) against 3.4% for images (31 posts); …".
fn sentence(c: &Comparison, lang: Lang) -> String {
    let how_sure: Msg = match (c.low, c.high) {
        (Some(low), Some(high)) if c.sure => t!(
            "insights.sure",
            low = signed(low, 1),
            high = signed(high, 1)
        ),
        (Some(low), Some(high)) => t!(
            "insights.unsure",
            low = signed(low, 1),
            high = signed(high, 1)
        ),
        _ => t!("insights.no-interval"),
    };
    let among = match c.within.as_deref() {
        None => String::new(),
        Some("not-known") => t!("insights.among-unknown").text(lang),
        Some(f) => t!("insights.among", format = value("format", f, lang)).text(lang),
    };
    t!(
        "insights.sentence",
        platform = platform(&c.platform, lang),
        among = among,
        best = value(&c.dimension, &c.best.value, lang),
        best_rate = rate(c.best.median_rate),
        best_posts = c.best.posts,
        other = value(&c.dimension, &c.other.value, lang),
        other_rate = rate(c.other.median_rate),
        other_posts = c.other.posts,
        difference = signed(c.difference, 1),
        how_sure = how_sure
    )
    .text(lang)
}

fn outlier(o: &Outlier, lang: Lang) -> String {
    t!(
        "insights.outlier",
        platform = platform(&o.platform, lang),
        date = o.date.map_or_else(String::new, |d| d.to_string()),
        id = o.url.clone().unwrap_or_else(|| o.id.clone()),
        times = format!("{:.1}", o.times)
    )
    .text(lang)
}

fn platform_blocks(p: &super::PlatformInsights, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![Block::Para(Bi::words(
        t!("insights.platform-posts", n = p.posts).text(lang),
    ))];
    if let Some(formats) = p.breakdowns.iter().find(|b| b.dimension == "format") {
        blocks.push(Block::Charts(vec![Chart::Bars(bars(formats, lang))]));
    }
    if !p.week.is_empty() {
        blocks.push(Block::Heading(Bi::words(t!("insights.week").text(lang))));
        blocks.push(Block::Table(week_grid(&p.week, lang)));
    }
    for b in p.breakdowns.iter().filter(|b| !b.cells.is_empty()) {
        blocks.push(Block::Heading(Bi::words(dimension_name(
            &b.dimension,
            lang,
        ))));
        blocks.push(Block::Table(table(b, lang)));
    }
    blocks
}

/// Weekdays as rows, hour bands as columns: each cell's median rate and
/// its posts (`4.8% (3)`); a dash where no post went out.
fn week_grid(week: &[Cell], lang: Lang) -> Table {
    let mut columns = vec![dimension_name("weekday", lang)];
    columns.extend(super::HOUR_BANDS.iter().map(|b| value("hour", b, lang)));
    let rows = super::WEEKDAYS
        .iter()
        .map(|day| {
            let mut row = vec![doc::Cell::words(value("weekday", day, lang))];
            row.extend(super::HOUR_BANDS.iter().map(|band| {
                let key = format!("{day} {band}");
                week.iter()
                    .find(|c| c.value == key)
                    .map_or(doc::Cell::Missing { why: None }, |c| {
                        doc::Cell::number(
                            format!("{} ({})", rate(c.median_rate), c.posts),
                            c.median_rate,
                        )
                    })
            }));
            row
        })
        .collect();
    Table { columns, rows }
}

fn dimension_name(dimension: &str, lang: Lang) -> String {
    match dimension {
        "format" => t!("insights.by.format"),
        "goal" => t!("insights.by.goal"),
        "audience" => t!("insights.by.audience"),
        "weekday" => t!("insights.by.weekday"),
        "hour" => t!("insights.by.hour"),
        "length" => t!("insights.by.length"),
        "link" => t!("insights.by.link"),
        _ => t!("insights.by.hashtags"),
    }
    .text(lang)
}

/// Median rate by format, the upper quartile beside it.
fn bars(b: &Breakdown, lang: Lang) -> Bars {
    Bars {
        caption: t!("insights.chart.formats").text(lang),
        name_column: dimension_name("format", lang),
        keys: [
            t!("insights.col.median").text(lang),
            t!("insights.col.p75").text(lang),
        ],
        rows: b
            .cells
            .iter()
            .map(|c| BarRow {
                name: value("format", &c.value, lang),
                values: [
                    c.median_rate.unwrap_or(0.0) * 100.0,
                    c.p75.unwrap_or(0.0) * 100.0,
                ],
                shown: [rate(c.median_rate), rate(c.p75)],
                label: format!("{} ({})", rate(c.median_rate), c.posts),
            })
            .collect(),
        full: None,
        name_room: 90.0,
        tabled: true,
    }
}

fn table(b: &Breakdown, lang: Lang) -> Table {
    let columns = [
        t!("insights.col.value"),
        t!("insights.col.posts"),
        t!("insights.col.median"),
        t!("insights.col.spread"),
        t!("insights.col.median-reach"),
        t!("insights.col.impressions"),
        t!("insights.col.note"),
    ];
    Table {
        columns: columns.iter().map(|c| c.text(lang)).collect(),
        rows: b.cells.iter().map(|c| row(&b.dimension, c, lang)).collect(),
    }
}

fn row(dimension: &str, c: &Cell, lang: Lang) -> Vec<doc::Cell> {
    let number = |shown: String, v: Option<f64>| doc::Cell::number(shown, v);
    vec![
        doc::Cell::words(value(dimension, &c.value, lang)),
        number(c.posts.to_string(), Some(c.posts as f64)),
        number(rate(c.median_rate), c.median_rate),
        doc::Cell::code(format!("{} – {}", rate(c.p25), rate(c.p75))),
        number(rate(c.median_rate_reach), c.median_rate_reach),
        number(
            c.median_impressions
                .map_or_else(|| MISSING.into(), thousands),
            c.median_impressions,
        ),
        doc::Cell::words(if c.too_few {
            t!("insights.too-few").text(lang)
        } else {
            String::new()
        }),
    ]
}

fn next_section(next: &super::NextMonth, lang: Lang) -> Section {
    let lines: Vec<Bi> = if next.notes.is_empty() {
        vec![Bi::words(
            t!("insights.next.nothing", month = &next.month).text(lang),
        )]
    } else {
        next.notes
            .iter()
            .map(|n| {
                Bi::words(
                    t!(
                        "insights.next.note",
                        month = &next.month,
                        goal = &n.goal,
                        planned = n.planned,
                        of = n.of,
                        format = value("format", &n.format, lang),
                        rate = rate(n.median_rate),
                        best = value("format", &n.best_format, lang),
                        best_rate = rate(n.best_median_rate)
                    )
                    .text(lang),
                )
            })
            .collect()
    };
    Section::new(
        "next-month",
        t!("insights.next").text(lang),
        vec![Block::List(lines)],
    )
}

/// One row a cell: platform, dimension, value and the cell's figures.
fn csv(insights: &Insights, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = crate::output::CsvWriter::new(out);
    writer.write_record([
        "platform",
        "dimension",
        "value",
        "posts",
        "median_rate",
        "p25",
        "p75",
        "reach_posts",
        "median_rate_reach",
        "median_impressions",
        "too_few",
    ])?;
    let figure = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
    for p in &insights.platforms {
        for b in &p.breakdowns {
            for c in &b.cells {
                writer.write_record([
                    p.platform.clone(),
                    b.dimension.clone(),
                    c.value.clone(),
                    c.posts.to_string(),
                    figure(c.median_rate),
                    figure(c.p25),
                    figure(c.p75),
                    c.reach_posts.to_string(),
                    figure(c.median_rate_reach),
                    figure(c.median_impressions),
                    c.too_few.to_string(),
                ])?;
            }
        }
    }
    writer.flush()
}
