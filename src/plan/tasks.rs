//! Tasks derived from the plan: every process step × every calendar item (or
//! month, week, or the plan itself) gives one dated task with an owner.
//! Tasks are never typed by hand, so the calendar's history is their audit trail.

use crate::plan::model::Plan;
use crate::plan::model::calendar::{CalendarMonth, Item, Status};
use crate::plan::model::process::{Owner, Per, Step};
use crate::plan::model::team::Team;
use crate::text::dates::{Duration, Month};
use crate::text::weeks::{iso_week_key, week_of};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Effort of one task when the step does not say.
pub(crate) const DEFAULT_EFFORT: Duration = Duration { minutes: 60 };

/// What one task is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject<'a> {
    Item(&'a str),
    Month(Month),
    /// A week, by its first day.
    Week(NaiveDate),
    /// A quarter, by its first month.
    Quarter(Month),
    Plan,
    /// An ad campaign of `budget.yaml`, by its id.
    Campaign(&'a str),
    /// An occurrence of an occasion the plan marks: its id and its year
    /// in its own calendar (`ramadan`, 1448).
    Occasion(&'a str, i32),
}

impl Subject<'_> {
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Item(_) => "item",
            Subject::Month(_) => "month",
            Subject::Week(_) => "week",
            Subject::Quarter(_) => "quarter",
            Subject::Plan => "plan",
            Subject::Campaign(_) => "campaign",
            Subject::Occasion(..) => "occasion",
        }
    }
}

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Item(id) | Subject::Campaign(id) => f.write_str(id),
            Subject::Month(m) => write!(f, "{m}"),
            Subject::Week(start) => f.write_str(&iso_week_key(*start)),
            Subject::Quarter(first) => write!(f, "{}-Q{}", first.year, (first.month - 1) / 3 + 1),
            Subject::Plan => f.write_str("plan"),
            Subject::Occasion(id, year) => write!(f, "{id}-{year}"),
        }
    }
}

/// One unit of work for one person, borrowing from the plan.
#[derive(Debug, Clone)]
pub struct Task<'a> {
    pub step: &'a Step,
    /// The id of the stage the step belongs to.
    pub stage: &'a str,
    pub subject: Subject<'a>,
    /// The calendar item, for content steps.
    pub item: Option<&'a Item>,
    /// The person who does it; `None` when the owner resolves to nobody.
    pub assignee: Option<&'a str>,
    /// What the due offset counts from: publish time, month or week start, plan start.
    pub anchor: NaiveDateTime,
    pub due: NaiveDateTime,
    pub effort: Duration,
    /// Completed: the item or month reached the step's `done_when`, or the
    /// task's id is listed under `done:` in a calendar file.
    pub done: bool,
}

impl Task<'_> {
    /// Stable across runs: `<step>/<item id | YYYY-MM | YYYY-Www | plan>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.step.id.value, self.subject)
    }

    pub fn step_id(&self) -> &str {
        &self.step.id.value
    }
}

/// Resolves step owners to people: a person owner does the work; for a
/// role, the item's owner does it if they hold the role, otherwise the
/// first person listed with that role in `team.yaml`.
struct Assigner<'a> {
    team: Option<&'a Team>,
    /// Role id → people holding it, in file order.
    members: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Assigner<'a> {
    fn new(team: Option<&'a Team>) -> Self {
        let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
        for person in team.map_or(&[][..], |t| t.people.as_slice()) {
            for role in &person.roles {
                members
                    .entry(role.value.as_str())
                    .or_default()
                    .push(person.id.value.as_str());
            }
        }
        Assigner { team, members }
    }

    /// The person who does `step`'s task (for an item owned by `item_owner`).
    fn assignee(&self, step: &Step, item_owner: Option<&str>) -> Option<&'a str> {
        let team = self.team?;
        match Owner::parse(&step.owner.value) {
            Owner::Person(id) => team.person(id).map(|p| p.id.value.as_str()),
            Owner::Role(role) => {
                let people = self.members.get(role)?;
                Some(
                    people
                        .iter()
                        .find(|p| Some(**p) == item_owner)
                        .copied()
                        .unwrap_or(people[0]),
                )
            }
        }
    }
}

