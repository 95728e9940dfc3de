//! The charity beside its peers: each platform's organisations by
//! followers, growth, posts and interactions, with the months no figure
//! covers and where the figures come from.

use super::{Data, Record, Section, columns, titled, words};
use crate::document::number::{self, MISSING, Unit, count, one_decimal, percent, show_change};
use crate::document::{self as doc, Block, Cell, Table};
use crate::report::Report;
use crate::report::peers::{PeerRow, Peers as Compared, PlatformPeers};
use crate::t;
use crate::text::i18n::{Lang, Msg};

pub(super) struct Peers;

impl Section for Peers {
    fn id(&self) -> &'static str {
        "peers"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let p = r.peers.as_ref()?;
        let first = p.months.first().map_or("", String::as_str);
        let before = crate::text::dates::Month::parse(first)
            .map_or_else(|_| String::new(), |m| m.previous().to_string());
        let mut blocks = vec![Block::Para(words(
            &t!(
                "report.peers.over",
                months = p.months.join(", "),
                before = before
            ),
            lang,
        ))];
        for platform in &p.platforms {
            blocks.push(Block::Heading(words(
                &t!(
                    "report.peers.platform",
                    platform = crate::plan::model::platforms::name_of(platform.platform)
                ),
                lang,
            )));
            blocks.push(Block::Table(table(platform, lang)));
        }
        let missing: Vec<Msg> = p
            .platforms
            .iter()
            .flat_map(|platform| platform.rows.iter().map(move |row| (platform, row)))
            .filter(|(_, row)| !row.missing.is_empty())
            .map(|(platform, row)| {
                t!(
                    "report.peers.missing",
                    name = row.name.in_lang(lang),
                    platform = crate::plan::model::platforms::name_of(platform.platform),
                    months = row.missing.join(", "),
                    n = row.missing.len()
                )
            })
            .collect();
        blocks.push(Block::List(
            missing.into_iter().map(|m| words(&m, lang)).collect(),
        ));
        blocks.push(Block::Para(words(&sources(p, lang), lang)));
        Some(titled(self.id(), &t!("report.peers"), lang, blocks))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport(r.peers.as_ref().map(records).unwrap_or_default())
    }
}

/// One platform's rows, ranked among the rows that give the figure.
fn table(platform: &PlatformPeers, lang: Lang) -> Table {
    let ranked = |of: fn(&PeerRow) -> Option<usize>| {
        platform.rows.iter().filter(|r| of(r).is_some()).count()
    };
    let (by_followers, by_growth) = (ranked(|r| r.rank_followers), ranked(|r| r.rank_growth));
    #[allow(clippy::cast_precision_loss)]
    let rank = |rank: Option<usize>, n: usize| {
        Cell::number(
            rank.map_or_else(
                || MISSING.into(),
                |rank| t!("report.peers.rank", rank = rank, n = n).text(lang),
            ),
            rank.map(|r| r as f64),
        )
    };
    #[allow(clippy::cast_precision_loss)]
    let counted = |v: Option<i64>| Cell::number(count(v, lang), v.map(|v| v as f64));
    let rows = platform
        .rows
        .iter()
        .map(|row| {
            let name = row.name.in_lang(lang).to_string();
            vec![
                Cell::words(if row.peer.is_none() {
                    t!("report.peers.us", name = &name).text(lang)
                } else {
                    name
                }),
                counted(row.followers),
                growth(row, lang),
                rank(row.rank_followers, by_followers),
                rank(row.rank_growth, by_growth),
                counted(row.posts),
                counted(row.interactions),
                Cell::number(
                    row.interactions_per_post
                        .map_or_else(|| MISSING.into(), one_decimal),
                    row.interactions_per_post,
                ),
                Cell::number(percent(row.voice_posts), row.voice_posts),
                Cell::number(percent(row.voice_interactions), row.voice_interactions),
            ]
        })
        .collect();
    Table {
        columns: columns(
            &[
                t!("report.peers.col.organisation"),
                t!("report.peers.col.followers"),
                t!("report.peers.col.growth"),
                t!("report.peers.col.rank-followers"),
                t!("report.peers.col.rank-growth"),
                t!("report.peers.col.posts"),
                t!("report.peers.col.interactions"),
                t!("report.peers.col.per-post"),
                t!("report.peers.col.voice-posts"),
                t!("report.peers.col.voice-interactions"),
            ],
            lang,
        ),
        rows,
    }
}

/// Followers gained, and that gain as a share of those before.
#[allow(clippy::cast_precision_loss)]
fn growth(row: &PeerRow, lang: Lang) -> Cell {
    let gained = row.growth.map(|g| g as f64);
    let shown = match (gained, row.growth_share) {
        (Some(g), Some(s)) => format!(
            "{} ({}%)",
            show_change(Unit::Count, Some(g), lang),
            number::signed(s * 100.0, 1)
        ),
        (g, _) => show_change(Unit::Count, g, lang),
    };
    Cell::number(shown, gained)
}

/// Where the peers' figures come from.
fn sources(p: &Compared, lang: Lang) -> Msg {
    let sources: Vec<String> = p
        .sources
        .iter()
        .map(|s| {
            match &s.tool {
                Some(tool) => t!(
                    "report.peers.source-tool",
                    path = &s.path,
                    tool = tool.in_lang(lang)
                ),
                None => t!("report.peers.source-hand", path = &s.path),
            }
            .text(lang)
        })
        .collect();
    if sources.is_empty() {
        t!("report.peers.no-sources")
    } else {
        let between = if lang == Lang::Ar { "؛ " } else { "; " };
        t!("report.peers.sources", sources = sources.join(between))
    }
}

/// One row a peer's figure: the platform kind, the organisation in `note`
/// (`self`: the charity), the months with no figure in `lacks`.
#[allow(clippy::cast_precision_loss)]
fn records(peers: &Compared) -> Vec<Record> {
    let mut records = Vec::new();
    for platform in &peers.platforms {
        for row in &platform.rows {
            let count = |v: Option<i64>| v.map(|v| v as f64);
            let rank = |v: Option<usize>| v.map(|v| v as f64);
            for (metric, value) in [
                ("followers", count(row.followers)),
                ("growth", count(row.growth)),
                ("growth_share", row.growth_share),
                ("posts", count(row.posts)),
                ("interactions", count(row.interactions)),
                ("interactions_per_post", row.interactions_per_post),
                ("rank_followers", rank(row.rank_followers)),
                ("rank_growth", rank(row.rank_growth)),
                ("voice_posts", row.voice_posts),
                ("voice_interactions", row.voice_interactions),
            ] {
                records.push(Record {
                    section: "peers".into(),
                    platform: platform.platform.into(),
                    metric: metric.into(),
                    value,
                    note: row.peer.as_deref().unwrap_or("self").into(),
                    lacks: row.missing.join(" "),
                    ..Record::default()
                });
            }
        }
    }
    records
}
