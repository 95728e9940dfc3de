//! Importing the real sample exports (copied from public repositories into
//! `tests/exports/`): each file's totals must equal the figures computed
//! independently by `tests/exports/expected.py` (Python's csv module).

use khairukum::exports::{Counts, Decision, Imported, Options, import_dir, import_file};
use std::path::Path;

fn options() -> Options {
    Options {
        window: None,
        detail: None,
        time_zone: chrono_tz::Asia::Riyadh,
        year_anchor: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        date_order: None,
        accounts: Vec::new(),
        by_hand: Vec::new(),
    }
}

fn samples() -> Imported {
    import_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/exports")),
        &options(),
    )
    .unwrap()
}

/// Sum of one count over the rows read from the file whose name contains `name`.
fn total(imported: &Imported, name: &str, count: fn(&Counts) -> Option<i64>) -> i64 {
    let file = imported
        .files
        .iter()
        .position(|f| f.path.contains(name))
        .unwrap_or_else(|| panic!("{name} not read"));
    let posts = imported
        .posts
        .iter()
        .filter(|p| p.source.file == file)
        .map(|p| p.counts.get());
    let days = imported
        .days
        .iter()
        .filter(|d| d.source.file == file)
        .map(|d| d.counts);
    posts.chain(days).filter_map(|c| count(&c)).sum()
}

fn rows(imported: &Imported, name: &str) -> (String, u64) {
    let file = imported
        .files
        .iter()
        .find(|f| f.path.contains(name))
        .unwrap();
    (file.format.id.to_string(), file.rows)
}

#[test]
fn every_sample_is_recognised_by_its_header() {
    let imported = samples();
    assert_eq!(imported.files.len(), 13);
    assert!(imported.problems.is_empty(), "{:#?}", imported.problems);
    for (name, format, count) in [
        ("x-tweet-activity", "x-tweet-activity", 12),
        ("x-daily-tweet-activity", "x-daily-activity", 20),
        ("x-account-overview", "x-account-overview", 20),
        ("x-account-content-2025", "x-account-content", 12),
        ("x-account-content-2026", "x-account-content", 12),
        ("fb-posts", "meta-facebook-posts", 6),
        ("ig-posts", "meta-instagram-posts", 8),
        ("fb-page-daily-reach", "meta-daily", 20),
        ("fb-insights-legacy", "facebook-insights-legacy-posts", 1),
        ("youtube-table-data", "youtube-table-data", 19),
        ("tiktok-follower-history", "tiktok-follower-history", 20),
        ("tiktok-overview-business", "tiktok-business-overview", 20),
        ("tiktok-studio-content", "tiktok-studio-content", 13),
    ] {
        assert_eq!(rows(&imported, name), (format.to_string(), count), "{name}");
    }
}

#[test]
fn x_totals_match_the_independent_figures() {
    let i = samples();
    assert_eq!(total(&i, "x-tweet-activity", |c| c.impressions), 70052);
    assert_eq!(total(&i, "x-tweet-activity", |c| c.engagements), 754);
    assert_eq!(total(&i, "x-tweet-activity", |c| c.likes), 166);
    assert_eq!(
        total(&i, "x-daily-tweet-activity", |c| c.impressions),
        1_462_727
    );
    assert_eq!(
        total(&i, "x-daily-tweet-activity", |c| c.engagements),
        99910
    );
    assert_eq!(total(&i, "x-daily-tweet-activity", |c| c.posts), 230);
    assert_eq!(total(&i, "x-account-overview", |c| c.impressions), 6239);
    assert_eq!(total(&i, "x-account-overview", |c| c.engagements), 596);
    assert_eq!(total(&i, "x-account-overview", |c| c.net_follows), 60);
    assert_eq!(total(&i, "x-account-content-2025", |c| c.impressions), 2046);
    assert_eq!(total(&i, "x-account-content-2025", |c| c.engagements), 230);
    assert_eq!(total(&i, "x-account-content-2026", |c| c.impressions), 363);
    assert_eq!(total(&i, "x-account-content-2026", |c| c.engagements), 30);
}

#[test]
fn meta_totals_match_the_independent_figures() {
    let i = samples();
    assert_eq!(total(&i, "fb-posts", |c| c.impressions), 404);
    assert_eq!(total(&i, "fb-posts", |c| c.reach), 183);
    assert_eq!(total(&i, "fb-posts", |c| c.engagements), 10);
    assert_eq!(total(&i, "ig-posts", |c| c.impressions), 863);
    assert_eq!(total(&i, "ig-posts", |c| c.reach), 709);
    assert_eq!(total(&i, "ig-posts", |c| c.engagements), 24);
    assert_eq!(total(&i, "fb-page-daily-reach", |c| c.reach), 793);
    assert_eq!(total(&i, "fb-insights-legacy", |c| c.impressions), 60);
    assert_eq!(total(&i, "fb-insights-legacy", |c| c.reach), 35);
}

