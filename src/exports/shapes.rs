//! Recognising an export by its shape when its header is in another
//! language. Platforms translate column names into the language of their
//! interface but keep the columns and their order; no Arabic export is
//! public, so the tool does not guess Arabic names. Instead, a file none of
//! whose columns is known, but which has exactly the columns of a real
//! export (the headers below, from `tests/exports/`) and whose cells fit
//! them (dates where that export has dates, counts where it has counts),
//! is named as that export, with the columns expected and not found.

use super::counts::Counts;
use super::formats::{FORMATS, Field, Format, fit, normalise_header};
use super::values::{DateOrder, count, is_placeholder, when_in};

/// The header of each real export the tool has seen, column for column.
#[rustfmt::skip]
static REFERENCE_HEADERS: &[(&str, &[&str])] = &[
    // fb-insights-legacy-post.scctsi.csv
    ("facebook-insights-legacy-posts", &[
        "Post ID", "Permalink", "Post Message", "Type", "Countries", "Languages", "Posted",
        "Audience Targeting", "Lifetime Post Total Reach", "Lifetime Post organic reach",
        "Lifetime Post Paid Reach", "Lifetime Post Total Impressions",
        "Lifetime Post Organic Impressions", "Lifetime Post Paid Impressions",
        "Lifetime Engaged Users", "Lifetime Post Consumers", "Lifetime Post Consumptions",
        "Lifetime Negative feedback", "Lifetime Negative Feedback from Users",
        "Lifetime Post Impressions by people who have liked your Page",
        "Lifetime Post reach by people who like your Page",
        "Lifetime Post Paid Impressions by people who have liked your Page",
        "Lifetime Paid reach of a post by people who like your Page",
        "Lifetime People who have liked your Page and engaged with your post",
        "Lifetime Average time video viewed", "Lifetime Organic watches at 95%",
        "Lifetime Organic watches at 95%", "Lifetime Paid watches at 95%",
        "Lifetime Paid watches at 95%", "Lifetime Video length", "Lifetime Organic Video Views",
        "Lifetime Organic Video Views", "Lifetime Paid Video Views", "Lifetime Paid Video Views",
        "Lifetime Talking About This (Post) by action type - comment",
        "Lifetime Talking About This (Post) by action type - like",
        "Lifetime Talking About This (Post) by action type - share",
        "Lifetime Post Stories by action type - comment",
        "Lifetime Post Stories by action type - like",
        "Lifetime Post Stories by action type - share",
        "Lifetime Post consumers by type - other clicks",
        "Lifetime Post Consumptions by type - other clicks",
    ]),
    // fb-page-daily-reach.LeonMpofu.csv
    ("meta-daily", &[
        "Date", "Primary",
    ]),
    // fb-posts.LeonMpofu.csv
    ("meta-facebook-posts", &[
        "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)",
        "Publish time", "Caption type", "Permalink", "Is crosspost", "Is share", "Post type",
        "Languages", "Custom labels", "Funded content status", "Data comment", "Date", "Views",
        "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares",
        "Total clicks", "Link Clicks", "Other Clicks",
        "Matched Audience Targeting Consumption (Photo Click)", "Seconds viewed",
        "Average Seconds viewed", "Estimated earnings (USD)", "Ad impressions",
    ]),
    // ig-posts.LeonMpofu.csv
    ("meta-instagram-posts", &[
        "Post ID", "Account ID", "Account username", "Account name", "Description",
        "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
        "Views", "Reach", "Likes", "Shares", "Comments", "Saves", "Follows",
    ]),
    // tiktok-follower-history.htupycollabs-spec.csv
    ("tiktok-follower-history", &[
        "Date", "Followers", "Difference in followers from previous day",
    ]),
    // tiktok-overview-business.vsbperoto.csv
    ("tiktok-business-overview", &[
        "Date", "Video views", "Reached audience", "Profile views", "Likes", "Shares", "Comments",
        "Phone number clicks", "Leads submission", "Net growth", "New followers", "Lost followers",
    ]),
    // x-account-content-2025.FG-SC.csv
    ("x-account-content", &[
        "Post id", "Date", "Post text", "Link", "Impressions", "Likes", "Engagements", "Bookmarks",
        "Share", "New follows", "Replies", "Reposts", "Profile visits", "Detail expands",
        "Url clicks", "Hashtag clicks", "Permalink clicks",
    ]),
    // x-account-content-2026.mauro-pellegrino.csv
    ("x-account-content", &[
        "Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
        "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
        "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks",
    ]),
    // x-account-overview.FG-SC.csv
    ("x-account-overview", &[
        "Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows",
        "Unfollows", "Replies", "Reposts", "Profile visits", "Create Post", "Video views",
        "Media views",
    ]),
    // x-daily-tweet-activity.debruine.csv
    ("x-daily-activity", &[
        "Date", "Tweets published", "impressions", "engagements", "engagement rate", "retweets",
        "replies", "likes", "user profile clicks", "url clicks", "hashtag clicks",
        "detail expands", "permalink clicks", "app opens", "app installs", "follows",
        "email tweet", "dial phone", "media views", "media engagements", "promoted impressions",
        "promoted engagements", "promoted engagement rate", "promoted retweets",
        "promoted replies", "promoted likes", "promoted user profile clicks",
        "promoted url clicks", "promoted hashtag clicks", "promoted detail expands",
        "promoted permalink clicks", "promoted app opens", "promoted app installs",
        "promoted follows", "promoted email tweet", "promoted dial phone", "promoted media views",
        "promoted media engagements",
    ]),
    // x-tweet-activity.ropensci-org.csv
    ("x-tweet-activity", &[
        "Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
        "engagement rate", "retweets", "replies", "likes", "user profile clicks", "url clicks",
        "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
        "follows", "email tweet", "dial phone", "media views", "media engagements",
        "promoted impressions", "promoted engagements", "promoted engagement rate",
        "promoted retweets", "promoted replies", "promoted likes", "promoted user profile clicks",
        "promoted url clicks", "promoted hashtag clicks", "promoted detail expands",
        "promoted permalink clicks", "promoted app opens", "promoted app installs",
        "promoted follows", "promoted email tweet", "promoted dial phone", "promoted media views",
        "promoted media engagements",
    ]),
    // youtube-table-data.priyankapatel05.csv
    ("youtube-table-data", &[
        "Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)",
        "Subscribers", "Impressions", "Impressions click-through rate (%)",
    ]),
];

