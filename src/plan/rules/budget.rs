//! `budget.yaml`: every amount above zero and in a currency the file can
//! turn into its own; the lines and the months within the approved total;
//! every line and campaign directed at a goal that exists (and a platform,
//! KPI, audience, line and owner that do); every date inside the plan
//! period; and each campaign findable in an ad export by its name.

use super::ids::{IdKind, expect, expect_owner};
use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::budget::{Budget, Campaign};
use crate::plan::model::fields::Located;
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::dates::Month;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(budget) = &cx.plan.budget else {
        return;
    };
    let (file, data) = (budget.file, &budget.data);
    amounts(file, data, out);
    within_total(file, data, out);
    months(cx, file, data, out);
    for line in &data.lines {
        expect(cx, out, file, &line.goal, IdKind::Goal);
        if let Some(platform) = &line.platform {
            expect(cx, out, file, platform, IdKind::Platform);
        }
        expect_owner(cx, out, file, &line.owner);
    }
    if let Some(by) = &data.approved.by {
        expect_owner(cx, out, file, by);
    }
    for campaign in &data.campaigns {
        campaign_rules(cx, file, data, campaign, out);
    }
}

/// A place in the budget file, for a finding.
fn at<T>(file: FileId, value: &Located<T>) -> Span {
    Span::from_yaml(file, &value.at)
}

/// Every amount, cap and rate above zero; currencies written as ISO codes.
fn amounts(file: FileId, budget: &Budget, out: &mut Vec<Diagnostic>) {
    let not_positive = |value: &Located<f64>, what: &str| {
        (value.value <= 0.0 || !value.value.is_finite()).then(|| {
            Diagnostic::new(
                &rule::BUDGET_AMOUNT,
                t!("budget-not-positive", what = what, value = value.value),
            )
            .at(at(file, value))
        })
    };
    out.extend(not_positive(&budget.approved.total, "approved.total"));
    for (month, cap) in &budget.approved.months.0 {
        out.extend(not_positive(
            cap,
            &format!("approved.months.{}", month.value),
        ));
    }
    for line in &budget.lines {
        out.extend(not_positive(
            &line.amount,
            &format!("lines.{}.amount", line.id.value),
        ));
    }
    // A currency written as its code, else a finding at it.
    let not_a_code = |currency: &Located<String>| {
        let code = &currency.value;
        (code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase())).then(|| {
            Diagnostic::new(
                &rule::BUDGET_AMOUNT,
                t!("budget-currency-code", text = code),
            )
            .at(span(file, currency))
            .help(t!("budget-currency-code.help"))
        })
    };
    out.extend(budget.currency.as_ref().and_then(not_a_code));
    for (currency, rate) in &budget.rates.0 {
        if let Some(finding) = not_a_code(currency) {
            out.push(finding);
        } else if currency.value == budget.currency() {
            out.push(
                Diagnostic::new(
                    &rule::BUDGET_AMOUNT,
                    t!("budget-rate-of-own-currency", currency = &currency.value),
                )
                .at(span(file, currency)),
            );
        }
        out.extend(not_positive(rate, &format!("rates.{}", currency.value)));
    }
}

/// The lines, and the monthly caps, add up to no more than the approved total.
fn within_total(file: FileId, budget: &Budget, out: &mut Vec<Diagnostic>) {
    let total = budget.approved.total.value;
    let currency = budget.currency();
    let lines: f64 = budget.lines.iter().map(|l| l.amount.value).sum();
    let months: f64 = budget
        .approved
        .months
        .0
        .iter()
        .map(|(_, cap)| cap.value)
        .sum();
    let over = [
        (
            lines,
            t!(
                "budget-lines-over-total",
                lines = money(lines),
                total = money(total),
                currency = currency
            ),
        ),
        (
            months,
            t!(
                "budget-months-over-total",
                months = money(months),
                total = money(total),
                currency = currency
            ),
        ),
    ];
    for (sum, message) in over {
        if sum > total + 1e-9 {
            out.push(
                Diagnostic::new(&rule::BUDGET_OVER_APPROVED, message)
                    .at(at(file, &budget.approved.total))
                    .help(t!("budget-over-total.help")),
            );
        }
    }
}

