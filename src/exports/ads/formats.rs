//! The ad exports known, recognised by their header (in English, and in
//! the Japanese and Indonesian interfaces the samples came in), and how
//! each marks its total rows and the days it covers.

use super::super::values::DateOrder;
use chrono::NaiveDate;

/// The ad platform an export comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdPlatform {
    /// Facebook and Instagram, one ad account for both.
    Meta,
    TikTok,
    /// Search, display and YouTube.
    Google,
    Snapchat,
    X,
}

impl AdPlatform {
    pub fn id(self) -> &'static str {
        match self {
            AdPlatform::Meta => "meta",
            AdPlatform::TikTok => "tiktok",
            AdPlatform::Google => "google",
            AdPlatform::Snapchat => "snapchat",
            AdPlatform::X => "x",
        }
    }
}

/// The ad platform a file's name names (`meta-ads.csv`, `TikTok_…xlsx`),
/// for a file that could not be read to tell by its header.
pub(super) fn platform_named(path: &str) -> Option<AdPlatform> {
    let name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    [
        ("meta", AdPlatform::Meta),
        ("facebook", AdPlatform::Meta),
        ("instagram", AdPlatform::Meta),
        ("tiktok", AdPlatform::TikTok),
        ("google", AdPlatform::Google),
        ("snapchat", AdPlatform::Snapchat),
    ]
    .into_iter()
    .find(|(word, _)| name.contains(word))
    .map(|(_, platform)| platform)
}

/// An ad export's layout: the names each of its columns goes by.
#[derive(Debug, PartialEq, Eq)]
pub struct AdFormat {
    pub id: &'static str,
    pub name: &'static str,
    pub platform: AdPlatform,
    campaign: &'static [&'static str],
    /// Money spent; a name ending in `(` is followed by the currency code.
    spend: &'static [&'static str],
    currency: &'static [&'static str],
    starts: &'static [&'static str],
    ends: &'static [&'static str],
    impressions: &'static [&'static str],
    clicks: &'static [&'static str],
    /// Whether the export must give the days of each row.
    dated_rows: bool,
}

/// Where a file's columns are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Columns {
    pub(super) campaign: usize,
    pub(super) spend: usize,
    /// The currency written in the spend column's name (`Amount spent (SAR)`).
    pub(super) currency_in_header: Option<String>,
    pub(super) currency: Option<usize>,
    pub(super) starts: Option<usize>,
    pub(super) ends: Option<usize>,
    pub(super) impressions: Option<usize>,
    pub(super) clicks: Option<usize>,
}

pub(super) static AD_FORMATS: &[AdFormat] = &[
    AdFormat {
        id: "meta-ads",
        name: "Meta Ads Manager (campaigns, ad sets or ads)",
        platform: AdPlatform::Meta,
        campaign: &["campaign name", "ad set name", "ad name", "キャンペーン名"],
        spend: &["amount spent (", "amount spent", "消化金額 ("],
        currency: &["currency", "通貨"],
        starts: &["reporting starts", "レポート開始日"],
        ends: &["reporting ends", "レポート終了日"],
        impressions: &["impressions", "インプレッション"],
        clicks: &["link clicks", "clicks (all)", "クリック(すべて)"],
        dated_rows: true,
    },
    AdFormat {
        id: "snapchat-ads",
        name: "Snapchat Ads Manager",
        platform: AdPlatform::Snapchat,
        campaign: &["campaign name"],
        spend: &["amount spent", "spend"],
        currency: &["currency"],
        starts: &["start time"],
        ends: &["end time"],
        impressions: &["paid impressions", "total impressions", "impressions"],
        clicks: &["swipe ups"],
        dated_rows: true,
    },
    AdFormat {
        id: "x-ads",
        name: "X Ads",
        platform: AdPlatform::X,
        campaign: &["campaign name"],
        spend: &["spend"],
        currency: &["currency"],
        starts: &["time period"],
        ends: &[],
        impressions: &["impressions"],
        clicks: &["link clicks", "clicks"],
        dated_rows: true,
    },
    AdFormat {
        id: "tiktok-ads",
        name: "TikTok Ads Manager (campaigns)",
        platform: AdPlatform::TikTok,
        campaign: &["campaign name", "キャンペーン名", "nama kampanye"],
        spend: &["cost", "コスト", "biaya"],
        currency: &["currency", "通貨", "mata uang"],
        starts: &[],
        ends: &[],
        impressions: &[
            "impression",
            "impressions",
            "インプレッション",
            "impresi iklan produk",
        ],
        clicks: &[
            "clicks (destination)",
            "クリック（誘導先）",
            "jumlah klik iklan produk",
        ],
        dated_rows: false,
    },
    AdFormat {
        id: "google-ads",
        name: "Google Ads (campaign report)",
        platform: AdPlatform::Google,
        campaign: &["campaign", "キャンペーン"],
        spend: &["cost", "費用"],
        currency: &["currency code", "通貨コード"],
        starts: &[],
        ends: &[],
        impressions: &["impr.", "表示回数"],
        clicks: &["clicks", "クリック数"],
        dated_rows: false,
    },
];

