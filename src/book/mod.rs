//! `plan book`: the whole plan as one document for the people who approve
//! it — the approval on record, goals and KPIs with baselines and targets,
//! the audience, the strategy (SWOT, peers, recommendations, reviews), the
//! platforms and their focus, the team, the process with its owners, the
//! policies, the budget, and the calendar month by month. The book is made
//! of plain blocks (headings, paragraphs, lists, tables) in the reader's
//! language, each text with the plan's other language beside it; one
//! writer per format lays them out.

use crate::plan::model::approval::Signoff;
use crate::plan::model::calendar::Status;
use crate::plan::model::process::{Owner, Per};
use crate::plan::model::{Plan, Text};
use crate::t;
use crate::text::dates::Duration;
use crate::text::dates::{Month, in_era_of, to_hijri};
use crate::text::i18n::{Lang, Msg};
use chrono::NaiveDate;
use std::io::{self, Write};

pub use crate::document::{Bi, Block, Document as Book, Section};

/// The plan's words in `lang`, with the other language's when they differ.
fn of(text: &Text, lang: Lang) -> Bi {
    let shown = text.in_lang(lang);
    let other = match lang {
        Lang::Ar => text.en.as_deref(),
        Lang::En => text.ar.as_deref(),
    }
    .filter(|o| *o != shown)
    .map(str::to_string);
    Bi {
        text: shown.to_string(),
        other,
        ltr: false,
    }
}

/// The formats a book is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

/// Writes `book` in `format`.
pub fn write(book: &Book, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let format = match format {
        Format::Html => crate::document::Format::Html,
        Format::Markdown => crate::document::Format::Markdown,
    };
    crate::document::render(book, format, out)
}

/// A day in both calendars: `2026-11-12 (1448-05-21 AH)`.
fn day(date: NaiveDate, lang: Lang) -> String {
    match to_hijri(date) {
        Some(hijri) => format!("{date} ({})", in_era_of(&hijri.to_string(), lang)),
        None => date.to_string(),
    }
}

/// A number as the plan writes it, in thousands: `48,500`, `2.5`.
fn number(value: f64) -> String {
    crate::document::number::written(&crate::plan::rules::number(value))
}

/// A span as people say it: `3 days`, `2 hours`, `45 minutes`.
fn span(minutes: i64, lang: Lang) -> String {
    let minutes = minutes.abs();
    if minutes % (24 * 60) == 0 {
        t!("book.days", n = minutes / (24 * 60))
    } else if minutes % 60 == 0 {
        t!("book.hours", n = minutes / 60)
    } else {
        t!("book.minutes", n = minutes)
    }
    .text(lang)
}

/// When a step's task is due, from what it counts from: `7 days before
/// the month begins`, `2 hours after publishing`.
fn due_words(per: Option<Per>, due: Option<&Duration>, raw: &str, lang: Lang) -> String {
    let (Some(per), Some(due)) = (per, due) else {
        return raw.trim().to_string();
    };
    let from = match per {
        Per::Content => t!("book.from.publish"),
        Per::Week => t!("book.from.week"),
        Per::Month => t!("book.from.month"),
        Per::Quarter => t!("book.from.quarter"),
        Per::Plan => t!("book.from.plan"),
        Per::Campaign => t!("book.from.campaign"),
        Per::Occasion => t!("book.from.occasion"),
    };
    let amount = span(due.minutes, lang);
    match due.minutes.signum() {
        -1 => t!("book.due-before", amount = amount, from = from),
        1 => t!("book.due-after", amount = amount, from = from),
        _ => t!("book.due-at", from = from),
    }
    .text(lang)
}

/// What a step's tasks are counted per, in words.
fn per_words(per: Option<Per>, raw: &str, lang: Lang) -> String {
    match per {
        Some(Per::Content) => t!("book.per.content"),
        Some(Per::Week) => t!("book.per.week"),
        Some(Per::Month) => t!("book.per.month"),
        Some(Per::Quarter) => t!("book.per.quarter"),
        Some(Per::Plan) => t!("book.per.plan"),
        Some(Per::Campaign) => t!("book.per.campaign"),
        Some(Per::Occasion) => t!("book.per.occasion"),
        None => return raw.trim().to_string(),
    }
    .text(lang)
}