#[test]
fn youtube_and_tiktok_totals_match_the_independent_figures() {
    let i = samples();
    assert_eq!(total(&i, "youtube-table-data", |c| c.video_views), 76203);
    assert_eq!(total(&i, "youtube-table-data", |c| c.net_follows), 47);
    assert_eq!(
        total(&i, "tiktok-follower-history", |c| c.net_follows),
        1159
    );
    let file = i
        .files
        .iter()
        .position(|f| f.path.contains("tiktok-follower-history"))
        .unwrap();
    let last = i.days.iter().rfind(|d| d.source.file == file).unwrap();
    assert_eq!(last.counts.followers_total, Some(1196));
    // Rows with `undefined` followers are read as missing, not zero.
    assert!(
        i.days
            .iter()
            .filter(|d| d.source.file == file)
            .any(|d| d.counts.followers_total.is_none())
    );
    assert_eq!(
        total(&i, "tiktok-overview-business", |c| c.video_views),
        120_788
    );
    assert_eq!(total(&i, "tiktok-overview-business", |c| c.reach), 118_288);
    assert_eq!(
        total(&i, "tiktok-overview-business", |c| c.net_follows),
        197
    );
}

#[test]
fn tiktok_studio_content_gives_each_videos_totals_dated_before_the_export() {
    let i = samples();
    assert_eq!(
        total(&i, "tiktok-studio-content", |c| c.video_views),
        537_161
    );
    assert_eq!(total(&i, "tiktok-studio-content", |c| c.likes), 4_063);
    assert_eq!(total(&i, "tiktok-studio-content", |c| c.engagements), 4_455);
    // `Post time` has no year: the last such day on or before the anchor (2026-01-01).
    let file = i
        .files
        .iter()
        .position(|f| f.path.contains("tiktok-studio-content"))
        .unwrap();
    let dated: Vec<(String, String)> = i
        .posts
        .iter()
        .filter(|p| p.source.file == file)
        .map(|p| {
            let day = p.published.and_then(|w| w.date_in(chrono_tz::Asia::Riyadh));
            (
                p.id.rsplit('/').next().unwrap().to_string(),
                day.unwrap().to_string(),
            )
        })
        .collect();
    assert!(dated.contains(&("7527623000473079054".into(), "2025-07-16".into())));
    assert!(dated.contains(&("7590117423970258206".into(), "2025-12-31".into())));
    assert!(dated.contains(&("7598683574904130871".into(), "2025-01-23".into())));
}

#[test]
fn tiktok_dates_without_a_year_get_the_year_before_the_anchor() {
    let i = samples();
    let file = i
        .files
        .iter()
        .position(|f| f.path.contains("tiktok-follower-history"))
        .unwrap();
    let days: Vec<_> = i
        .days
        .iter()
        .filter(|d| d.source.file == file)
        .map(|d| d.date.to_string())
        .collect();
    assert_eq!(days.first().map(String::as_str), Some("2025-03-19"));
    assert_eq!(days.last().map(String::as_str), Some("2025-04-07"));
}

fn import_text(name: &str, bytes: &[u8]) -> Imported {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut imported = Imported::default();
    import_file(&path, name, &options(), &mut imported);
    imported
}

#[test]
fn bad_cells_are_located_and_counted_as_missing_never_zero() {
    let csv = "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views\n\
\"Tue, Feb 18, 2025\",\"1,234\",٣٤٥,-,0,0,1,0,0,0,1,0,0,0\n\
\"Mon, Feb 17, 2025\",lots,18,undefined,1,0,2,0,1,2,4,2,0,0\n\
\"Feb 30, 2025\",5,0,0,0,0,0,0,0,0,0,0,0,0\n";
    let i = import_text("overview.csv", csv.as_bytes());
    assert_eq!(i.days.len(), 2);
    assert_eq!(i.days[0].counts.impressions, Some(1234));
    assert_eq!(i.days[0].counts.likes, Some(345));
    assert_eq!(i.days[0].counts.engagements, None);
    assert_eq!(i.days[1].counts.impressions, None);
    assert_eq!(i.problems.len(), 2, "{:#?}", i.problems);
    assert_eq!(i.problems[0].line, Some(3));
    assert_eq!(i.problems[0].column.as_deref(), Some("impressions"));
    assert_eq!(i.problems[0].decision, Decision::ValueMissing);
    assert_eq!(i.problems[1].line, Some(4));
    assert_eq!(i.problems[1].decision, Decision::RowSkipped);
}