fn normal(cell: &str) -> String {
    cell.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// How near a header comes to an ad format it is not: the format's name,
/// the header's cells it shares with it, and the columns it lacks.
pub struct Near {
    pub name: &'static str,
    pub shared: Vec<String>,
    pub missing: Vec<&'static str>,
}

/// The ad formats a header shares a column with, nearest first: what a
/// file no format reads is compared with, beside the post formats.
pub fn near(row: &[String]) -> Vec<Near> {
    let names: Vec<String> = row.iter().map(|c| normal(c)).collect();
    let found = |wanted: &[&str], prefix: bool| {
        names.iter().position(|n| {
            wanted.iter().any(|w| {
                let stem = w.trim_end_matches('(').trim_end();
                n == stem || (prefix && n.starts_with(w))
            })
        })
    };
    let mut near: Vec<Near> = AD_FORMATS
        .iter()
        .filter(|f| fit(row).is_none_or(|(fitted, _)| fitted.id != f.id))
        .map(|format| {
            let mut parts = vec![
                (found(format.campaign, false), format.campaign),
                (found(format.spend, true), format.spend),
            ];
            if format.dated_rows {
                parts.push((found(format.starts, false), format.starts));
            }
            parts.extend(
                [format.currency, format.impressions, format.clicks]
                    .into_iter()
                    .filter(|w| !w.is_empty())
                    .filter_map(|w| found(w, false).map(|at| (Some(at), w))),
            );
            Near {
                name: format.name,
                shared: parts
                    .iter()
                    .filter_map(|(at, _)| at.map(|i| row[i].trim().to_string()))
                    .collect(),
                missing: parts
                    .iter()
                    .filter(|(at, _)| at.is_none())
                    .map(|(_, names)| names[0].trim_end_matches('(').trim_end())
                    .collect(),
            }
        })
        .filter(|n| !n.shared.is_empty())
        .collect();
    near.sort_by_key(|n| std::cmp::Reverse(n.shared.len()));
    near
}

/// How many ad formats there are, for "compared with N formats".
pub fn count() -> usize {
    AD_FORMATS.len()
}

/// The format a header row is of, and where its columns are.
pub(super) fn fit(row: &[String]) -> Option<(&'static AdFormat, Columns)> {
    let names: Vec<String> = row.iter().map(|c| normal(c)).collect();
    let find = |wanted: &[&str]| {
        wanted
            .iter()
            .find_map(|w| names.iter().position(|n| n == w))
    };
    AD_FORMATS.iter().find_map(|format| {
        let campaign = find(format.campaign)?;
        let (spend, currency_in_header) = format.spend.iter().find_map(|w| {
            names
                .iter()
                .enumerate()
                .find_map(|(i, n)| match w.strip_suffix('(') {
                    Some(stem) => n
                        .strip_prefix(w)
                        .and_then(|rest| rest.strip_suffix(')'))
                        .filter(|code| code.len() == 3)
                        .map(|code| (i, Some(code.to_uppercase())))
                        .or_else(|| (n == stem.trim_end()).then_some((i, None))),
                    None => (n == w).then_some((i, None)),
                })
        })?;
        let starts = find(format.starts);
        if format.dated_rows && starts.is_none() {
            return None;
        }
        Some((
            format,
            Columns {
                campaign,
                spend,
                currency_in_header,
                currency: find(format.currency),
                starts,
                ends: find(format.ends),
                impressions: find(format.impressions),
                clicks: find(format.clicks),
            },
        ))
    })
}

/// A total row: Meta's has no name (and comes first), TikTok's says
/// `Total of 14 results` (`全2件の結果`, last), Google's `Total: Account`.
pub(super) fn is_total(format: &AdFormat, columns: &Columns, row: &[String]) -> bool {
    let name = row.get(columns.campaign).map_or("", |c| c.trim());
    let first = row.first().map_or("", |c| c.trim());
    match format.platform {
        AdPlatform::Meta => name.is_empty(),
        AdPlatform::TikTok => {
            name.to_lowercase().starts_with("total of")
                || (name.starts_with('全') && name.ends_with("件の結果"))
        }
        AdPlatform::Google => first.starts_with("Total:") || name.starts_with("Total:"),
        AdPlatform::Snapchat | AdPlatform::X => {
            name.is_empty() || first.eq_ignore_ascii_case("total")
        }
    }
}

/// Meta's whole body when the range had no delivery: `No data available.`
pub(super) fn is_no_data(row: &[String]) -> bool {
    row.iter().filter(|c| !c.trim().is_empty()).count() == 1
        && row
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case("no data available."))
}