/// A KPI's value with its unit: minutes, a share, or the unit its measure names.
fn kpi_value(plan: &Plan, metric: &str, value: f64, lang: Lang) -> String {
    use crate::plan::metrics::{Metric, Unit};
    if let Some(unit) = plan.measure(metric).and_then(|m| m.unit.as_ref()) {
        return format!("{} {}", number(value), unit.in_lang(lang));
    }
    match Metric::from_id(metric).map(Metric::unit) {
        Some(Unit::Minutes) => t!("unit.minutes", value = number(value)).text(lang),
        Some(Unit::Share) => format!("{}%", number(value * 100.0)),
        _ => number(value),
    }
}

/// What names people, roles, goals and segments in the reader's language.
struct Names<'p> {
    plan: &'p Plan,
    lang: Lang,
}

impl Names<'_> {
    /// The name of the thing with `id` among `all`, in the reader's
    /// language; the id itself when none has it.
    fn name_in<'a, T: 'a>(
        &self,
        id: &str,
        mut all: impl Iterator<Item = &'a T>,
        of: impl Fn(&T) -> (&crate::plan::model::Id, &Text),
    ) -> String {
        all.find(|t| of(t).0.value == id).map_or_else(
            || id.to_string(),
            |t| of(t).1.in_lang(self.lang).to_string(),
        )
    }

    fn person(&self, id: &str) -> String {
        let people = self.plan.team.iter().flat_map(|t| &t.data.people);
        self.name_in(id, people, |p| (&p.id, &p.name))
    }

    fn role(&self, id: &str) -> String {
        let roles = self.plan.team.iter().flat_map(|t| &t.data.roles);
        self.name_in(id, roles, |r| (&r.id, &r.name))
    }

    /// A person, or a role's holder (`role:…`).
    fn owner(&self, id: &str) -> String {
        match Owner::parse(id) {
            Owner::Person(person) => self.person(person),
            Owner::Role(role) => t!("book.role", role = self.role(role)).text(self.lang),
        }
    }

    fn goal(&self, id: &str) -> String {
        let goals = self.plan.goals.iter().flat_map(|g| &g.data.goals);
        self.name_in(id, goals, |g| (&g.id, &g.name))
    }

    fn step(&self, id: &str) -> String {
        let steps = self.plan.process.iter().flat_map(|p| p.data.steps());
        self.name_in(id, steps, |s| (&s.id, &s.name))
    }

    fn list(&self, ids: impl IntoIterator<Item = String>) -> String {
        let between = if self.lang == Lang::Ar { "، " } else { ", " };
        ids.into_iter().collect::<Vec<_>>().join(between)
    }

    fn signoff(&self, signoff: &Signoff) -> Msg {
        let on = signoff
            .on
            .get()
            .map_or_else(|| signoff.on.raw.clone(), |d| day(*d, self.lang));
        t!(
            "book.approved-by",
            by = self.person(&signoff.by.value),
            on = on
        )
    }
}

