//! `coverage.yaml`: the log of media coverage the work earned — press,
//! television, radio and online reports about the charity — each dated,
//! with its outlet and link, and the goal it served. The seed counts
//! "coverage, reports and campaigns published" among the results; the
//! metric `media_coverage` counts this log's entries in a period.

use super::fields::{Id, Located, Parsed, Text, keyword_enum};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    #[serde(default)]
    pub coverage: Vec<Mention>,
}

/// One report about the charity in the media.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    #[schemars(with = "String")]
    pub date: Parsed<NaiveDate>,
    /// The newspaper, channel, station or site.
    pub outlet: Text,
    pub kind: Option<Parsed<MentionKind>>,
    /// Where it can be read or watched.
    #[schemars(with = "Option<String>")]
    pub link: Option<Located<String>>,
    /// The goal it served.
    #[schemars(with = "Option<String>")]
    pub goal: Option<Id>,
    pub note: Option<Text>,
}

keyword_enum! {
    /// What kind of outlet carried it.
    MentionKind { Press = "press", Tv = "tv", Radio = "radio", Online = "online", Podcast = "podcast" }
}