/// An amount as a reader writes it: `12,500` or `12,500.50`.
fn money(value: f64) -> String {
    let written = format!("{:.2}", value.abs());
    let (whole, cents) = written.split_once('.').unwrap_or((&written, "00"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if cents == "00" {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{cents}")
    }
}

/// Each month of `approved.months` a month, inside the plan period.
fn months(cx: &Context, file: FileId, budget: &Budget, out: &mut Vec<Diagnostic>) {
    let period = cx.plan.settings.as_ref().and_then(|s| s.data.period());
    for (key, _) in &budget.approved.months.0 {
        match Month::parse(&key.value) {
            Err(message) => {
                out.push(Diagnostic::new(&rule::INVALID_DATE, message).at(span(file, key)));
            }
            Ok(month) => {
                if let Some((start, end)) = period
                    && (month.last_day() < start || month.first_day() > end)
                {
                    out.push(
                        Diagnostic::new(
                            &rule::BUDGET_OUTSIDE_PERIOD,
                            t!(
                                "budget-month-outside-period",
                                month = month,
                                start = start,
                                end = end
                            ),
                        )
                        .at(span(file, key)),
                    );
                }
            }
        }
    }
}

fn campaign_rules(
    cx: &Context,
    file: FileId,
    budget: &Budget,
    campaign: &Campaign,
    out: &mut Vec<Diagnostic>,
) {
    let here = span(file, &campaign.id);
    match &campaign.goal {
        None => out.push(
            Diagnostic::new(
                &rule::CAMPAIGN_DECLARATION,
                t!("campaign-without-goal", campaign = &campaign.id.value),
            )
            .at(here)
            .help(t!("campaign-without-goal.help")),
        ),
        Some(goal) => {
            if expect(cx, out, file, goal, IdKind::Goal)
                && let Some(kpi) = &campaign.kpi
            {
                let of_goal = cx
                    .plan
                    .goals
                    .iter()
                    .flat_map(|g| &g.data.goals)
                    .filter(|g| g.id.value == goal.value)
                    .flat_map(|g| &g.kpis)
                    .any(|k| k.id.value == kpi.value);
                if !of_goal && expect(cx, out, file, kpi, IdKind::Kpi) {
                    out.push(
                        Diagnostic::new(
                            &rule::UNRESOLVED_REFERENCE,
                            t!(
                                "campaign-kpi-of-other-goal",
                                kpi = &kpi.value,
                                goal = &goal.value
                            ),
                        )
                        .at(span(file, kpi)),
                    );
                }
            }
        }
    }
    if campaign.name.is_none() && campaign.prefix.is_none() && campaign.tag.is_none() {
        out.push(
            Diagnostic::new(
                &rule::CAMPAIGN_DECLARATION,
                t!("campaign-unfindable", campaign = &campaign.id.value),
            )
            .at(here)
            .help(t!("campaign-unfindable.help")),
        );
    }
    if let Some(audience) = &campaign.audience {
        expect(cx, out, file, audience, IdKind::Segment);
    }
    if let Some(line) = &campaign.line
        && !budget.lines.iter().any(|l| l.id.value == line.value)
    {
        out.push(
            Diagnostic::new(
                &rule::UNRESOLVED_REFERENCE,
                t!("campaign-unknown-line", line = &line.value),
            )
            .at(span(file, line)),
        );
    }
    let period = cx.plan.settings.as_ref().and_then(|s| s.data.period());
    let (from, to) = (
        campaign.from.as_ref().and_then(|d| d.get().copied()),
        campaign.to.as_ref().and_then(|d| d.get().copied()),
    );
    for (date, written) in [(from, &campaign.from), (to, &campaign.to)] {
        if let (Some(date), Some(written), Some((start, end))) = (date, written, period)
            && (date < start || date > end)
        {
            out.push(
                Diagnostic::new(
                    &rule::BUDGET_OUTSIDE_PERIOD,
                    t!(
                        "campaign-date-outside-period",
                        date = date,
                        start = start,
                        end = end
                    ),
                )
                .at(Span::from_yaml(file, &written.at)),
            );
        }
    }
    if let (Some(from), Some(to), Some(written)) = (from, to, &campaign.to)
        && to < from
    {
        out.push(
            Diagnostic::new(
                &rule::CAMPAIGN_DECLARATION,
                t!("campaign-ends-before-it-starts", from = from, to = to),
            )
            .at(Span::from_yaml(file, &written.at)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn amounts_are_grouped_in_thousands() {
        assert_eq!(money(12_500.0), "12,500");
        assert_eq!(money(1_234_567.5), "1,234,567.50");
        assert_eq!(money(999.0), "999");
        assert_eq!(money(0.05), "0.05");
    }
}