/// A file whose header is unknown but whose shape is a known export's.
#[derive(Debug)]
pub(crate) struct Shape {
    pub format: &'static Format,
    /// Each column the format needs: its name in that export, its position
    /// (from 1) and what the file's header says there instead.
    pub expected: Vec<(&'static str, usize, String)>,
}

/// What a cell of a column must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    Count,
    Link,
    Id,
    Any,
}

/// What a column of `field` holds; a count is any field the canonical
/// tables count ([`Counts`]), and Meta's one-metric column.
fn kind(field: Field) -> Kind {
    match field {
        Field::Date | Field::Published | Field::Received | Field::FirstReply => Kind::Date,
        Field::Url => Kind::Link,
        Field::PostId | Field::AccountId => Kind::Id,
        Field::Primary => Kind::Count,
        _ if Counts::default().slot(field).is_some() => Kind::Count,
        _ => Kind::Any,
    }
}

/// Whether `cell` may stand in a column of `kind`; `None` for an empty cell,
/// which says nothing.
fn fits(kind: Kind, cell: &str) -> Option<bool> {
    let cell = cell.trim();
    if is_placeholder(cell) {
        return None;
    }
    Some(match kind {
        Kind::Date => [DateOrder::MonthFirst, DateOrder::DayFirst]
            .into_iter()
            .any(|order| matches!(when_in(cell, order), Ok(Some(_)))),
        Kind::Count => count(cell, true).is_ok(),
        Kind::Link => cell.starts_with("http://") || cell.starts_with("https://"),
        Kind::Id => cell.len() >= 5 && !cell.contains(char::is_whitespace),
        Kind::Any => true,
    })
}