/// The book of `plan` in `lang`.
pub fn book(plan: &Plan, lang: Lang) -> Book {
    let names = Names { plan, lang };
    let text = |m: Msg| m.text(lang);
    let settings = plan.settings.as_ref().map(|s| &s.data);
    let organisation = settings.map(|s| &s.organisation);
    let title = settings
        .and_then(|s| s.period.name.as_ref())
        .map_or_else(|| Bi::words(text(t!("book.title"))), |n| of(n, lang));
    let mut subtitle: Vec<Bi> = organisation
        .into_iter()
        .flat_map(|o| std::iter::once(&o.name).chain(o.unit.as_ref()))
        .map(|t| of(t, lang))
        .collect();
    if let Some((start, end)) =
        settings.and_then(crate::plan::model::settings::PlanSettings::period)
    {
        subtitle.push(Bi::words(text(t!(
            "book.period",
            start = day(start, lang),
            end = day(end, lang)
        ))));
    }
    let sections = [
        approval(plan, &names),
        goals(plan, &names),
        audience(plan, &names),
        strategy(plan, &names),
        platforms(plan, lang),
        team(plan, &names),
        process(plan, &names),
        policies(plan, &names),
        budget(plan, &names),
        calendar(plan, &names),
    ]
    .into_iter()
    .flatten()
    .collect();
    Book {
        lang,
        page_title: title.text.clone(),
        title,
        subtitle,
        contents: true,
        sections,
        footer: Vec::new(),
    }
}

fn section(id: &'static str, title: &Msg, lang: Lang, blocks: Vec<Block>) -> Section {
    Section {
        // The process and the calendar are printed from a new page.
        new_page: matches!(id, "process" | "calendar"),
        ..Section::new(id, title.text(lang), blocks)
    }
}

/// A table under the columns `keys` name.
fn table(lang: Lang, keys: &[Msg], rows: Vec<Vec<Bi>>) -> Block {
    Block::Table(crate::document::Table {
        columns: keys.iter().map(|k| k.text(lang)).collect(),
        rows: rows
            .into_iter()
            .map(|row| row.into_iter().map(crate::document::Cell::Text).collect())
            .collect(),
    })
}

/// The plan's approval on record, or the lines to sign it.
fn approval(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let settings = &plan.settings.as_ref()?.data;
    let blocks = match &settings.approved {
        Some(signoff) => {
            let mut blocks = vec![Block::Para(Bi::words(names.signoff(signoff).text(lang)))];
            if let Some(note) = &signoff.note {
                blocks.push(Block::Para(of(note, lang)));
            }
            blocks
        }
        None => vec![
            Block::Para(Bi::words(t!("book.not-approved").text(lang))),
            Block::Para(Bi::words(t!("book.sign").text(lang))),
        ],
    };
    Some(section("approval", &t!("book.approval"), lang, blocks))
}

fn goals(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let goals = &plan.goals.as_ref()?.data.goals;
    let mut blocks = Vec::new();
    for goal in goals {
        blocks.push(Block::Heading(of(&goal.name, lang)));
        if let Some(description) = &goal.description {
            blocks.push(Block::Para(of(description, lang)));
        }
        let rows = goal
            .kpis
            .iter()
            .map(|kpi| {
                let metric = plan.measure(&kpi.metric.value).map_or_else(
                    || match crate::plan::metrics::Metric::from_id(&kpi.metric.value) {
                        Some(metric) => {
                            let d = metric.definition();
                            of(
                                &Text {
                                    ar: Some(d.name_ar.into()),
                                    en: Some(d.name_en.into()),
                                },
                                lang,
                            )
                        }
                        None => Bi::code(&kpi.metric.value),
                    },
                    |m| of(&m.name, lang),
                );
                let platforms = if kpi.platforms.is_empty() {
                    t!("book.all-platforms").text(lang)
                } else {
                    names.list(kpi.platforms.iter().map(|p| p.value.clone()))
                };
                let baseline = kpi.baseline.as_ref().map_or_else(String::new, |b| {
                    let at =
                        b.at.get()
                            .map_or_else(|| b.at.raw.clone(), |d| day(*d, lang));
                    let value = kpi_value(plan, &kpi.metric.value, b.value(), lang);
                    t!("book.value-at", value = value, date = at).text(lang)
                });
                let target = kpi.target.as_ref().map_or_else(String::new, |t| {
                    let by =
                        t.by.get()
                            .map_or_else(|| t.by.raw.clone(), |d| day(*d, lang));
                    let value = kpi_value(plan, &kpi.metric.value, t.value(), lang);
                    t!("book.value-by", value = value, date = by).text(lang)
                });
                let direction = match kpi.direction.as_ref().and_then(|d| d.get()) {
                    Some(crate::plan::model::goals::Direction::Decrease) => {
                        t!("book.direction.decrease")
                    }
                    _ => t!("book.direction.increase"),
                };
                vec![
                    of(&kpi.name, lang),
                    metric,
                    Bi::code(platforms),
                    Bi::words(baseline),
                    Bi::words(target),
                    Bi::words(direction.text(lang)),
                ]
            })
            .collect();
        blocks.push(table(
            lang,
            &[
                t!("book.col.kpi"),
                t!("book.col.metric"),
                t!("book.col.platforms"),
                t!("book.col.baseline"),
                t!("book.col.target"),
                t!("book.col.direction"),
            ],
            rows,
        ));
    }
    Some(section("goals", &t!("book.goals"), lang, blocks))
}