/// Derives every task of the plan, sorted by due time. Steps whose due
/// offset or cadence cannot be read are skipped (the validator reports them).
pub fn derive(plan: &Plan) -> Vec<Task<'_>> {
    let mut tasks = derive_unsorted(plan);
    tasks.sort_by(|a, b| (a.due, a.step_id(), a.subject).cmp(&(b.due, b.step_id(), b.subject)));
    tasks
}

/// Every task of the plan, month by month (cheaper when order does not matter).
pub(crate) fn derive_unsorted(plan: &Plan) -> Vec<Task<'_>> {
    // `done:` entries by step, so only those steps' task ids are spelled out.
    let mut listed: HashMap<&str, HashSet<&str>> = HashMap::new();
    for entry in plan.months.iter().flat_map(|m| &m.data.done) {
        if let Some((step, subject)) = entry.value.split_once('/') {
            listed.entry(step).or_default().insert(subject);
        }
    }
    let deriver = Deriver::new(plan, listed);
    let mut tasks = Vec::new();
    for month in &plan.months {
        deriver.month_tasks(&month.data, &mut tasks);
    }
    let months: Vec<Month> = plan
        .months
        .iter()
        .filter_map(|m| m.data.month.as_ref().and_then(|m| m.get().copied()))
        .collect();
    deriver.calendar_tasks(&months, |_, task| tasks.push(task));
    tasks
}

/// One step whose tasks can be derived: its cadence and due offset read.
pub(crate) struct StepRule<'p> {
    pub(crate) stage: &'p str,
    pub(crate) step: &'p Step,
    pub(crate) per: Per,
    due: Duration,
    effort: Duration,
    done_when: Option<Status>,
}