/// The known export whose shape `header` and its first data `rows` have,
/// when no column of `header` has a known name. A shape is taken only on
/// evidence: the same number of columns as a real export, every non-empty
/// cell of a typed column of the right kind (in all rows but one at most: a
/// second header row of descriptions), and at least one date and one count
/// seen.
pub(crate) fn by_shape(header: &[String], rows: &[Vec<String>]) -> Option<Shape> {
    REFERENCE_HEADERS
        .iter()
        .filter(|(_, reference)| reference.len() == header.len())
        .find_map(|(id, reference)| {
            let format = FORMATS.iter().find(|f| f.id == *id)?;
            let names: Vec<String> = reference.iter().map(|h| normalise_header(h)).collect();
            let known = fit(&names).into_iter().find(|f| f.format.id == *id)?;
            let data = rows.iter().skip(usize::from(format.total_row));
            let (mut dates, mut counts, mut misfits) = (false, false, 0);
            for row in data {
                if row.len() != header.len() {
                    return None;
                }
                let kinds = known
                    .columns
                    .iter()
                    .map(|&(field, index)| (kind(field), index));
                let seen: Option<Vec<Kind>> = kinds
                    .filter_map(|(kind, index)| Some(fits(kind, &row[index])?.then_some(kind)))
                    .collect();
                match seen {
                    Some(seen) => {
                        dates |= seen.contains(&Kind::Date);
                        counts |= seen.contains(&Kind::Count);
                    }
                    None => misfits += 1,
                }
            }
            if !(dates && counts) || misfits > 1 {
                return None;
            }
            if !(dates && counts) {
                return None;
            }
            let expected = format
                .columns
                .iter()
                .filter(|(_, need, _)| *need == super::formats::Need::Required)
                .filter_map(|(field, _, _)| {
                    let &(_, index) = known.columns.iter().find(|(f, _)| f == field)?;
                    Some((reference[index], index + 1, header[index].clone()))
                })
                .collect();
            Some(Shape { format, expected })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample exports of `tests/exports/`, their header replaced by
    /// names in another language, and the format each is.
    fn translated(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/exports")
            .join(name);
        let bytes = std::fs::read(path).unwrap();
        let text = match bytes.strip_prefix(&[0xff, 0xfe]) {
            Some(utf16) => {
                let units: Vec<u16> = utf16
                    .chunks(2)
                    .map(|p| u16::from_le_bytes([p[0], p[1]]))
                    .collect();
                let text = String::from_utf16(&units).unwrap();
                text.splitn(3, '\n').nth(2).unwrap().to_string()
            }
            None => String::from_utf8(bytes).unwrap(),
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>());
        let width = records.next().unwrap().len();
        let header = (1..=width).map(|n| format!("العمود {n}")).collect();
        (header, records.take(5).collect())
    }

    #[test]
    fn every_sample_export_is_known_by_its_shape_under_other_names() {
        let samples = [
            (
                "fb-insights-legacy-post.scctsi.csv",
                "facebook-insights-legacy-posts",
            ),
            ("fb-page-daily-reach.LeonMpofu.csv", "meta-daily"),
            ("fb-posts.LeonMpofu.csv", "meta-facebook-posts"),
            ("ig-posts.LeonMpofu.csv", "meta-instagram-posts"),
            (
                "tiktok-follower-history.htupycollabs-spec.csv",
                "tiktok-follower-history",
            ),
            (
                "tiktok-overview-business.vsbperoto.csv",
                "tiktok-business-overview",
            ),
            ("x-account-content-2025.FG-SC.csv", "x-account-content"),
            (
                "x-account-content-2026.mauro-pellegrino.csv",
                "x-account-content",
            ),
            ("x-account-overview.FG-SC.csv", "x-account-overview"),
            ("x-daily-tweet-activity.debruine.csv", "x-daily-activity"),
            ("x-tweet-activity.ropensci-org.csv", "x-tweet-activity"),
            (
                "youtube-table-data.priyankapatel05.csv",
                "youtube-table-data",
            ),
        ];
        for (name, id) in samples {
            let (header, rows) = translated(name);
            let shape = by_shape(&header, &rows).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(shape.format.id, id, "{name}");
            assert!(!shape.expected.is_empty(), "{name}");
            for (_, column, found) in &shape.expected {
                assert_eq!(found, &format!("العمود {column}"), "{name}");
            }
        }
    }

    #[test]
    fn the_x_overview_names_its_date_and_impressions_columns() {
        let (header, rows) = translated("x-account-overview.FG-SC.csv");
        let shape = by_shape(&header, &rows).unwrap();
        let named: Vec<(&str, usize)> = shape.expected.iter().map(|(n, c, _)| (*n, *c)).collect();
        assert_eq!(
            named,
            [
                ("Date", 1),
                ("Impressions", 2),
                ("New follows", 7),
                ("Unfollows", 8)
            ]
        );
    }

    #[test]
    fn cells_of_the_wrong_kind_are_no_shape() {
        let (header, mut rows) = translated("x-account-overview.FG-SC.csv");
        rows[1][1] = "كثير".into();
        assert!(
            by_shape(&header, &rows).is_some(),
            "one row that does not fit"
        );
        rows[2][1] = "قليل".into();
        assert!(by_shape(&header, &rows).is_none());
        let (header, mut rows) = translated("x-account-overview.FG-SC.csv");
        for row in &mut rows {
            row[0] = "اليوم".into();
        }
        assert!(by_shape(&header, &rows).is_none(), "no date seen");
        let (mut header, rows) = translated("x-account-overview.FG-SC.csv");
        header.push("extra".into());
        assert!(
            by_shape(&header, &rows).is_none(),
            "another number of columns"
        );
    }

    #[test]
    fn every_reference_header_is_complete_for_its_format() {
        for (id, reference) in REFERENCE_HEADERS {
            let names: Vec<String> = reference.iter().map(|h| normalise_header(h)).collect();
            let known = fit(&names).into_iter().find(|f| f.format.id == *id);
            assert!(known.is_some_and(|f| f.missing.is_empty()), "{id}");
        }
    }
}
