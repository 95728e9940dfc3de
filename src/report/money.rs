//! The money section: ad spend from the ad exports against the approved
//! budget, for the period and the plan so far, per goal and per ad
//! platform; the spending no declared campaign directs at a goal; and what
//! each result cost (per 1,000 paid impressions, engagement, new follower,
//! inquiry and unit of each KPI), each rate with its numerator and
//! denominator. Spend in another currency counts only with the rate the
//! budget writes for it; without one it is a located problem, left out.

use super::data::Period;
use crate::exports::ads::{AdRow, AdSpend};
use crate::exports::{Decision, Problem};
use crate::plan::model::Plan;
use crate::plan::model::budget::Budget;
use crate::plan::rules::catalog as rule;
use crate::t;
use chrono::NaiveDate;
use serde::Serialize;

/// Spent against what was set aside for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Against {
    /// `None` when no ad export could be read, though some were there.
    pub spent: Option<f64>,
    /// What the budget allows for the same days (`None` when it says nothing).
    pub budget: Option<f64>,
}

/// Spend directed at one goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalSpend {
    pub goal: String,
    pub name: crate::plan::model::Text,
    /// Spent in the period.
    pub spent: f64,
    /// The goal's budget lines for the whole plan, and spent on it so far.
    pub lines: f64,
    pub spent_to_date: f64,
}

/// One campaign's spend that no declared campaign directs at a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Undirected {
    pub campaign: String,
    pub platform: &'static str,
    pub spent: f64,
}

/// What a result cost: money spent over a count of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostPer {
    /// `impressions_1000`, `engagement`, `new_follower`, `inquiry`, or a KPI's id.
    pub per: String,
    /// The KPI's name, for a cost per unit of a KPI, and its unit's when
    /// its measure names one (`SAR`: the cost of a riyal donated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<crate::plan::model::Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<crate::plan::model::Text>,
    /// What the results are set against: the period's spend, or for a
    /// KPI the spend directed at its goal.
    pub spent: Option<f64>,
    pub results: Option<f64>,
    pub value: Option<f64>,
}

/// The whole money section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    pub currency: String,
    /// The period: spent against its share of the budget (its months'
    /// caps, else the total spread evenly over the plan's days).
    pub period: Against,
    /// From the plan's start to the period's end, against the total, and
    /// the share of the total the days so far would spend at an even pace.
    pub to_date: Against,
    pub approved: f64,
    pub pace: Option<f64>,
    pub by_goal: Vec<GoalSpend>,
    /// Spent per ad platform (`meta`, `tiktok`, `google`, `snapchat`, `x`).
    pub by_platform: Vec<(&'static str, f64)>,
    pub undirected: Vec<Undirected>,
    /// The undirected spend's share of the period's.
    pub undirected_share: Option<f64>,
    /// Impressions the ad exports count (paid), beside all the platform
    /// exports count.
    pub paid_impressions: Option<i64>,
    pub cost_per: Vec<CostPer>,
    /// Ad export rows read, and the files.
    pub rows: usize,
    pub files: usize,
    /// The ad platforms (or files) whose exports could not be read: every
    /// figure above is without them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lacks: Vec<String>,
}

/// The days two ranges share.
fn overlap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> i64 {
    let from = a.0.max(b.0);
    let to = a.1.min(b.1);
    if to < from {
        0
    } else {
        (to - from).num_days() + 1
    }
}

/// The part of a row's spend that falls in `days`: all of it when its days
/// lie inside, else in proportion to the days shared (spend is taken as
/// even over the row's days).
pub fn share_in(row: &AdRow, days: (NaiveDate, NaiveDate)) -> f64 {
    let length = (row.to - row.from).num_days() + 1;
    let shared = overlap((row.from, row.to), days);
    if shared == length {
        row.spend
    } else {
        row.spend * shared as f64 / length as f64
    }
}