/// The process read once, to derive tasks a month at a time (`plan
/// validate` checks each month and lets it go) or for the whole calendar.
pub(crate) struct Deriver<'p> {
    /// The steps in process order; a step's place here is its number.
    pub(crate) steps: Vec<StepRule<'p>>,
    owners: Assigner<'p>,
    period: Option<(NaiveDate, NaiveDate)>,
    week_start: chrono::Weekday,
    /// `done:` entries by step id, then subject.
    listed: HashMap<&'p str, HashSet<&'p str>>,
    /// The budget's ad campaigns and the day each starts (else the plan's).
    campaigns: Vec<(&'p str, NaiveDate)>,
    /// The occurrences of the occasions the plan marks, in its period:
    /// id, year and first day.
    occasions: Vec<(&'p str, i32, NaiveDate)>,
}

impl<'p> Deriver<'p> {
    /// `listed`: the calendar's `done:` entries by step, then subject
    /// (empty where only the tasks' load matters, not whether they are done).
    pub(crate) fn new(plan: &'p Plan, listed: HashMap<&'p str, HashSet<&'p str>>) -> Self {
        let mut steps = Vec::new();
        let process = plan
            .process
            .iter()
            .flat_map(|p| &p.data.stages)
            .flat_map(|stage| {
                stage
                    .steps
                    .iter()
                    .map(|step| (stage.id.value.as_str(), step))
            });
        // The strategy's recommendations and reviews, as steps of their own stage.
        let strategy = plan
            .strategy
            .iter()
            .flat_map(|s| &s.data.steps)
            .map(|step| ("strategy", step));
        for (stage, step) in process.chain(strategy) {
            let (Some(per), Some(due)) = (step.per.get(), step.due.get()) else {
                continue;
            };
            steps.push(StepRule {
                stage,
                step,
                per: *per,
                due: *due,
                effort: step
                    .effort
                    .as_ref()
                    .and_then(|e| e.get().copied())
                    .unwrap_or(DEFAULT_EFFORT),
                done_when: step.done_when.as_ref().and_then(|d| d.get()).copied(),
            });
        }
        Deriver {
            steps,
            owners: Assigner::new(plan.team.as_ref().map(|t| &t.data)),
            period: plan.settings.as_ref().and_then(|s| s.data.period()),
            week_start: plan.week_start(),
            listed,
            campaigns: plan
                .budget
                .iter()
                .flat_map(|b| &b.data.campaigns)
                .filter_map(|c| {
                    let start = c
                        .from
                        .as_ref()
                        .and_then(|d| d.get().copied())
                        .or_else(|| plan.settings.as_ref()?.data.period().map(|(s, _)| s))?;
                    Some((c.id.value.as_str(), start))
                })
                .collect(),
            occasions: marked_occurrences(plan),
        }
    }

    fn task<'m>(
        &self,
        rule: &StepRule<'p>,
        subject: Subject<'m>,
        anchor: NaiveDateTime,
        item: Option<&'m Item>,
        assignee: Option<&'m str>,
        reached: bool,
    ) -> Task<'m>
    where
        'p: 'm,
    {
        let listed = self
            .listed
            .get(rule.step.id.value.as_str())
            .is_some_and(|subjects| subjects.contains(subject.to_string().as_str()));
        Task {
            step: rule.step,
            stage: rule.stage,
            subject,
            item,
            assignee,
            anchor,
            due: anchor + rule.due.to_chrono(),
            effort: rule.effort,
            done: reached || listed,
        }
    }

    /// The tasks of one calendar month: its items' and the month's own.
    pub(crate) fn month_tasks<'m>(&self, month: &'m CalendarMonth, out: &mut Vec<Task<'m>>)
    where
        'p: 'm,
    {
        for item in &month.items {
            self.item_tasks(item, |_, task| out.push(task));
        }
        self.month_own_tasks(month, |_, task| out.push(task));
    }

    /// An item's tasks, each with its step's place in [`Deriver::steps`].
    pub(crate) fn item_tasks<'m>(&self, item: &'m Item, mut each: impl FnMut(usize, Task<'m>))
    where
        'p: 'm,
    {
        let (Some(publish), Some(status)) = (item.publish.get(), item.status.get()) else {
            return;
        };
        if *status == Status::Cancelled {
            return;
        }
        for (place, rule) in self.steps.iter().enumerate() {
            if rule.per != Per::Content || !applies_to(rule.step, item) {
                continue;
            }
            let reached = rule.done_when.is_some_and(|d| status.reached(d));
            let assignee = self
                .owners
                .assignee(rule.step, Some(item.owner.value.as_str()));
            each(
                place,
                self.task(
                    rule,
                    Subject::Item(&item.id.value),
                    *publish,
                    Some(item),
                    assignee,
                    reached,
                ),
            );
        }
    }

    /// A month's own tasks (of steps counted per month).
    pub(crate) fn month_own_tasks<'m>(
        &self,
        month: &'m CalendarMonth,
        mut each: impl FnMut(usize, Task<'m>),
    ) where
        'p: 'm,
    {
        let Some(m) = month.month.as_ref().and_then(|m| m.get()) else {
            return;
        };
        // An approval on record is the month's calendar approved, whatever
        // its `status:` still says.
        let written = month.status.as_ref().and_then(|s| s.get()).copied();
        let status = match (written, &month.approved) {
            (Some(written), Some(_)) if written.reached(Status::Approved) => Some(written),
            (_, Some(_)) => Some(Status::Approved),
            (written, None) => written,
        };
        for (place, rule) in self.steps.iter().enumerate() {
            if rule.per != Per::Month {
                continue;
            }
            let reached =
                matches!((rule.done_when, status), (Some(want), Some(have)) if have.reached(want));
            let assignee = self.owners.assignee(rule.step, None);
            each(
                place,
                self.task(
                    rule,
                    Subject::Month(*m),
                    midnight(m.first_day()),
                    None,
                    assignee,
                    reached,
                ),
            );
        }
    }

    /// The tasks that belong to no one month: each week's over the
    /// calendar's months, and the plan's own; each with its step's place.
    pub(crate) fn calendar_tasks(&self, months: &[Month], mut each: impl FnMut(usize, Task<'p>)) {
        for (place, rule) in self.steps.iter().enumerate() {
            let subjects: Vec<(Subject, NaiveDate)> = match rule.per {
                Per::Week => self
                    .weeks(months)
                    .into_iter()
                    .map(|start| (Subject::Week(start), start))
                    .collect(),
                Per::Plan => self
                    .period
                    .map(|(start, _)| (Subject::Plan, start))
                    .into_iter()
                    .collect(),
                Per::Quarter => quarters(months)
                    .into_iter()
                    .map(|first| (Subject::Quarter(first), first.first_day()))
                    .collect(),
                Per::Campaign => self
                    .campaigns
                    .iter()
                    .map(|(id, start)| (Subject::Campaign(id), *start))
                    .collect(),
                Per::Occasion => self
                    .occasions
                    .iter()
                    .map(|(id, year, start)| (Subject::Occasion(id, *year), *start))
                    .collect(),
                Per::Content | Per::Month => continue,
            };
            for (subject, start) in subjects {
                let assignee = self.owners.assignee(rule.step, None);
                each(
                    place,
                    self.task(rule, subject, midnight(start), None, assignee, false),
                );
            }
        }
    }

    /// Every week that overlaps the calendar's months.
    pub(crate) fn weeks(&self, months: &[Month]) -> Vec<NaiveDate> {
        let (Some(first), Some(last)) = (months.iter().min(), months.iter().max()) else {
            return Vec::new();
        };
        let mut week = week_of(first.first_day(), self.week_start);
        let mut out = Vec::new();
        while week <= last.last_day() {
            out.push(week);
            week += chrono::TimeDelta::days(7);
        }
        out
    }
}

/// The occurrences, inside the plan period, of the occasions the plan marks.
fn marked_occurrences(plan: &Plan) -> Vec<(&str, i32, NaiveDate)> {
    let Some((start, end)) = plan.settings.as_ref().and_then(|s| s.data.period()) else {
        return Vec::new();
    };
    let marked: Vec<_> = crate::plan::occasions::marked(plan)
        .into_iter()
        .map(|m| m.definition)
        .collect();
    crate::plan::occasions::between(&marked, start, end)
        .into_iter()
        .map(|o| (o.definition.id, o.year, o.start))
        .collect()
}

/// The quarter a month is in, by its first month.
pub fn quarter_of(month: Month) -> Month {
    Month {
        year: month.year,
        month: (month.month - 1) / 3 * 3 + 1,
    }
}

/// Every quarter the calendar's months fall in, by its first month.
fn quarters(months: &[Month]) -> Vec<Month> {
    let mut out: Vec<Month> = months.iter().map(|m| quarter_of(*m)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The range of anchor dates (publish times, month and week starts) whose
/// tasks can fall due between `from` and `to`, given the steps' offsets.
pub fn anchor_window(plan: &Plan, from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate) {
    let offsets = plan
        .process
        .iter()
        .flat_map(|p| p.data.steps())
        .filter_map(|s| s.due.get().map(|d| d.minutes));
    let (low, high) = offsets.fold((0, 0), |(lo, hi), m| (lo.min(m), hi.max(m)));
    let days = |minutes: i64| chrono::TimeDelta::days(minutes.div_euclid(24 * 60) + 1);
    (
        from - days(high),
        to - days(low) + chrono::TimeDelta::days(1),
    )
}

fn applies_to(step: &Step, item: &Item) -> bool {
    step.platforms.is_empty()
        || step
            .platforms
            .iter()
            .any(|p| item.platforms.iter().any(|q| q.value == p.value))
}

pub(crate) fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}