/// A day written at the start of a cell: `2026-11-01`, `2020-04-21 00:00:00 AST`.
fn day(cell: &str, order: DateOrder) -> Option<NaiveDate> {
    let date = cell.trim().split([' ', 'T']).next()?;
    if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        return Some(day);
    }
    // Excel's re-saves: `01.11.2026` day first wherever it is written so,
    // `01/11/2026` in the file's order.
    if date.contains('.') {
        return NaiveDate::parse_from_str(date, "%d.%m.%Y").ok();
    }
    let format = match order {
        DateOrder::DayFirst => "%d/%m/%Y",
        DateOrder::MonthFirst => "%m/%d/%Y",
    };
    NaiveDate::parse_from_str(date, format).ok()
}

/// The days of a row from its start and end cells (the start alone: one
/// day), slashed dates read in `order`. An end at midnight
/// (`2020-04-22 00:00:00 AST`, Snapchat's) ends the day before.
pub(super) fn row_days(
    starts: &str,
    ends: &str,
    order: DateOrder,
) -> Option<(NaiveDate, NaiveDate)> {
    let from = day(starts, order)?;
    let at_midnight = ends
        .trim()
        .split_once([' ', 'T'])
        .is_some_and(|(_, time)| time.trim_start().starts_with("00:00:00"));
    let to = match day(ends, order) {
        Some(end) if end > from && at_midnight => end.pred_opt()?,
        Some(end) => end,
        None => from,
    };
    (to >= from).then_some((from, to))
}

