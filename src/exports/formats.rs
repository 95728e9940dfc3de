//! The export formats the tool recognises, one family per platform, each
//! described by the header columns it needs. A file is recognised by its
//! header signature, never by its name; headers match case-insensitively,
//! with the aliases real exports use (likes/favorites, Views/Impressions…).

use crate::plan::model::platforms::PlatformKind;

/// What one row of an export describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    /// One published post, with lifetime (or period) totals.
    Post,
    /// One day of an account.
    Day,
    /// One inquiry from a follower and its first reply (kept by the team).
    Inquiry,
}

/// A canonical field a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    PostId,
    Url,
    Published,
    Date,
    Account,
    AccountId,
    Text,
    /// What kind of post it is, as the export names it (`IG reel`, `Photos`).
    Kind,
    Impressions,
    Reach,
    Engagements,
    Likes,
    Replies,
    Reposts,
    Saves,
    Clicks,
    VideoViews,
    Follows,
    Unfollows,
    NetFollows,
    FollowersTotal,
    Posts,
    /// Meta's single-metric daily files: the metric named by the title line.
    Primary,
    /// Inquiries: when the question came and when it was first answered.
    Received,
    FirstReply,
    Platform,
    Channel,
}

/// Whether a format needs a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// One export format.
#[derive(Debug)]
pub struct Format {
    pub id: &'static str,
    pub name: &'static str,
    /// The platform, when the header alone tells it.
    pub platform: Option<PlatformKind>,
    pub grain: Grain,
    pub columns: &'static [(Field, Need, &'static [&'static str])],
    /// Engagements are the sum of these fields when the export has no total.
    pub engagement_parts: &'static [Field],
    /// The first data row is an aggregate (`Total`) to skip.
    pub total_row: bool,
    /// The platform itself writes dates as `11/08/2026`, month first (Meta).
    pub slashed_dates: bool,
}

use Field::{
    Account, AccountId, Channel, Clicks, Date, Engagements, FirstReply, FollowersTotal, Follows,
    Impressions, Kind, Likes, NetFollows, Platform, PostId, Posts, Primary, Published, Reach,
    Received, Replies, Reposts, Saves, Text, Unfollows, Url, VideoViews,
};
use Need::{Optional, Required};

pub static FORMATS: &[Format] = &[
    Format {
        id: "inquiries",
        name: "Inquiries kept by the team (received_at, first_reply_at, platform, channel)",
        platform: None,
        grain: Grain::Inquiry,
        columns: &[
            (Received, Required, &["received_at", "received at"]),
            (FirstReply, Required, &["first_reply_at", "first reply at"]),
            (Platform, Required, &["platform"]),
            (Channel, Optional, &["channel"]),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "x-tweet-activity",
        name: "X (Twitter) classic per-tweet activity (tweet_activity_metrics)",
        platform: Some(PlatformKind::X),
        grain: Grain::Post,
        columns: &[
            (PostId, Required, &["tweet id"]),
            (Url, Optional, &["tweet permalink"]),
            (Text, Optional, &["tweet text"]),
            (Published, Required, &["time"]),
            (Impressions, Required, &["impressions"]),
            (Engagements, Optional, &["engagements"]),
            (Reposts, Optional, &["retweets"]),
            (Replies, Optional, &["replies"]),
            (Likes, Optional, &["likes", "favorites"]),
            (Clicks, Optional, &["url clicks"]),
            (VideoViews, Optional, &["media views"]),
            (Follows, Optional, &["follows"]),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "x-daily-activity",
        name: "X (Twitter) classic per-day activity (daily_tweet_activity_metrics)",
        platform: Some(PlatformKind::X),
        grain: Grain::Day,
        columns: &[
            (Date, Required, &["date"]),
            (Posts, Required, &["tweets published"]),
            (Impressions, Required, &["impressions"]),
            (Engagements, Optional, &["engagements"]),
            (Reposts, Optional, &["retweets"]),
            (Replies, Optional, &["replies"]),
            (Likes, Optional, &["likes", "favorites"]),
            (Clicks, Optional, &["url clicks"]),
            (Follows, Optional, &["follows"]),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "x-account-overview",
        name: "X Premium account overview (account_overview_analytics)",
        platform: Some(PlatformKind::X),
        grain: Grain::Day,
        columns: &[
            (Date, Required, &["date"]),
            (Impressions, Required, &["impressions"]),
            (Engagements, Optional, &["engagements"]),
            (Likes, Optional, &["likes"]),
            (Reposts, Optional, &["reposts", "shares"]),
            (Replies, Optional, &["replies"]),
            (Saves, Optional, &["bookmarks"]),
            (Follows, Required, &["new follows"]),
            (Unfollows, Required, &["unfollows"]),
            (Posts, Optional, &["create post"]),
            (VideoViews, Optional, &["video views"]),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "x-account-content",
        name: "X Premium account content (account_analytics_content)",
        platform: Some(PlatformKind::X),
        grain: Grain::Post,
        columns: &[
            (PostId, Required, &["post id"]),
            (Published, Required, &["date"]),
            (Text, Optional, &["post text"]),
            (Url, Optional, &["post link", "link"]),
            (Impressions, Required, &["impressions"]),
            (Engagements, Optional, &["engagements"]),
            (Likes, Optional, &["likes"]),
            (Reposts, Optional, &["reposts"]),
            (Replies, Optional, &["replies"]),
            (Saves, Optional, &["bookmarks"]),
            (Clicks, Optional, &["url clicks"]),
            (Follows, Optional, &["new follows"]),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "meta-facebook-posts",
        name: "Meta Business Suite Facebook posts",
        platform: Some(PlatformKind::Facebook),
        grain: Grain::Post,
        columns: &[
            (PostId, Required, &["post id"]),
            (Account, Required, &["page name"]),
            (AccountId, Optional, &["page id"]),
            (Published, Required, &["publish time"]),
            (Url, Optional, &["permalink"]),
            (Text, Optional, &["title", "description"]),
            (Kind, Optional, &["post type"]),
            (Impressions, Optional, &["views", "impressions"]),
            (Reach, Optional, &["reach"]),
            (Engagements, Optional, &["reactions, comments and shares"]),
            (Likes, Optional, &["reactions"]),
            (Replies, Optional, &["comments"]),
            (Reposts, Optional, &["shares"]),
            (Clicks, Optional, &["link clicks"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts],
        total_row: false,
        slashed_dates: true,
    },
    Format {
        id: "meta-instagram-posts",
        name: "Meta Business Suite Instagram posts",
        platform: Some(PlatformKind::Instagram),
        grain: Grain::Post,
        columns: &[
            (PostId, Required, &["post id"]),
            (Account, Required, &["account username"]),
            (AccountId, Optional, &["account id"]),
            (Published, Required, &["publish time"]),
            (Url, Optional, &["permalink"]),
            (Text, Optional, &["description"]),
            (Kind, Optional, &["post type"]),
            (Impressions, Optional, &["views", "impressions"]),
            (Reach, Optional, &["reach"]),
            (Likes, Optional, &["likes"]),
            (Replies, Optional, &["comments"]),
            (Reposts, Optional, &["shares"]),
            (Saves, Optional, &["saves"]),
            (Follows, Optional, &["follows"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts, Saves],
        total_row: false,
        slashed_dates: true,
    },
    Format {
        id: "meta-daily",
        name: "Meta Business Suite daily account metric (Views, Reach, Follows…)",
        platform: None,
        grain: Grain::Day,
        columns: &[
            (Date, Required, &["date"]),
            (Primary, Required, &["primary"]),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "facebook-insights-legacy-posts",
        name: "Facebook Insights data export, post level (before 2019)",
        platform: Some(PlatformKind::Facebook),
        grain: Grain::Post,
        columns: &[
            (PostId, Required, &["post id"]),
            (Url, Optional, &["permalink"]),
            (Text, Optional, &["post message"]),
            (Published, Required, &["posted"]),
            (Reach, Optional, &["lifetime post total reach"]),
            (Impressions, Required, &["lifetime post total impressions"]),
            (
                Likes,
                Optional,
                &["lifetime post stories by action type - like"],
            ),
            (
                Replies,
                Optional,
                &["lifetime post stories by action type - comment"],
            ),
            (
                Reposts,
                Optional,
                &["lifetime post stories by action type - share"],
            ),
            (Clicks, Optional, &["lifetime post consumptions"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts],
        total_row: false,
        slashed_dates: true,
    },
    Format {
        id: "youtube-table-data",
        name: "YouTube Studio table data (per video)",
        platform: Some(PlatformKind::Youtube),
        grain: Grain::Post,
        columns: &[
            (PostId, Required, &["content"]),
            (Text, Optional, &["video title"]),
            (Published, Required, &["video publish time"]),
            (VideoViews, Required, &["views"]),
            (
                Impressions,
                Optional,
                &["impressions", "thumbnail impressions"],
            ),
            (Reach, Optional, &["unique viewers"]),
            (Likes, Optional, &["likes"]),
            (Replies, Optional, &["comments added", "comments"]),
            (Reposts, Optional, &["shares"]),
            (NetFollows, Optional, &["subscribers"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts],
        total_row: true,
        slashed_dates: false,
    },
    Format {
        id: "tiktok-follower-history",
        name: "TikTok Studio follower history (FollowerHistory.csv)",
        platform: Some(PlatformKind::Tiktok),
        grain: Grain::Day,
        columns: &[
            (Date, Required, &["date"]),
            (FollowersTotal, Required, &["followers"]),
            (
                NetFollows,
                Optional,
                &["difference in followers from previous day"],
            ),
        ],
        engagement_parts: &[],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "tiktok-studio-content",
        name: "TikTok Studio content (Content.csv): each video's lifetime totals",
        platform: Some(PlatformKind::Tiktok),
        grain: Grain::Post,
        columns: &[
            // The link is the video's id: the file has no other.
            (PostId, Required, &["video link"]),
            (Url, Optional, &["video link"]),
            (Text, Optional, &["video title"]),
            (Published, Required, &["post time"]),
            (Likes, Optional, &["total likes"]),
            (Replies, Optional, &["total comments"]),
            (Reposts, Optional, &["total shares"]),
            (VideoViews, Required, &["total views"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "tiktok-overview",
        name: "TikTok Studio overview (Overview.csv)",
        platform: Some(PlatformKind::Tiktok),
        grain: Grain::Day,
        columns: &[
            (Date, Required, &["date"]),
            (VideoViews, Required, &["video views"]),
            (Likes, Optional, &["likes"]),
            (Replies, Optional, &["comments"]),
            (Reposts, Optional, &["shares"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts],
        total_row: false,
        slashed_dates: false,
    },
    Format {
        id: "tiktok-business-overview",
        name: "TikTok business account overview",
        platform: Some(PlatformKind::Tiktok),
        grain: Grain::Day,
        columns: &[
            (Date, Required, &["date"]),
            (VideoViews, Required, &["video views"]),
            (Reach, Optional, &["reached audience"]),
            (Likes, Optional, &["likes"]),
            (Replies, Optional, &["comments"]),
            (Reposts, Optional, &["shares"]),
            (NetFollows, Required, &["net growth"]),
            (Follows, Optional, &["new followers"]),
            (Unfollows, Optional, &["lost followers"]),
        ],
        engagement_parts: &[Likes, Replies, Reposts],
        total_row: false,
        slashed_dates: false,
    },
];

/// A header cell as matched: trimmed, lower case, without a byte-order mark.
pub(crate) fn normalise_header(cell: &str) -> String {
    cell.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// How well a header fits a format: the matched column of each field, or
/// the required fields it lacks.
pub struct Fit {
    pub format: &'static Format,
    pub columns: Vec<(Field, usize)>,
    pub missing: Vec<&'static str>,
}

/// Fits a header to every format, best first: complete fits before
/// incomplete ones, then by the number of matched columns.
pub(crate) fn fit(header: &[String]) -> Vec<Fit> {
    let mut fits: Vec<Fit> = FORMATS
        .iter()
        .map(|format| {
            let mut columns = Vec::new();
            let mut missing = Vec::new();
            for (field, need, aliases) in format.columns {
                // The first alias that names a column, and the first column
                // it names (Meta repeats `Views`): `Reposts` before `Shares`
                // in an X overview that has both, wherever they stand.
                match aliases
                    .iter()
                    .find_map(|alias| header.iter().position(|h| h == alias))
                {
                    Some(index) => columns.push((*field, index)),
                    None if *need == Required => missing.push(aliases[0]),
                    None => {}
                }
            }
            Fit {
                format,
                columns,
                missing,
            }
        })
        .collect();
    fits.sort_by_key(|f| (!f.missing.is_empty(), std::cmp::Reverse(f.columns.len())));
    fits
}