#[test]
fn an_unknown_file_names_the_formats_it_resembles() {
    let i = import_text("mystery.csv", b"Date,Impressions,Likes\n2025-01-01,3,4\n");
    assert!(i.files.is_empty());
    assert_eq!(i.problems.len(), 1);
    let message = i.problems[0].message.text(khairukum::text::i18n::Lang::En);
    let compared = format!(
        "not a known export: its header was compared with the {} formats this tool reads and fits none; nearest: ",
        khairukum::exports::formats::FORMATS.len() + khairukum::exports::ads::format_count()
    );
    assert!(message.starts_with(&compared), "{message}");
    assert!(
        message.contains("X Premium account overview (account_overview_analytics): has date, impressions, likes; lacks new follows, unfollows"),
        "{message}"
    );
    assert!(!message.contains("Snapchat"), "{message}");
    assert_eq!(i.problems[0].decision, Decision::FileSkipped);
}

#[test]
fn a_mangled_ad_export_is_compared_with_the_ad_formats_too() {
    // Meta's ad export with its money column renamed by hand: an ad export
    // no format reads, so the post reader names the nearest ad format.
    let i = import_text(
        "campaigns.csv",
        b"Reporting starts,Reporting ends,Campaign name,Spend,Impressions\n2026-11-01,2026-11-30,A,100,5\n",
    );
    let message = i.problems[0].message.text(khairukum::text::i18n::Lang::En);
    assert!(
        message.contains("Meta Ads Manager") && message.contains("lacks amount spent"),
        "{message}"
    );
}

#[test]
fn an_unknown_file_of_a_platform_without_a_reader_says_what_to_do() {
    for (name, header) in [
        ("snapchat-insights.csv", "Date,Story Views,Impressions\n"),
        ("insights.csv", "Date,Snapchat story views,Impressions\n"),
    ] {
        let i = import_text(name, format!("{header}2026-11-01,3,4\n").as_bytes());
        let message = i.problems[0].message.text(khairukum::text::i18n::Lang::En);
        assert!(
            message.ends_with("Snapchat gives no export of its figures that this tool reads: write them under `figures:` of each published item in the calendar"),
            "{message}"
        );
    }
}

#[test]
fn a_truncated_file_keeps_its_complete_rows() {
    let full = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/exports/x-tweet-activity.ropensci-org.csv"
    ))
    .unwrap();
    let cut = &full[..full.len() * 2 / 3];
    let i = import_text("tweets.csv", cut);
    assert!(
        !i.posts.is_empty() && i.posts.len() < 12,
        "{}",
        i.posts.len()
    );
    assert!(
        i.problems
            .iter()
            .all(|p| p.decision != Decision::FileSkipped)
    );
}

#[test]
fn utf16_meta_daily_file_needs_its_platform_named() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in
        "sep=,\n\"Views\"\n\"Date\",\"Primary\"\n\"2025-01-01T01:00:00\",\"5\"\n".encode_utf16()
    {
        bytes.extend(unit.to_le_bytes());
    }
    let i = import_text("Views.csv", &bytes);
    assert!(
        i.problems[0]
            .message
            .text(khairukum::text::i18n::Lang::En)
            .contains("does not say whether it is Facebook or Instagram")
    );
    let i = import_text("instagram-views.csv", &bytes);
    assert!(i.problems.is_empty(), "{:#?}", i.problems);
    assert_eq!(i.days[0].counts.impressions, Some(5));
    assert_eq!(
        i.days[0].platform,
        khairukum::plan::model::platforms::PlatformKind::Instagram
    );
}

/// A line longer than any export's (1 MB) stops the file there: the rows
/// before it are kept, the line is named, and memory does not grow with it.
#[test]
fn a_line_longer_than_any_export_stops_the_file_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let header = "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views";
    let row = "\"Wed, Nov 25, 2026\",4712,65,103,5,6,67,12,7,9,58,1,157,235";
    for (name, text) in [
        (
            "long-row.csv",
            format!(
                "{header}\n{row}\n\"Tue, Nov 24, 2026\",{}\n{row}\n",
                "1".repeat(3 << 20)
            ),
        ),
        ("long-header.csv", "a".repeat(3 << 20)),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut imported = Imported::default();
        import_file(&path, name, &options(), &mut imported);
        let problem = imported
            .problems
            .first()
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(problem.rule.code, "KH100", "{name}");
        assert!(
            problem
                .message
                .text(khairukum::text::i18n::Lang::En)
                .contains("longer than 1 MB")
        );
        if name == "long-row.csv" {
            assert_eq!(problem.line, Some(3));
            assert_eq!(imported.days.len(), 1, "the row before it is kept");
        } else {
            assert_eq!(problem.decision, Decision::FileSkipped);
        }
    }
}