/// `part` as a share of `whole`, when there is a whole to share.
pub fn share_of(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// What one result cost (`scale` results: 1,000 impressions), when there
/// were results to share the spend.
pub fn cost_of(spent: f64, results: Option<f64>, scale: f64) -> Option<f64> {
    results.filter(|r| *r > 0.0).map(|r| spent / r * scale)
}

/// The budget for `days`: the caps of the months they hold whole when the
/// budget has caps for each, else the total spread evenly over the plan.
pub fn budget_for(
    budget: &Budget,
    plan: (NaiveDate, NaiveDate),
    days: (NaiveDate, NaiveDate),
) -> Option<f64> {
    let caps: Vec<(crate::text::dates::Month, f64)> = budget
        .approved
        .months
        .0
        .iter()
        .filter_map(|(m, cap)| Some((crate::text::dates::Month::parse(&m.value).ok()?, cap.value)))
        .collect();
    let mut month = crate::text::dates::Month::of(days.0);
    let mut from_caps = 0.0;
    let mut whole_months = days.0 == month.first_day();
    while whole_months && month.first_day() <= days.1 {
        match caps.iter().find(|(m, _)| *m == month) {
            Some((_, cap)) if month.last_day() <= days.1 => from_caps += cap,
            _ => whole_months = false,
        }
        month = month.next();
    }
    if whole_months {
        return Some(from_caps);
    }
    spread(budget.approved.total.value, plan, days)
}

/// `total`'s share for `days` when it is spread evenly over the plan's
/// days; `None` for a plan with no days.
fn spread(total: f64, plan: (NaiveDate, NaiveDate), days: (NaiveDate, NaiveDate)) -> Option<f64> {
    let plan_days = (plan.1 - plan.0).num_days() + 1;
    (plan_days > 0).then(|| total * overlap(plan, days) as f64 / plan_days as f64)
}

/// A row's currency: the export's, else (Snapchat and X write none) the budget's.
fn currency_of<'a>(budget: &'a Budget, row: &'a AdRow) -> &'a str {
    row.currency.as_deref().unwrap_or(budget.currency())
}

/// A problem for each file and currency the budget writes no rate for:
/// that spend is left out, and said to be.
pub fn currency_problems(budget: &Budget, ads: &AdSpend) -> Vec<Problem> {
    let mut told = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for row in &ads.rows {
        let currency = currency_of(budget, row);
        if budget.rate(currency).is_none() && told.insert((row.file, currency.to_string())) {
            out.push(Problem {
                rule: &rule::AD_CURRENCY,
                path: ads.files[row.file].path.clone(),
                line: Some(row.line),
                column: None,
                field: None,
                message: t!(
                    "ads.no-rate",
                    currency = currency,
                    budget = budget.currency()
                ),
                decision: Decision::RowSkipped,
            });
        }
    }
    out
}

/// The ad rows a budget can count, each with the rate that turns it into
/// the budget's currency.
struct Spend<'a> {
    budget: &'a Budget,
    rows: Vec<(&'a AdRow, f64)>,
    /// Whether no row could be read where ad exports were there: then
    /// what was spent is not known, never 0.
    unknown: bool,
}

impl Spend<'_> {
    /// What the rows `keep` takes spent in `span`, in the budget's currency.
    fn spent_in(&self, span: (NaiveDate, NaiveDate), keep: &dyn Fn(&AdRow) -> bool) -> f64 {
        // Folded from +0: a sum of nothing is 0, not −0.
        self.rows
            .iter()
            .filter(|(row, _)| keep(row))
            .map(|(row, rate)| share_in(row, span) * rate)
            .fold(0.0, |sum, spent| sum + spent)
    }

    /// [`Spend::spent_in`], or `None` when the spend is not known.
    fn known(&self, span: (NaiveDate, NaiveDate), keep: &dyn Fn(&AdRow) -> bool) -> Option<f64> {
        (!self.unknown).then(|| self.spent_in(span, keep))
    }

    /// The goal a row's campaign is directed at.
    fn goal_of(&self, row: &AdRow) -> Option<String> {
        self.budget
            .campaign_of(&row.campaign)
            .and_then(|c| c.goal.as_ref())
            .map(|g| g.value.clone())
    }

    /// Spent in `days` per ad platform, and per campaign directed at no
    /// goal; both largest first.
    fn by_platform_and_undirected(
        &self,
        days: (NaiveDate, NaiveDate),
    ) -> (Vec<(&'static str, f64)>, Vec<Undirected>) {
        let mut by_platform: Vec<(&'static str, f64)> = Vec::new();
        let mut undirected: Vec<Undirected> = Vec::new();
        for (row, rate) in &self.rows {
            if overlap((row.from, row.to), days) == 0 {
                continue;
            }
            let spent = share_in(row, days) * rate;
            let platform = row.platform.id();
            match by_platform.iter_mut().find(|(p, _)| *p == platform) {
                Some((_, sum)) => *sum += spent,
                None => by_platform.push((platform, spent)),
            }
            if self.goal_of(row).is_some() {
                continue;
            }
            match undirected
                .iter_mut()
                .find(|u| *u.campaign == *row.campaign && u.platform == platform)
            {
                Some(u) => u.spent += spent,
                None => undirected.push(Undirected {
                    campaign: row.campaign.to_string(),
                    platform,
                    spent,
                }),
            }
        }
        by_platform.sort_by(|a, b| b.1.total_cmp(&a.1));
        undirected.sort_by(|a, b| b.spent.total_cmp(&a.spent));
        (by_platform, undirected)
    }

    /// Paid impressions in `days`, shared out by days as spend is (a row
    /// outside the period shares none of them).
    fn paid_impressions(&self, days: (NaiveDate, NaiveDate)) -> Option<i64> {
        let paid: Vec<f64> = self
            .rows
            .iter()
            .filter_map(|(row, _)| {
                let length = (row.to - row.from).num_days() + 1;
                let shared = overlap((row.from, row.to), days);
                row.impressions
                    .map(|i| i as f64 * shared as f64 / length as f64)
            })
            .collect();
        (!paid.is_empty()).then(|| whole(paid.iter().sum()))
    }

    /// What each result cost in `days`: the period's spend over paid
    /// impressions, engagements, new followers and inquiries; the spend
    /// directed at a KPI's goal over its units.
    fn costs(&self, days: (NaiveDate, NaiveDate), results: &Results) -> Vec<CostPer> {
        let per = |per: &str, results: Option<f64>, scale: f64, spent: Option<f64>| CostPer {
            per: per.to_string(),
            name: None,
            unit: None,
            spent,
            results,
            value: spent.and_then(|spent| cost_of(spent, results, scale)),
        };
        let spent = self.known(days, &|_| true);
        let paid = self.paid_impressions(days).map(|i| i as f64);
        let mut cost_per = vec![
            per("impressions_1000", paid, 1000.0, spent),
            per("engagement", results.engagements, 1.0, spent),
            per("new_follower", results.new_followers, 1.0, spent),
            per("inquiry", results.inquiries, 1.0, spent),
        ];
        for kpi in &results.kpis {
            let on_goal = |row: &AdRow| self.goal_of(row).as_deref() == Some(kpi.goal.as_str());
            cost_per.push(CostPer {
                name: Some(kpi.name.clone()),
                unit: kpi.unit.clone(),
                ..per(&kpi.kpi, kpi.value, 1.0, self.known(days, &on_goal))
            });
        }
        cost_per
    }
}

/// The money section, when the plan has a budget; problems for spend in a
/// currency the budget gives no rate for.
pub fn money(
    plan: &Plan,
    ads: &AdSpend,
    period: &Period,
    results: &Results,
    problems: &mut Vec<Problem>,
) -> Option<Money> {
    let budget = &plan.budget.as_ref()?.data;
    let plan_days = plan.settings.as_ref().and_then(|s| s.data.period())?;
    let days = (period.from, period.to);
    let to_date = (plan_days.0, period.to);
    problems.extend(currency_problems(budget, ads));
    let rows: Vec<(&AdRow, f64)> = ads
        .rows
        .iter()
        .filter_map(|row| Some((row, budget.rate(currency_of(budget, row))?)))
        .collect();
    let spend = Spend {
        budget,
        unknown: rows.is_empty() && !ads.refused.is_empty(),
        rows,
    };
    let by_goal = plan
        .goals
        .iter()
        .flat_map(|g| &g.data.goals)
        .map(|goal| {
            let mine = |row: &AdRow| spend.goal_of(row).as_deref() == Some(goal.id.value.as_str());
            GoalSpend {
                goal: goal.id.value.clone(),
                name: goal.name.clone(),
                spent: spend.spent_in(days, &mine),
                lines: budget
                    .lines
                    .iter()
                    .filter(|l| l.goal.value == goal.id.value)
                    .map(|l| l.amount.value)
                    .sum(),
                spent_to_date: spend.spent_in(to_date, &mine),
            }
        })
        .collect();
    let (by_platform, undirected) = spend.by_platform_and_undirected(days);
    let undirected_spent: f64 = undirected.iter().map(|u| u.spent).sum();
    let period_spent = spend.known(days, &|_| true);
    Some(Money {
        currency: budget.currency().to_string(),
        period: Against {
            spent: period_spent,
            budget: budget_for(budget, plan_days, days),
        },
        to_date: Against {
            spent: spend.known(to_date, &|_| true),
            budget: Some(budget.approved.total.value),
        },
        approved: budget.approved.total.value,
        pace: spread(budget.approved.total.value, plan_days, to_date),
        by_goal,
        by_platform,
        undirected_share: period_spent.and_then(|spent| share_of(undirected_spent, spent)),
        undirected,
        paid_impressions: spend.paid_impressions(days),
        cost_per: spend.costs(days, results),
        rows: spend.rows.len(),
        files: ads.files.len(),
        lacks: ads.lacking(),
    })
}

/// A count shared out by days, to the nearest whole.
#[allow(
    clippy::cast_possible_truncation,
    reason = "impressions are far below 2^53"
)]
fn whole(value: f64) -> i64 {
    value.round() as i64
}

