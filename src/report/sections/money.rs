//! Money: ad spend against the budget, by goal and by ad platform, what a
//! result cost, and the spend no campaign directs at a goal.

use super::{Data, Record, Section, columns, titled, words};
use crate::document::chart::{BarRow, Bars};
use crate::document::number::{self, MISSING, Unit, show};
use crate::document::{self as doc, Bi, Block, Cell, Chart, Table};
use crate::report::Report;
use crate::report::money::{self as spend, CostPer, Money as Spend};
use crate::t;
use crate::text::i18n::{Lang, Msg};

pub(super) struct Money;

impl Section for Money {
    fn id(&self) -> &'static str {
        "money"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let m = r.money.as_ref()?;
        let said = Shown { m, lang };
        let mut blocks = vec![Block::List(
            said.lines().into_iter().map(|l| words(&l, lang)).collect(),
        )];
        if let Some(bars) = said.chart() {
            blocks.push(Block::Charts(vec![Chart::Bars(bars)]));
        }
        blocks.extend([
            Block::Table(said.goals()),
            Block::Table(said.platforms()),
            Block::Table(said.costs()),
        ]);
        let undirected: f64 = m.undirected.iter().map(|u| u.spent).sum();
        blocks.push(Block::Para(words(
            &t!(
                "report.money.undirected",
                spent = said.amount(undirected),
                share = share(undirected, m.period.spent),
                n = m.undirected.len()
            ),
            lang,
        )));
        // A campaign's name as the ad platform writes it, often Latin:
        // kept left to right.
        blocks.push(Block::List(
            m.undirected
                .iter()
                .map(|u| {
                    Bi::code(
                        t!(
                            "report.money.undirected-row",
                            campaign = &u.campaign,
                            platform = crate::plan::model::platforms::name_of(u.platform),
                            spent = said.amount(u.spent)
                        )
                        .text(lang),
                    )
                })
                .collect(),
        ));
        Some(titled(self.id(), &t!("report.money"), lang, blocks))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport(r.money.as_ref().map(records).unwrap_or_default())
    }
}

/// One row a money figure: the figure in `metric`, the currency in `note`.
fn records(m: &Spend) -> Vec<Record> {
    let row = |goal: &str, platform: &str, metric: &str, value: Option<f64>, note: &str| Record {
        section: "money".into(),
        goal: goal.into(),
        platform: platform.into(),
        metric: metric.into(),
        value,
        note: note.into(),
        ..Record::default()
    };
    let currency = m.currency.as_str();
    let mut records = vec![
        row("", "", "spent", m.period.spent, currency),
        row("", "", "budget", m.period.budget, currency),
        row("", "", "spent_to_date", m.to_date.spent, currency),
        row("", "", "approved", Some(m.approved), currency),
        row("", "", "pace", m.pace, currency),
    ];
    for g in &m.by_goal {
        records.push(row(&g.goal, "", "spent", Some(g.spent), currency));
        records.push(row(&g.goal, "", "budget_lines", Some(g.lines), currency));
        records.push(row(
            &g.goal,
            "",
            "spent_to_date",
            Some(g.spent_to_date),
            currency,
        ));
    }
    for (platform, spent) in &m.by_platform {
        records.push(row("", platform, "spent", Some(*spent), currency));
    }
    for u in &m.undirected {
        records.push(row(
            "",
            u.platform,
            "undirected",
            Some(u.spent),
            &u.campaign,
        ));
    }
    for c in &m.cost_per {
        records.push(row(
            "",
            "",
            &format!("cost_per_{}", c.per),
            c.value,
            currency,
        ));
    }
    records
}

/// The money section's figures as the reader reads them.
struct Shown<'a> {
    m: &'a Spend,
    lang: Lang,
}