fn audience(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let segments = &plan.audience.as_ref()?.data.segments;
    let rows = segments
        .iter()
        .map(|s| {
            let needs: Vec<String> = s
                .needs
                .iter()
                .map(|n| n.in_lang(lang).to_string())
                .collect();
            vec![
                of(&s.name, lang),
                s.description
                    .as_ref()
                    .map_or_else(|| Bi::words(""), |d| of(d, lang)),
                Bi::words(needs.join(" · ")),
                Bi::code(names.list(s.platforms.iter().map(|p| p.value.clone()))),
            ]
        })
        .collect();
    let table = table(
        lang,
        &[
            t!("book.col.segment"),
            t!("book.col.description"),
            t!("book.col.needs"),
            t!("book.col.platforms"),
        ],
        rows,
    );
    Some(section("audience", &t!("book.audience"), lang, vec![table]))
}

fn strategy(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let strategy = &plan.strategy.as_ref()?.data;
    let mut blocks = swot(&strategy.swot, names);
    let mut titled = |title: Msg, columns: &[Msg], rows: Vec<Vec<Bi>>| {
        if !rows.is_empty() {
            blocks.push(Block::Heading(Bi::words(title.text(lang))));
            blocks.push(table(lang, columns, rows));
        }
    };
    titled(
        t!("book.peers"),
        &[
            t!("book.col.peer"),
            t!("book.col.accounts"),
            t!("book.col.learned"),
        ],
        peer_rows(strategy, names),
    );
    titled(
        t!("book.recommendations"),
        &[
            t!("book.col.recommendation"),
            t!("book.col.goal"),
            t!("book.col.owner"),
            t!("book.col.due"),
        ],
        recommendation_rows(strategy, names),
    );
    titled(
        t!("book.reviews"),
        &[
            t!("book.col.review"),
            t!("book.col.every"),
            t!("book.col.owner"),
            t!("book.col.due"),
        ],
        review_rows(strategy, names),
    );
    Some(section("strategy", &t!("book.strategy"), lang, blocks))
}

/// The SWOT analysis: a table of each kind of point, with what it bears on.
fn swot(swot: &crate::plan::model::strategy::Swot, names: &Names) -> Vec<Block> {
    let lang = names.lang;
    let mut blocks = Vec::new();
    for (title, items) in [
        (t!("book.strengths"), &swot.strengths),
        (t!("book.weaknesses"), &swot.weaknesses),
        (t!("book.opportunities"), &swot.opportunities),
        (t!("book.threats"), &swot.threats),
    ] {
        if items.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(Bi::words(title.text(lang))));
        let rows = items
            .iter()
            .map(|item| {
                let bears: Vec<String> = item
                    .goals
                    .iter()
                    .map(|g| names.goal(&g.value))
                    .chain(item.platforms.iter().map(|p| p.value.clone()))
                    .collect();
                vec![of(&item.text, lang), Bi::words(names.list(bears))]
            })
            .collect();
        blocks.push(table(
            lang,
            &[t!("book.col.point"), t!("book.col.bears-on")],
            rows,
        ));
    }
    blocks
}