/// The results the period's spend is set against.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub engagements: Option<f64>,
    pub new_followers: Option<f64>,
    pub inquiries: Option<f64>,
    /// Each KPI counted in units (not a rate).
    pub kpis: Vec<KpiCount>,
}

/// A KPI counted in units, as the cost of a result takes it.
#[derive(Debug, Clone)]
pub struct KpiCount {
    pub kpi: String,
    /// The goal it measures: its cost is the spend directed at that goal.
    pub goal: String,
    pub name: crate::plan::model::Text,
    /// Its unit's name, when its measure names one.
    pub unit: Option<crate::plan::model::Text>,
    pub value: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::ads::AdPlatform;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn row(from: NaiveDate, to: NaiveDate, spend: f64) -> AdRow {
        AdRow {
            platform: AdPlatform::Meta,
            campaign: "c".into(),
            from,
            to,
            spend,
            currency: None,
            impressions: None,
            clicks: None,
            file: 0,
            line: 2,
        }
    }

    #[test]
    fn a_row_counts_in_a_period_by_the_days_it_shares_with_it() {
        let november = (day(11, 1), day(11, 30));
        assert!((share_in(&row(day(11, 5), day(11, 5), 50.0), november) - 50.0).abs() < 1e-9);
        // 10 days, 5 of them in November.
        assert!((share_in(&row(day(10, 27), day(11, 5), 100.0), november) - 50.0).abs() < 1e-9);
        assert!(share_in(&row(day(10, 1), day(10, 31), 100.0), november).abs() < 1e-9);
        assert_eq!(overlap(november, (day(11, 30), day(12, 2))), 1);
    }