impl Shown<'_> {
    fn amount(&self, value: f64) -> String {
        number::amount(value, &self.m.currency, self.lang)
    }

    /// Spend no export could be read for is not known: a dash, never 0.
    fn spent(&self, value: Option<f64>) -> String {
        value.map_or_else(|| MISSING.into(), |v| self.amount(v))
    }

    fn money(&self, value: f64) -> Cell {
        Cell::number(self.amount(value), Some(value))
    }

    /// The period's and the plan's spend against the budget, in sentences.
    fn lines(&self) -> Vec<Msg> {
        let m = self.m;
        let mut lines = vec![match m.period.budget {
            Some(budget) => t!(
                "report.money.period",
                spent = self.spent(m.period.spent),
                budget = self.amount(budget),
                share = m
                    .period
                    .spent
                    .map_or_else(|| MISSING.into(), |s| share(s, Some(budget)))
            ),
            None => t!(
                "report.money.period-no-budget",
                spent = self.spent(m.period.spent)
            ),
        }];
        if !m.lacks.is_empty() {
            lines.push(t!(
                "report.money.lacks",
                platforms = crate::plan::model::platforms::names(&m.lacks)
            ));
        }
        lines.push(t!(
            "report.money.to-date",
            spent = self.spent(m.to_date.spent),
            approved = self.amount(m.approved),
            pace = m.pace.map_or_else(|| MISSING.into(), |p| self.amount(p))
        ));
        if let Some(paid) = m.paid_impressions {
            lines.push(t!(
                "report.money.paid-impressions",
                paid = number::count(Some(paid), self.lang)
            ));
        }
        lines.push(t!("report.money.read", rows = m.rows, files = m.files));
        lines
    }

    fn goals(&self) -> Table {
        Table {
            columns: columns(
                &[
                    t!("report.col.goal"),
                    t!("report.money.col.spent"),
                    t!("report.money.col.lines"),
                    t!("report.money.col.to-date"),
                    t!("report.money.col.used"),
                ],
                self.lang,
            ),
            rows: self
                .m
                .by_goal
                .iter()
                .map(|g| {
                    vec![
                        Cell::words(g.name.in_lang(self.lang)),
                        self.money(g.spent),
                        self.money(g.lines),
                        self.money(g.spent_to_date),
                        Cell::number(
                            share(g.spent_to_date, Some(g.lines)),
                            spend::share_of(g.spent_to_date, g.lines),
                        ),
                    ]
                })
                .collect(),
        }
    }

    fn platforms(&self) -> Table {
        let m = self.m;
        Table {
            columns: columns(
                &[
                    t!("report.money.col.ad-platform"),
                    t!("report.money.col.spent"),
                    t!("report.money.col.share"),
                ],
                self.lang,
            ),
            rows: m
                .by_platform
                .iter()
                .map(|(p, spent)| {
                    vec![
                        Cell::code(*p),
                        self.money(*spent),
                        Cell::number(
                            share(*spent, m.period.spent),
                            m.period.spent.and_then(|w| spend::share_of(*spent, w)),
                        ),
                    ]
                })
                .collect(),
        }
    }

    fn costs(&self) -> Table {
        Table {
            columns: columns(
                &[
                    t!("report.money.col.result"),
                    t!("report.money.col.spent"),
                    t!("report.money.col.results"),
                    t!("report.money.col.cost"),
                ],
                self.lang,
            ),
            rows: self.m.cost_per.iter().map(|c| self.cost_row(c)).collect(),
        }
    }

    fn cost_row(&self, c: &CostPer) -> Vec<Cell> {
        let lang = self.lang;
        let what = match (&c.name, &c.unit) {
            (Some(name), Some(unit)) => t!(
                "report.money.per-kpi-unit",
                kpi = name.in_lang(lang),
                unit = unit.in_lang(lang)
            ),
            (Some(name), None) => t!("report.money.per-kpi", kpi = name.in_lang(lang)),
            (None, _) => match c.per.as_str() {
                "impressions_1000" => t!("report.money.per-1000-impressions"),
                "engagement" => t!("report.money.per-engagement"),
                "new_follower" => t!("report.money.per-new-follower"),
                _ => t!("report.money.per-inquiry"),
            },
        };
        vec![
            Cell::words(what.text(lang)),
            Cell::number(self.spent(c.spent), c.spent),
            Cell::number(show(Unit::Count, c.results, lang), c.results),
            Cell::number(
                c.value.map_or_else(|| MISSING.into(), |v| self.amount(v)),
                c.value,
            ),
        ]
    }

    /// Each goal's budget lines beside what has been spent on it so far.
    fn chart(&self) -> Option<Bars> {
        let (m, lang) = (self.m, self.lang);
        let whole = |v: f64| show(Unit::Count, Some(v.round()), lang);
        let rows: Vec<BarRow> = m
            .by_goal
            .iter()
            .filter(|g| g.lines > 0.0 || g.spent_to_date > 0.0)
            .map(|g| BarRow {
                name: g.name.in_lang(lang).to_string(),
                values: [g.spent_to_date, g.lines],
                shown: [self.amount(g.spent_to_date), self.amount(g.lines)],
                label: format!(
                    "{} / {} {}",
                    whole(g.spent_to_date),
                    whole(g.lines),
                    m.currency
                ),
            })
            .collect();
        (!rows.is_empty()).then(|| Bars {
            caption: t!("report.money.chart").text(lang),
            name_column: t!("report.col.goal").text(lang),
            keys: [
                t!("report.money.col.to-date").text(lang),
                t!("report.money.col.lines").text(lang),
            ],
            rows,
            full: None,
            name_room: 200.0,
            tabled: true,
        })
    }
}

/// `part` as a whole percent of `whole`, `—` when there is no whole.
fn share(part: f64, whole: Option<f64>) -> String {
    number::percent(whole.and_then(|w| spend::share_of(part, w)))
}
