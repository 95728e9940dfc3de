//! `khairukum calendar export`: settings resolved from the arguments, the
//! plan read and checked as `plan validate` checks it, then the period's
//! posts written in the scheduler's files (each atomically), or, when some
//! cannot go in, those listed with their reasons and nothing written.

use super::args::{CalendarExportArgs, DateOrderArg, SchedulerArg, StatusArg};
use super::error::{Error, PROBLEMS, Result, SUCCESS};
use khairukum::plan::model::calendar::Status;
use khairukum::plan::model::settings::DateOrder;
use khairukum::schedule::{self, Request, Scheduler};
use khairukum::t;
use khairukum::text::dates::{HijriMonth, Month};
use khairukum::text::i18n::{Lang, Msg};
use std::io::Write as _;
use std::path::PathBuf;

/// The days asked for, and the label the files are named by.
struct Period {
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    label: String,
}

pub(crate) struct ExportSettings {
    plan: PathBuf,
    scheduler: Scheduler,
    period: Period,
    platforms: Vec<String>,
    statuses: Vec<Status>,
    output: PathBuf,
    time_zone: Option<chrono_tz::Tz>,
    date_order: DateOrder,
    integrations: Vec<(String, String)>,
    skip_problems: bool,
    today: Option<chrono::NaiveDate>,
    lang: Lang,
}

impl ExportSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &CalendarExportArgs) -> Result<Self> {
        let usage = |m: Msg| Error::Usage(m.text(lang));
        let day = |text: &str| {
            let western = khairukum::text::arabic::western_digits(text.trim());
            khairukum::text::dates::parse_date(&western).map_err(usage)
        };
        let period = match (&args.month, &args.from, &args.to) {
            (Some(words), _, _) => month(&words.join(" "), lang)?,
            (None, Some(from), Some(to)) => {
                let (from, to) = (day(from)?, day(to)?);
                let label = format!("{from}_{to}");
                Period { from, to, label }
            }
            _ => return Err(usage(t!("usage.calendar-period"))),
        };
        let integrations = args
            .integration
            .iter()
            .map(|pair| match pair.split_once('=') {
                Some((p, id)) if !p.trim().is_empty() && !id.trim().is_empty() => {
                    Ok((p.trim().to_string(), id.trim().to_string()))
                }
                _ => Err(usage(t!("usage.integration", given = pair))),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ExportSettings {
            plan,
            scheduler: scheduler(args.scheduler),
            period,
            platforms: args.platform.iter().map(|p| p.trim().to_string()).collect(),
            statuses: args
                .status
                .iter()
                .map(|s| match s {
                    StatusArg::Approved => Status::Approved,
                    StatusArg::Scheduled => Status::Scheduled,
                })
                .collect(),
            output: args.output.clone(),
            time_zone: args.time_zone,
            date_order: match args.date_order {
                DateOrderArg::DayFirst => DateOrder::DayFirst,
                DateOrderArg::MonthFirst => DateOrder::MonthFirst,
            },
            integrations,
            skip_problems: args.skip_problems,
            today: args.today.as_deref().map(day).transpose()?,
            lang,
        })
    }
}

fn scheduler(arg: SchedulerArg) -> Scheduler {
    match arg {
        SchedulerArg::Hootsuite => Scheduler::Hootsuite,
        SchedulerArg::Buffer => Scheduler::Buffer,
        SchedulerArg::Sprout => Scheduler::Sprout,
        SchedulerArg::Postiz => Scheduler::Postiz,
        SchedulerArg::Ics => Scheduler::Ics,
    }
}

/// `--month`: a Gregorian month, or a Hijri one (`1448-06 AH`).
fn month(text: &str, lang: Lang) -> Result<Period> {
    let usage = |m: Msg| Error::Usage(m.text(lang));
    let text = text.trim();
    if let Some(month) = HijriMonth::parse(text) {
        let month = month.map_err(usage)?;
        let label = format!("{:04}-{:02}-AH", month.year, month.month);
        return Ok(Period {
            from: month.first_day().map_err(usage)?,
            to: month.last_day().map_err(usage)?,
            label,
        });
    }
    let month = Month::parse(text).map_err(usage)?;
    Ok(Period {
        from: month.first_day(),
        to: month.last_day(),
        label: month.to_string(),
    })
}