    #[test]
    fn a_share_needs_a_whole() {
        assert_eq!(share_of(150.0, 600.0), Some(0.25));
        assert_eq!(share_of(0.0, 0.0), None);
    }

    #[test]
    fn a_result_costs_the_spend_over_the_results() {
        assert_eq!(
            cost_of(1464.0, Some(67_600.0), 1000.0).map(|v| (v * 100.0).round()),
            Some(2166.0)
        );
        assert_eq!(cost_of(150.0, Some(3.0), 1.0), Some(50.0));
        // No results, or none known: no cost, never an infinite one.
        assert_eq!(cost_of(150.0, Some(0.0), 1.0), None);
        assert_eq!(cost_of(150.0, None, 1.0), None);
    }

    #[test]
    fn the_budget_of_a_period_from_its_months_caps_else_spread_over_the_plan() {
        let budget: Budget = serde_saphyr::from_str(
            "approved: {total: 36500, months: {2026-11: 4000, 2026-12: 5000}}\n",
        )
        .unwrap();
        let plan = (day(1, 1), day(12, 31));
        let near = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() < 1e-9;
        assert!(near(
            budget_for(&budget, plan, (day(11, 1), day(11, 30))),
            4000.0
        ));
        assert!(near(
            budget_for(&budget, plan, (day(11, 1), day(12, 31))),
            9000.0
        ));
        // October has no cap: its share of 365 days.
        assert!(near(
            budget_for(&budget, plan, (day(10, 1), day(10, 31))),
            3100.0
        ));
        // Part of a month: the even share, from its first day or not.
        assert!(near(
            budget_for(&budget, plan, (day(11, 8), day(11, 14))),
            700.0
        ));
        assert!(near(
            budget_for(&budget, plan, (day(11, 1), day(11, 14))),
            1400.0
        ));
        // A whole capped month and part of the next: all of it spread evenly.
        assert!(near(
            budget_for(&budget, plan, (day(11, 1), day(12, 15))),
            4500.0
        ));
        // A plan that ends before it starts has no days to spread over.
        let backwards = (day(1, 2), day(1, 1));
        assert_eq!(
            budget_for(&budget, backwards, (day(11, 1), day(11, 30))),
            Some(4000.0)
        );
        assert_eq!(
            budget_for(&budget, backwards, (day(10, 1), day(10, 31))),
            None
        );
    }
}
