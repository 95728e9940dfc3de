//! `khairukum tasks`: settings resolved from the arguments, then the listing.

use super::args::{CalendarArg, StatusChoice, TasksArgs, TasksFormat};
use super::error::{Error, Result, SUCCESS};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use khairukum::plan::model::Plan;
use khairukum::plan::model::team::Lookup;
use khairukum::plan::{tasks, workload};
use khairukum::tasks::State;
use khairukum::tasks::filter::{Filter, StateFilter};
use khairukum::tasks::format::{CalendarChoice, IcsKind, Listing, TaskFormat};
use khairukum::tasks::{format, state};
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use khairukum::text::weeks;
use std::io::{self, Write};
use std::path::PathBuf;

/// Which days the listing covers, as the user said it.
#[derive(Debug, Clone)]
enum Window {
    All,
    Range {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// `--week` (empty: the current week).
    Week(String),
    /// `--month` (empty: the current month).
    Month(String),
}

pub(crate) struct TasksSettings {
    plan: PathBuf,
    owner: Option<String>,
    filter: Filter,
    window: Window,
    today: Option<NaiveDate>,
    summary: bool,
    format: TaskFormat,
    calendar: CalendarChoice,
    output: Option<PathBuf>,
    lang: Lang,
}

impl TasksSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &TasksArgs) -> Result<Self> {
        let windows = [
            args.week.is_some(),
            args.month.is_some(),
            args.from.is_some() || args.to.is_some(),
        ];
        if windows.iter().filter(|w| **w).count() > 1 {
            return Err(Error::Usage(
                khairukum::t!("usage.tasks-one-window").text(lang),
            ));
        }
        let window = match (&args.week, &args.month) {
            (Some(week), _) => Window::Week(week.clone()),
            (_, Some(month)) => Window::Month(month.clone()),
            _ if args.from.is_some() || args.to.is_some() => Window::Range {
                from: args.from,
                to: args.to,
            },
            _ => Window::All,
        };
        let to_file = args.output.is_some();
        let format = match args.format {
            TasksFormat::Table => TaskFormat::Table {
                width: super::terminal_width().filter(|_| !to_file),
            },
            TasksFormat::Json => TaskFormat::Json,
            TasksFormat::Csv => TaskFormat::Csv,
            TasksFormat::Xlsx => {
                super::binary_to_file(args.output.as_deref(), lang)?;
                TaskFormat::Xlsx
            }
            TasksFormat::Markdown => TaskFormat::Markdown,
            TasksFormat::Ics => TaskFormat::Ics(IcsKind::Events {
                remind_minutes: args.remind,
            }),
            TasksFormat::IcsTodo => TaskFormat::Ics(IcsKind::Todos),
        };
        let ics = matches!(format, TaskFormat::Ics(_));
        if args.summary && ics {
            return Err(Error::Usage(
                khairukum::t!("usage.summary-no-ics").text(lang),
            ));
        }
        Ok(TasksSettings {
            lang,
            plan,
            owner: args.owner.clone(),
            filter: Filter {
                role: args.role.clone(),
                step: args.step.clone(),
                platform: args.platform.clone(),
                goal: args.goal.clone(),
                state: match args.status {
                    // A calendar keeps done tasks, marked, so they do not vanish.
                    None if ics => StateFilter::All,
                    None => StateFilter::NotDone,
                    Some(StatusChoice::All) => StateFilter::All,
                    Some(StatusChoice::Open) => StateFilter::Only(State::Open),
                    Some(StatusChoice::Done) => StateFilter::Only(State::Done),
                    Some(StatusChoice::Overdue) => StateFilter::Only(State::Overdue),
                    Some(StatusChoice::Blocked) => StateFilter::Only(State::Blocked),
                },
                ..Filter::default()
            },
            window,
            today: args.today,
            summary: args.summary,
            format,
            calendar: match args.calendar {
                CalendarArg::Gregorian => CalendarChoice::Gregorian,
                CalendarArg::Hijri => CalendarChoice::Hijri,
                CalendarArg::Both => CalendarChoice::Both,
            },
            output: args.output.clone(),
        })
    }
}

/// "Now" in the plan's time zone: the start of `--today`, or the clock.
fn now(plan: &Plan, today: Option<NaiveDate>) -> NaiveDateTime {
    match today {
        Some(day) => day.and_time(chrono::NaiveTime::MIN),
        None => plan
            .time_zone()
            .from_utc_datetime(&chrono::Utc::now().naive_utc())
            .naive_local(),
    }
}

/// The first and last day the listing covers, if it is bounded.
fn days(
    plan: &Plan,
    window: &Window,
    today: NaiveDate,
    lang: Lang,
) -> std::result::Result<Option<(NaiveDate, NaiveDate)>, String> {
    let week_start = plan.week_start();
    Ok(match window {
        Window::All => None,
        Window::Range { from, to } => {
            Some((from.unwrap_or(NaiveDate::MIN), to.unwrap_or(NaiveDate::MAX)))
        }
        Window::Week(week) => {
            let start = if week.is_empty() {
                weeks::week_of(today, week_start)
            } else {
                weeks::parse_week(week, week_start).map_err(|e| e.text(lang))?
            };
            Some((start, start + chrono::TimeDelta::days(6)))
        }
        Window::Month(month) => {
            let m = if month.is_empty() {
                Month::of(today)
            } else {
                Month::parse(month).map_err(|e| e.text(lang))?
            };
            Some((m.first_day(), m.last_day()))
        }
    })
}