/// A date as a report's title line writes it, in the interface's language.
fn title_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_matches('"').trim();
    ["%d %B %Y", "%B %d, %Y", "%Y-%m-%d", "%Y年%m月%d日"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// The days a report's title lines name (Google's second line:
/// `27 January 2026 - 23 February 2026`); `None` for `All time`.
pub(super) fn days_in_titles(titles: &[&str]) -> Option<(NaiveDate, NaiveDate)> {
    titles.iter().find_map(|line| {
        let (from, to) = line.split_once(" - ")?;
        Some((title_date(from)?, title_date(to)?)).filter(|(f, t)| t >= f)
    })
}

/// The days a file's name gives (`…(2024-05-12 to 2024-05-18).xlsx`).
pub(super) fn days_in_name(name: &str) -> Option<(NaiveDate, NaiveDate)> {
    let open = name.rfind('(')?;
    let inside = &name[open + 1..name[open..].find(')')? + open];
    let (from, to) = inside.split_once(" to ")?;
    let iso = |text: &str| NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok();
    Some((iso(from)?, iso(to)?)).filter(|(f, t)| t >= f)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MF: DateOrder = DateOrder::MonthFirst;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn formats_by_header() {
        let (f, c) = fit(&row(&[
            "Reporting starts",
            "Reporting ends",
            "Campaign name",
            "Amount spent (EUR)",
            "Impressions",
        ]))
        .unwrap();
        assert_eq!(
            (f.id, c.spend, c.currency_in_header.as_deref()),
            ("meta-ads", 3, Some("EUR"))
        );
        let (f, c) = fit(&row(&["Campaign name", "Cost", "Impression", "Currency"])).unwrap();
        assert_eq!(
            (f.id, c.currency, c.impressions),
            ("tiktok-ads", Some(3), Some(2))
        );
        let (f, _) = fit(&row(&[
            "Campaign status",
            "Campaign",
            "Currency code",
            "Impr.",
            "Cost",
        ]))
        .unwrap();
        assert_eq!(f.id, "google-ads");
        let (f, _) = fit(&row(&[
            "Start Time",
            "End Time",
            "Amount Spent",
            "Campaign Name",
        ]))
        .unwrap();
        assert_eq!(f.id, "snapchat-ads");
        let (f, _) = fit(&row(&[
            "Time period",
            "Campaign name",
            "Spend",
            "Impressions",
        ]))
        .unwrap();
        assert_eq!(f.id, "x-ads");
        // A Meta header without its reporting days is not read as Meta's.
        assert!(fit(&row(&["Campaign name", "Amount spent (USD)"])).is_none());
        // A post export is no ad export.
        assert!(fit(&row(&["Post id", "Date", "Impressions"])).is_none());
    }

    #[test]
    fn total_rows_by_the_way_each_platform_writes_them() {
        let tiktok = fit(&row(&["キャンペーン名", "コスト", "通貨"])).unwrap();
        let is = |cells: &[&str]| is_total(tiktok.0, &tiktok.1, &row(cells));
        assert!(is(&["全2件の結果", "80000", "-"]));
        assert!(is(&["Total of 14 results", "1", "-"]));
        // A campaign whose name begins with 全 ("all") is a campaign.
        assert!(!is(&["全国キャンペーン", "500", "JPY"]));
        assert!(!is(&["上位3件の結果", "500", "JPY"]));
        let google = fit(&row(&["Campaign status", "Campaign", "Cost"])).unwrap();
        let is = |cells: &[&str]| is_total(google.0, &google.1, &row(cells));
        assert!(is(&["Total: Account", "", "10"]));
        assert!(is(&[" --", "Total: Search", "10"]));
        assert!(!is(&["Enabled", "Totally fresh", "10"]));
        let snapchat = fit(&row(&["Start Time", "Campaign Name", "Amount Spent"])).unwrap();
        let is = |cells: &[&str]| is_total(snapchat.0, &snapchat.1, &row(cells));
        assert!(is(&["2026-11-01", "", "90"]));
        assert!(is(&["Total", "all campaigns", "90"]));
        assert!(!is(&["2026-11-01", "Ramadan", "90"]));
        let meta = fit(&row(&[
            "Reporting starts",
            "Campaign name",
            "Amount spent (SAR)",
        ]))
        .unwrap();
        assert!(is_total(meta.0, &meta.1, &row(&["2026-11-01", " ", "90"])));
        assert!(!is_total(
            meta.0,
            &meta.1,
            &row(&["2026-11-01", "Total", "90"])
        ));
    }

    #[test]
    fn no_data_is_meta_s_one_cell_saying_so() {
        assert!(is_no_data(&row(&["No data available.", "", " "])));
        assert!(is_no_data(&row(&["no data available."])));
        // One cell, but a campaign's name; the words, but beside a figure.
        assert!(!is_no_data(&row(&["Boosted post 12 Nov", "", ""])));
        assert!(!is_no_data(&row(&["No data available.", "150"])));
        assert!(!is_no_data(&row(&["", ""])));
    }

    #[test]
    fn days_from_titles_names_and_cells() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            days_in_titles(&["Campaign report", "27 January 2026 - 23 February 2026"]),
            Some((d(2026, 1, 27), d(2026, 2, 23)))
        );
        assert_eq!(
            days_in_titles(&["\"July 8, 2025 - July 31, 2025\""]),
            Some((d(2025, 7, 8), d(2025, 7, 31)))
        );
        assert_eq!(
            days_in_titles(&["2026年1月1日 - 2026年3月31日"]),
            Some((d(2026, 1, 1), d(2026, 3, 31)))
        );
        assert_eq!(days_in_titles(&["Campaign report", "All time"]), None);
        assert_eq!(
            days_in_name("x/Thrasio-Campaign Report(2024-05-12 to 2024-05-18).xlsx"),
            Some((d(2024, 5, 12), d(2024, 5, 18)))
        );
        assert_eq!(days_in_name("report.xlsx"), None);
        // Snapchat's day ends at the next midnight.
        assert_eq!(
            row_days("2020-04-21 00:00:00 AST", "2020-04-22 00:00:00 AST", MF),
            Some((d(2020, 4, 21), d(2020, 4, 21)))
        );
        assert_eq!(
            row_days("2026-11-01 00:00:00", "2026-11-30 23:59:59", MF),
            Some((d(2026, 11, 1), d(2026, 11, 30)))
        );
        assert_eq!(
            row_days("2026-11-02", "", MF),
            Some((d(2026, 11, 2), d(2026, 11, 2)))
        );
        assert_eq!(row_days("2026-11-02", "2026-11-01", MF), None);
        // Excel's re-saves, and a short cell that is no date.
        assert_eq!(
            row_days("01.11.2026", "30.11.2026", MF),
            Some((d(2026, 11, 1), d(2026, 11, 30)))
        );
        assert_eq!(
            row_days("02/11/2026", "13/11/2026", DateOrder::DayFirst),
            Some((d(2026, 11, 2), d(2026, 11, 13)))
        );
        assert_eq!(
            row_days("11/02/2026", "11/13/2026", MF),
            Some((d(2026, 11, 2), d(2026, 11, 13)))
        );
        assert_eq!(row_days("1.1", "x", MF), None);
        // Ending at the midnight it starts: that one day, not the day before.
        assert_eq!(
            row_days("2020-04-21 00:00:00 AST", "2020-04-21 00:00:00 AST", MF),
            Some((d(2020, 4, 21), d(2020, 4, 21)))
        );
    }
}