/// The peer organisations: name, accounts, what is learned from them.
fn peer_rows(strategy: &crate::plan::model::strategy::Strategy, names: &Names) -> Vec<Vec<Bi>> {
    let lang = names.lang;
    strategy
        .peers
        .iter()
        .map(|peer| {
            let accounts = peer
                .accounts
                .iter()
                .map(|(kind, handle)| format!("{}: {}", kind.value, handle.value));
            vec![
                of(&peer.name, lang),
                Bi::code(names.list(accounts)),
                peer.learned
                    .as_ref()
                    .map_or_else(|| Bi::words(""), |l| of(l, lang)),
            ]
        })
        .collect()
}

/// The recommendations: text, goal, owner and due day.
fn recommendation_rows(
    strategy: &crate::plan::model::strategy::Strategy,
    names: &Names,
) -> Vec<Vec<Bi>> {
    let lang = names.lang;
    strategy
        .recommendations
        .iter()
        .map(|r| {
            vec![
                of(&r.text, lang),
                Bi::words(names.goal(&r.goal.value)),
                Bi::words(names.owner(&r.owner.value)),
                Bi::words(
                    r.due
                        .get()
                        .map_or_else(|| r.due.raw.clone(), |d| day(*d, lang)),
                ),
            ]
        })
        .collect()
}

/// The reviews the continuous improvement repeats: what, how often, who, when.
fn review_rows(strategy: &crate::plan::model::strategy::Strategy, names: &Names) -> Vec<Vec<Bi>> {
    let lang = names.lang;
    strategy
        .reviews
        .iter()
        .map(|r| {
            vec![
                of(&r.name, lang),
                Bi::words(per_words(per_of(r.every.get()), &r.every.raw, lang)),
                Bi::words(names.owner(&r.owner.value)),
                Bi::words(due_words(
                    per_of(r.every.get()),
                    r.due.get(),
                    &r.due.raw,
                    lang,
                )),
            ]
        })
        .collect()
}

fn platforms(plan: &Plan, lang: Lang) -> Option<Section> {
    let platforms = &plan.platforms.as_ref()?.data.platforms;
    let rows = platforms
        .iter()
        .map(|p| {
            vec![
                Bi::code(&p.id.value),
                Bi::code(p.kind.raw.trim()),
                Bi::code(&p.handle.value),
                Bi::code(format!("{}%", number(p.focus.value))),
                Bi::code(p.posts_per_week.map_or_else(String::new, number)),
            ]
        })
        .collect();
    let total: f64 = platforms.iter().map(|p| p.focus.value).sum();
    let blocks = vec![
        table(
            lang,
            &[
                t!("book.col.platform"),
                t!("book.col.kind"),
                t!("book.col.handle"),
                t!("book.col.focus"),
                t!("book.col.per-week"),
            ],
            rows,
        ),
        Block::Para(Bi::words(
            t!("book.focus-total", total = number(total)).text(lang),
        )),
    ];
    Some(section("platforms", &t!("book.platforms"), lang, blocks))
}

fn team(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let team = &plan.team.as_ref()?.data;
    let rows = team
        .people
        .iter()
        .map(|p| {
            vec![
                of(&p.name, lang),
                Bi::words(names.list(p.roles.iter().map(|r| names.role(&r.value)))),
                Bi::code(p.hours().map_or_else(String::new, number)),
            ]
        })
        .collect();
    let table = table(
        lang,
        &[
            t!("book.col.person"),
            t!("book.col.roles"),
            t!("book.col.hours"),
        ],
        rows,
    );
    Some(section("team", &t!("book.team"), lang, vec![table]))
}