/// The calendar file `--output` replaces, for its tasks that left.
fn previous_calendar(settings: &TasksSettings) -> Option<String> {
    if !matches!(settings.format, TaskFormat::Ics(_)) {
        return None;
    }
    std::fs::read_to_string(settings.output.as_ref()?).ok()
}

/// The plan's problems first: a file that could not be read is named with
/// its line even when it stops the command. Says whether the plan is
/// sound: one with an error may have lost a month's tasks, and nothing is
/// cancelled from a calendar file on its word.
fn print_problems(loaded: &khairukum::plan::load::LoadedPlan, lang: Lang) -> Result<bool> {
    use khairukum::plan::diagnostic::{Diagnostic, Severity};
    let checked = khairukum::plan::rules::check(&loaded.plan);
    let all = || loaded.diagnostics.iter().chain(&checked);
    let is_error = |d: &&Diagnostic| d.severity == Severity::Error;
    let sound = !all().any(|d| is_error(&d));
    let early = &raw const khairukum::plan::rules::catalog::TASK_BEFORE_PLAN;
    let problems = all().filter(|d| is_error(d) || std::ptr::eq(d.rule, early));
    super::plan_problems::print(
        problems,
        &loaded.sources,
        khairukum::t!("plan-problems.tasks"),
        lang,
    )?;
    Ok(sound)
}

/// Each person's hours per week in the filter's window (and for its person).
fn weekly_loads<'a>(
    plan: &'a Plan,
    all: &[tasks::Task<'a>],
    filter: &Filter,
) -> Vec<workload::WeekLoad<'a>> {
    let in_window: Vec<_> = all
        .iter()
        .filter(|t| {
            filter.from.is_none_or(|f| t.due.date() >= f)
                && filter.to.is_none_or(|to| t.due.date() <= to)
        })
        .cloned()
        .collect();
    let team = plan.team.as_ref().map(|t| &t.data);
    team.map(|team| workload::weekly(&in_window, team, plan.week_start()))
        .unwrap_or_default()
        .into_iter()
        .filter(|l| filter.person.as_deref().is_none_or(|p| l.person == p))
        .collect()
}

pub(crate) fn run(settings: &TasksSettings) -> Result<u8> {
    // Read only the calendar months whose tasks can fall in the window.
    let select = |plan: &Plan, month: Month| {
        let today = now(plan, settings.today).date();
        match days(plan, &settings.window, today, settings.lang) {
            Ok(Some((from, to))) => {
                let (first, last) = tasks::anchor_window(
                    plan,
                    from.max(NaiveDate::MIN + chrono::TimeDelta::days(400)),
                    to.min(NaiveDate::MAX - chrono::TimeDelta::days(400)),
                );
                month.last_day() >= first && month.first_day() <= last
            }
            _ => true,
        }
    };
    let loaded = khairukum::plan::load::load_selected(&settings.plan, select)?;
    let plan = &loaded.plan;
    let sound = print_problems(&loaded, settings.lang)?;

    let now = now(plan, settings.today);
    let window = days(plan, &settings.window, now.date(), settings.lang).map_err(Error::Usage)?;
    let mut filter = settings.filter.clone();
    (filter.from, filter.to) = window.map_or((None, None), |(f, t)| (Some(f), Some(t)));
    filter
        .check(plan)
        .map_err(|e| Error::Usage(e.text(settings.lang)))?;
    if let Some(query) = &settings.owner {
        filter.person = Some(resolve_person(plan, query, settings.lang)?);
    }

    let all = tasks::derive(plan);
    let write = |out: &mut dyn Write| -> io::Result<()> {
        if settings.summary {
            let loads = weekly_loads(plan, &all, &filter);
            return format::write_summary(settings.format, plan, &loads, settings.lang, out);
        }
        let week_start = plan.week_start();
        let states = state::states(&all, now, week_start);
        let chosen = filter.select(plan, &all, &states);
        let listing = Listing {
            plan,
            rows: chosen.iter().map(|&i| (&all[i], states[i])).collect(),
            now,
            time_zone: plan.time_zone(),
            calendar: settings.calendar,
            window,
            previous: previous_calendar(settings).filter(|_| sound),
        };
        format::writer(settings.format, settings.lang).write(&listing, out)
    };
    super::write_output(settings.output.as_deref(), settings.lang, write)?;
    std::mem::forget(loaded);
    Ok(SUCCESS)
}

/// A person's id from what the user typed, or a usage error that helps.
fn resolve_person(plan: &Plan, query: &str, lang: Lang) -> Result<String> {
    use khairukum::t;
    let usage = |m: khairukum::text::i18n::Msg| Err(Error::Usage(m.text(lang)));
    let Some(team) = plan.team.as_ref().map(|t| &t.data) else {
        // Not a mistake in the command line: the file is named above.
        return Err(Error::Run(anyhow::anyhow!(t!("plan.no-team").text(lang))));
    };
    match team.find_person(query) {
        Lookup::Found(person) => Ok(person.id.value.clone()),
        Lookup::Ambiguous(people) => {
            let people: Vec<String> = people
                .iter()
                .map(|p| format!("{} ({})", p.id.value, p.name.primary()))
                .collect();
            usage(t!(
                "usage.ambiguous-person",
                query = query,
                people = people.join(", ")
            ))
        }
        Lookup::NotFound(near) => {
            let hint = near.map_or_else(
                || {
                    let ids: Vec<&str> = team.people.iter().map(|p| p.id.value.as_str()).collect();
                    t!("usage.team-is", ids = ids.join(", "))
                },
                |p| {
                    t!(
                        "usage.did-you-mean-person",
                        id = &p.id.value,
                        name = p.name.primary()
                    )
                },
            );
            usage(t!("usage.no-person", query = query, hint = hint))
        }
    }
}
