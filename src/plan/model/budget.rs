//! `budget.yaml`: the money the plan is approved to spend and what it is
//! directed at. The seed's charity began from spending "not directed at
//! specific goals"; here every riyal has a line (a goal, a platform, a kind
//! of spending, an owner), and every ad campaign the goal it serves, so
//! that the report can say what ad spend reached no goal.

use super::fields::{Entries, Id, Located, Parsed, Text, keyword_enum};
use chrono::NaiveDate;
use serde::Deserialize;

/// The currency a budget is kept in when it names none.
pub const DEFAULT_CURRENCY: &str = "SAR";

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The currency of every amount in the file (ISO 4217), `SAR` unless said.
    #[schemars(with = "Option<String>")]
    pub currency: Option<Located<String>>,
    /// What one unit of another currency is worth in the budget's currency
    /// (`USD: 3.75`), for ad exports kept in it; there is no network to ask.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    pub rates: Entries<Id, Located<f64>>,
    /// The approved budget.
    pub approved: Approved,
    /// How the approved budget is divided.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The ad campaigns the budget pays for, each with the goal it serves.
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
}

/// The budget as approved: its total for the plan period, and where set,
/// the most each month may spend.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approved {
    #[schemars(with = "f64")]
    pub total: Located<f64>,
    /// Who approved it (a person of the team).
    #[schemars(with = "Option<String>")]
    pub by: Option<Id>,
    /// The day it was approved.
    #[schemars(with = "Option<String>")]
    pub on: Option<Parsed<NaiveDate>>,
    /// The most a month may spend, by month (`2026-11: 10000`).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    pub months: Entries<Id, Located<f64>>,
}

/// A part of the budget directed at a goal (and a platform), of one kind.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Option<Text>,
    #[schemars(with = "String")]
    pub goal: Id,
    /// The platform it is spent on, when it is one.
    #[schemars(with = "Option<String>")]
    pub platform: Option<Id>,
    #[schemars(with = "String")]
    pub kind: Parsed<LineKind>,
    #[schemars(with = "f64")]
    pub amount: Located<f64>,
    /// Who answers for it (a person of the team).
    #[schemars(with = "String")]
    pub owner: Id,
}

keyword_enum! {
    /// What a budget line pays for.
    LineKind {
        PaidAds = "paid_ads",
        DesignProduction = "design_production",
        ToolsSubscriptions = "tools_subscriptions",
        Other = "other"
    }
}

/// An ad campaign, known in the ad exports by its name: exactly, by a
/// prefix, or by a tag written in it.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    #[schemars(with = "String")]
    pub id: Id,
    /// The campaign's name as the ad platform shows it.
    #[schemars(with = "Option<String>")]
    pub name: Option<Located<String>>,
    /// The beginning every name of the campaign's has (`KH-RAMADAN-`).
    #[schemars(with = "Option<String>")]
    pub prefix: Option<Located<String>>,
    /// A tag written anywhere in its names (`[donors]`).
    #[schemars(with = "Option<String>")]
    pub tag: Option<Located<String>>,
    /// The goal it serves.
    #[schemars(with = "Option<String>")]
    pub goal: Option<Id>,
    /// The KPI it is meant to move (of that goal).
    #[schemars(with = "Option<String>")]
    pub kpi: Option<Id>,
    #[schemars(with = "Option<String>")]
    pub audience: Option<Id>,
    /// The calendar items it promotes.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub items: Vec<Id>,
    /// The budget line it draws on.
    #[schemars(with = "Option<String>")]
    pub line: Option<Id>,
    #[schemars(with = "Option<String>")]
    pub from: Option<Parsed<NaiveDate>>,
    #[schemars(with = "Option<String>")]
    pub to: Option<Parsed<NaiveDate>>,
}

impl Campaign {
    /// Whether an ad export's campaign `name` is this campaign's: the same
    /// name (letter case and spaces at the ends aside), its prefix, or its tag.
    pub fn matches(&self, name: &str) -> bool {
        let name = name.trim();
        let lower = name.to_lowercase();
        self.name
            .as_ref()
            .is_some_and(|n| n.value.trim().to_lowercase() == lower)
            || self
                .prefix
                .as_ref()
                .is_some_and(|p| !p.value.is_empty() && lower.starts_with(&p.value.to_lowercase()))
            || self
                .tag
                .as_ref()
                .is_some_and(|t| !t.value.is_empty() && lower.contains(&t.value.to_lowercase()))
    }
}

impl Budget {
    /// The budget's currency code.
    pub fn currency(&self) -> &str {
        self.currency
            .as_ref()
            .map_or(DEFAULT_CURRENCY, |c| c.value.as_str())
    }

    /// What one unit of `currency` is worth in the budget's: 1 for its own,
    /// the written rate for another, `None` without one.
    pub fn rate(&self, currency: &str) -> Option<f64> {
        if currency.eq_ignore_ascii_case(self.currency()) {
            return Some(1.0);
        }
        self.rates
            .0
            .iter()
            .find(|(code, _)| code.value.eq_ignore_ascii_case(currency))
            .map(|(_, rate)| rate.value)
    }

    /// The campaign an ad export's campaign name belongs to: the first that
    /// names it exactly, else the first whose prefix or tag it carries.
    pub fn campaign_of(&self, name: &str) -> Option<&Campaign> {
        let exact = |c: &&Campaign| {
            c.name
                .as_ref()
                .is_some_and(|n| n.value.trim().eq_ignore_ascii_case(name.trim()))
        };
        self.campaigns
            .iter()
            .find(exact)
            .or_else(|| self.campaigns.iter().find(|c| c.matches(name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget() -> Budget {
        serde_saphyr::from_str(
            "currency: SAR\nrates: {USD: 3.75}\napproved: {total: 1000}\ncampaigns:\n\
             - {id: exact, name: Winter donors, goal: g}\n\
             - {id: prefixed, prefix: KH-WINTER, goal: g}\n\
             - {id: tagged, tag: '[donors]', goal: g}\n",
        )
        .unwrap()
    }

    #[test]
    fn an_export_campaign_is_found_by_name_then_prefix_then_tag() {
        let b = budget();
        let id = |name: &str| b.campaign_of(name).map(|c| c.id.value.as_str());
        assert_eq!(id("Winter donors"), Some("exact"));
        assert_eq!(id("  winter DONORS "), Some("exact"));
        assert_eq!(id("KH-WINTER reels"), Some("prefixed"));
        assert_eq!(id("kh-winter reels"), Some("prefixed"));
        assert_eq!(id("Reels [donors] week 2"), Some("tagged"));
        // A name the exact campaign's name only begins is not it.
        assert_eq!(id("Winter donors 2"), None);
        assert_eq!(id("Summer reels"), None);
    }

    #[test]
    fn other_currencies_by_the_rate_written() {
        let b = budget();
        assert_eq!(b.currency(), "SAR");
        assert_eq!(b.rate("SAR"), Some(1.0));
        assert_eq!(b.rate("usd"), Some(3.75));
        assert_eq!(b.rate("EUR"), None);
    }
}