fn process(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let process = &plan.process.as_ref()?.data;
    let mut blocks = Vec::new();
    for stage in &process.stages {
        blocks.push(Block::Heading(of(&stage.name, lang)));
        let rows = stage
            .steps
            .iter()
            .map(|step| {
                vec![
                    of(&step.name, lang),
                    Bi::words(names.owner(&step.owner.value)),
                    Bi::words(per_words(step.per.get().copied(), &step.per.raw, lang)),
                    Bi::words(due_words(
                        step.per.get().copied(),
                        step.due.get(),
                        &step.due.raw,
                        lang,
                    )),
                    Bi::words(names.list(step.after.iter().map(|a| names.step(&a.value)))),
                ]
            })
            .collect();
        blocks.push(table(
            lang,
            &[
                t!("book.col.step"),
                t!("book.col.owner"),
                t!("book.col.per"),
                t!("book.col.due"),
                t!("book.col.after"),
            ],
            rows,
        ));
    }
    Some(section("process", &t!("book.process"), lang, blocks))
}

fn policies(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let policies = &plan.policies.as_ref()?.data;
    let mut blocks = Vec::new();
    if !policies.standards.is_empty() {
        blocks.push(Block::List(
            policies.standards.iter().map(|s| of(s, lang)).collect(),
        ));
    }
    let mut rules = Vec::new();
    if let Some(approval) = &policies.approval {
        rules.push(t!(
            "book.policy.approval",
            status = status(approval.before.get().copied(), &approval.before.raw, lang).text,
            by = names.list(approval.by.iter().map(|b| names.owner(&b.value)))
        ));
    }
    if let Some(response) = &policies.response_time {
        rules.push(t!(
            "book.policy.response",
            promise = response.promise.get().map_or_else(
                || response.promise.raw.trim().to_string(),
                |d| span(d.minutes, lang)
            )
        ));
    }
    if let Some(hashtags) = &policies.hashtags {
        if let Some(max) = &hashtags.max_per_post {
            rules.push(t!("book.policy.max-hashtags", n = max.value));
        }
        if !hashtags.recommended.is_empty() {
            rules.push(t!(
                "book.policy.hashtags",
                tags = names.list(hashtags.recommended.iter().cloned())
            ));
        }
    }
    if !policies.banned_words.is_empty() {
        rules.push(t!(
            "book.policy.banned",
            words = names.list(policies.banned_words.iter().map(|w| w.value.clone()))
        ));
    }
    if !policies.text_limits.0.is_empty() {
        let limits = policies
            .text_limits
            .iter()
            .map(|(p, n)| format!("{}: {}", p.value, n.value));
        rules.push(t!("book.policy.text-limits", limits = names.list(limits)));
    }
    if !rules.is_empty() {
        blocks.push(Block::List(
            rules.into_iter().map(|m| Bi::words(m.text(lang))).collect(),
        ));
    }
    Some(section("policies", &t!("book.policies"), lang, blocks))
}

fn budget(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    let budget = &plan.budget.as_ref()?.data;
    let amount = |v: f64| budget_amount(budget, v);
    let mut blocks = vec![Block::Para(Bi::words(
        t!(
            "book.budget.total",
            total = amount(budget.approved.total.value)
        )
        .text(lang),
    ))];
    if let Some(by) = &budget.approved.by {
        let on = budget.approved.on.as_ref().map_or_else(String::new, |on| {
            on.get().map_or_else(|| on.raw.clone(), |d| day(*d, lang))
        });
        blocks.push(Block::Para(Bi::words(
            t!("book.approved-by", by = names.person(&by.value), on = on).text(lang),
        )));
    }
    blocks.push(table(
        lang,
        &[
            t!("book.col.line"),
            t!("book.col.goal"),
            t!("book.col.kind"),
            t!("book.col.amount"),
            t!("book.col.owner"),
        ],
        budget_line_rows(budget, names),
    ));
    if !budget.approved.months.0.is_empty() {
        let caps = budget.approved.months.iter().map(|(month, cap)| {
            format!("{}: {}", in_era_of(&month.value, lang), amount(cap.value))
        });
        blocks.push(Block::Para(Bi::words(
            t!("book.budget.caps", caps = names.list(caps)).text(lang),
        )));
    }
    if !budget.campaigns.is_empty() {
        blocks.push(table(
            lang,
            &[
                t!("book.col.campaign"),
                t!("book.col.found-by"),
                t!("book.col.goal"),
                t!("book.col.dates"),
            ],
            campaign_rows(budget, names),
        ));
    }
    Some(section("budget", &t!("book.budget"), lang, blocks))
}