pub(crate) fn run(settings: &ExportSettings) -> Result<u8> {
    let lang = settings.lang;
    let loaded = khairukum::plan::load::load(&settings.plan)?;
    let plan = &loaded.plan;
    let checked = khairukum::plan::rules::check(plan);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .chain(&checked)
        .filter(|d| d.severity == khairukum::plan::diagnostic::Severity::Error)
        .collect();
    if !errors.is_empty() {
        let mut err = std::io::stderr().lock();
        for d in &errors {
            writeln!(
                err,
                "{}",
                khairukum::plan::render::short(d, &loaded.sources, lang)
            )?;
        }
        writeln!(err, "error: {}", t!("schedule.plan-errors").text(lang))?;
        return Ok(PROBLEMS);
    }
    let Period { from, to, label } = &settings.period;
    let now = settings.today.map_or_else(
        || {
            use chrono::TimeZone as _;
            plan.time_zone()
                .from_utc_datetime(&chrono::Utc::now().naive_utc())
                .naive_local()
        },
        |day| day.and_time(chrono::NaiveTime::MIN),
    );
    let request = Request {
        scheduler: settings.scheduler,
        from: *from,
        to: *to,
        platforms: settings.platforms.clone(),
        statuses: settings.statuses.clone(),
        now,
        time_zone: settings.time_zone.unwrap_or_else(|| plan.time_zone()),
        date_order: settings.date_order,
        integrations: settings.integrations.clone(),
        label: label.clone(),
    };
    let export = schedule::export(plan, &request);
    report(settings, &export)
}

/// Writes the files (unless some posts cannot go in them and the problems
/// are not to be skipped) and says what was written and what was not.
fn report(settings: &ExportSettings, export: &schedule::Export) -> Result<u8> {
    let lang = settings.lang;
    let mut out = std::io::stdout().lock();
    if !export.problems.is_empty() {
        writeln!(out, "{}", t!("schedule.left-out").text(lang))?;
        for p in &export.problems {
            writeln!(
                out,
                "  - {} ({}): {}",
                p.item,
                p.platform,
                p.reason.text(lang)
            )?;
        }
    }
    for note in &export.notes {
        writeln!(out, "{}", note.text(lang))?;
    }
    if !export.published.is_empty() {
        let n = export.published.len();
        let items = export.published.join(", ");
        writeln!(
            out,
            "{}",
            t!("schedule.published", n = n, items = items).text(lang)
        )?;
    }
    if !export.problems.is_empty() && !settings.skip_problems {
        let n = export.problems.len();
        writeln!(out, "{}", t!("schedule.refused", n = n).text(lang))?;
        return Ok(PROBLEMS);
    }
    if export.files.is_empty() {
        writeln!(out, "{}", t!("schedule.nothing").text(lang))?;
        return Ok(if export.problems.is_empty() {
            SUCCESS
        } else {
            PROBLEMS
        });
    }
    std::fs::create_dir_all(&settings.output).map_err(|e| {
        let said = t!("cannot-write", path = settings.output.display()).text(lang);
        Error::Run(anyhow::Error::new(e).context(said))
    })?;
    for file in &export.files {
        let path = settings.output.join(&file.name);
        khairukum::output::write_atomic(&path, |w| w.write_all(file.text.as_bytes())).map_err(
            |e| {
                let said = t!("cannot-write", path = path.display()).text(lang);
                Error::Run(anyhow::Error::new(e).context(said))
            },
        )?;
        let shown = path.display().to_string();
        writeln!(
            out,
            "{}",
            t!("schedule.written", file = shown, n = file.rows).text(lang)
        )?;
    }
    Ok(SUCCESS)
}