/// An amount in the budget's currency (riyals when it names none).
fn budget_amount(budget: &crate::plan::model::budget::Budget, value: f64) -> String {
    let currency = budget.currency.as_ref().map_or("SAR", |c| c.value.as_str());
    format!("{}\u{a0}{currency}", number(value))
}

/// The budget's lines: name, goal, kind, amount, owner.
fn budget_line_rows(budget: &crate::plan::model::budget::Budget, names: &Names) -> Vec<Vec<Bi>> {
    let lang = names.lang;
    let amount = |v: f64| budget_amount(budget, v);
    budget
        .lines
        .iter()
        .map(|line| {
            vec![
                line.name
                    .as_ref()
                    .map_or_else(|| Bi::code(&line.id.value), |n| of(n, lang)),
                Bi::words(names.goal(&line.goal.value)),
                Bi::words(line.kind.get().map_or_else(
                    || line.kind.raw.trim().to_string(),
                    |kind| {
                        use crate::plan::model::budget::LineKind;
                        match kind {
                            LineKind::PaidAds => t!("book.line.paid-ads"),
                            LineKind::DesignProduction => t!("book.line.design-production"),
                            LineKind::ToolsSubscriptions => t!("book.line.tools-subscriptions"),
                            LineKind::Other => t!("book.line.other-costs"),
                        }
                        .text(lang)
                    },
                )),
                Bi::code(amount(line.amount.value)),
                Bi::words(names.owner(&line.owner.value)),
            ]
        })
        .collect()
}

/// The ad campaigns: id, what finds them in the ad exports, goal, dates.
fn campaign_rows(budget: &crate::plan::model::budget::Budget, names: &Names) -> Vec<Vec<Bi>> {
    budget
        .campaigns
        .iter()
        .map(|c| {
            let found_by = c
                .name
                .as_ref()
                .or(c.prefix.as_ref())
                .or(c.tag.as_ref())
                .map_or_else(String::new, |n| n.value.clone());
            let dates = match (c.from.as_ref(), c.to.as_ref()) {
                (None, None) => String::new(),
                (from, to) => [from, to]
                    .map(|d| d.map_or_else(String::new, |d| d.raw.trim().to_string()))
                    .join(" – "),
            };
            vec![
                Bi::code(&c.id.value),
                Bi::code(found_by),
                Bi::words(
                    c.goal
                        .as_ref()
                        .map_or_else(String::new, |g| names.goal(&g.value)),
                ),
                Bi::code(dates),
            ]
        })
        .collect()
}

fn calendar(plan: &Plan, names: &Names) -> Option<Section> {
    let lang = names.lang;
    if plan.months.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for month in &plan.months {
        let data = &month.data;
        let Some(m) = data.planned_month() else {
            continue;
        };
        blocks.push(Block::Heading(Bi::words(month_label(m, lang))));
        blocks.push(Block::Para(Bi::words(match &data.approved {
            Some(signoff) => names.signoff(signoff).text(lang),
            None => t!("book.month-not-approved").text(lang),
        })));
        // The month as every scheduler shows it, with the Hijri days and
        // the occasions; then each item in full.
        blocks.push(Block::Grid(crate::almanac::grid::month(plan, m, lang)));
        let rows = data
            .items
            .iter()
            .map(|item| {
                vec![
                    Bi::code(item.publish.get().map_or_else(
                        || item.publish.raw.clone(),
                        |t| t.format("%Y-%m-%d\u{a0}%H:%M").to_string(),
                    )),
                    of(&item.title, lang),
                    Bi::code(names.list(item.platforms.iter().map(|p| p.value.clone()))),
                    Bi::words(
                        item.goal
                            .as_ref()
                            .map_or_else(String::new, |g| names.goal(&g.value)),
                    ),
                    format_words(item.format.get().copied(), &item.format.raw, lang),
                    Bi::words(names.owner(&item.owner.value)),
                    status(item.status.get().copied(), &item.status.raw, lang),
                ]
            })
            .collect();
        blocks.push(table(
            lang,
            &[
                t!("book.col.publish"),
                t!("book.col.title"),
                t!("book.col.platforms"),
                t!("book.col.goal"),
                t!("book.col.format"),
                t!("book.col.owner"),
                t!("book.col.status"),
            ],
            rows,
        ));
    }
    Some(section("calendar", &t!("book.calendar"), lang, blocks))
}

/// How often a review is made, as the step it becomes is counted.
fn per_of(every: Option<&crate::plan::model::strategy::Every>) -> Option<Per> {
    use crate::plan::model::strategy::Every;
    every.map(|every| match every {
        Every::Week => Per::Week,
        Every::Month => Per::Month,
        Every::Quarter => Per::Quarter,
    })
}

/// An item's format in the reader's words.
fn format_words(format: Option<crate::plan::model::calendar::Format>, raw: &str, lang: Lang) -> Bi {
    use crate::plan::model::calendar::Format as F;
    let Some(format) = format else {
        return Bi::code(raw.trim());
    };
    Bi::words(
        match format {
            F::Text => t!("book.format.text"),
            F::Image => t!("book.format.image"),
            F::Video => t!("book.format.video"),
            F::Reel => t!("book.format.reel"),
            F::Story => t!("book.format.story"),
            F::Carousel => t!("book.format.carousel"),
            F::Infographic => t!("book.format.infographic"),
            F::Live => t!("book.format.live"),
            F::Link => t!("book.format.link"),
            F::Poll => t!("book.format.poll"),
        }
        .text(lang),
    )
}

/// A calendar status in the reader's words.
fn status(status: Option<Status>, raw: &str, lang: Lang) -> Bi {
    status.map_or_else(|| Bi::code(raw.trim()), |s| Bi::words(s.words().text(lang)))
}

/// `2026-11 (1448-05-11 AH – 1448-06-10 AH)`: a month and its Hijri days.
fn month_label(month: Month, lang: Lang) -> String {
    match (to_hijri(month.first_day()), to_hijri(month.last_day())) {
        (Some(first), Some(last)) => format!(
            "{month} ({} – {})",
            in_era_of(&first.to_string(), lang),
            in_era_of(&last.to_string(), lang)
        ),
        _ => month.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_in_thousands() {
        assert_eq!(number(48_500.0), "48,500");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-1_234_567.25), "-1,234,567.25");
        assert_eq!(number(999.0), "999");
    }

    #[test]
    fn a_text_carries_the_other_language_when_it_differs() {
        let both = Text {
            ar: Some("حفل".into()),
            en: Some("Ceremony".into()),
        };
        let shown = of(&both, Lang::Ar);
        assert_eq!(
            (shown.text.as_str(), shown.other.as_deref()),
            ("حفل", Some("Ceremony"))
        );
        let shown = of(&both, Lang::En);
        assert_eq!(
            (shown.text.as_str(), shown.other.as_deref()),
            ("Ceremony", Some("حفل"))
        );
        let one = Text {
            ar: Some("حفل".into()),
            en: None,
        };
        assert_eq!(of(&one, Lang::En).other, None);
    }

    #[test]
    fn a_day_is_given_in_both_calendars() {
        // As hijridate (Umm al-Qura) gives it: Gregorian(2026, 11, 12).to_hijri().
        let d = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        assert_eq!(day(d, Lang::En), "2026-11-12 (1448-06-02 AH)");
        assert_eq!(day(d, Lang::Ar), "2026-11-12 (1448-06-02 هـ)");
    }
}
