//! The command-line definition, and nothing else.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "khairukum",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("KHAIRUKUM_GIT_REVISION"), ")"),
    about = "Plan-as-code for a charity's social media: validate the plan, list who does what, measure the month.",
    long_about = "Plan-as-code for a charity's social media.\n\nkhairukum reads a git-versioned folder of YAML files (default ./plans): the strategic goals and their KPIs with baselines and targets, the audience, the platforms and their focus shares, the content calendar (calendar/YYYY-MM.yaml), the process steps with their owners, the team and the publishing policies. `plan validate` checks every file and names the file, line and column of each problem (also as GitHub annotations and SARIF, for CI on every pull request); `plan diff` shows a reviewer what a change does to the plan. `tasks` derives each person's dated tasks from the process and the calendar (with states, workload and calendar files). `report` measures a Gregorian or Hijri month, a quarter, a year or a range from the platforms' CSV exports and the charity's own records: the scorecard against targets, each platform, the posts joined to the plan and those outside it, and the team's tasks, as a table, Markdown, JSON, CSV or a right-to-left HTML page. Messages and headings are in Arabic or English (--lang).",
    after_help = "Examples:\n  khairukum plan validate\n  khairukum plan validate --plan path/to/plans --format github"
)]
pub(super) struct Cli {
    /// The plan folder [default: ./plans]
    #[arg(long, global = true, env = "KHAIRUKUM_PLAN", value_name = "DIR")]
    pub plan: Option<PathBuf>,

    /// The language of messages [default: from LANG; English unless Arabic]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Work with the plan folder itself
    #[command(subcommand, after_help = "Example:\n  khairukum plan validate")]
    Plan(PlanCommand),
    /// List who does what, and when: tasks derived from the process and the calendar
    #[command(
        after_help = "States: overdue (due and not done), blocked (an earlier step is not done), open, done.\nDates may be Gregorian (2026-11-12) or Hijri (1448-05-21 AH).\n\nExamples:\n  khairukum tasks --owner sara --week\n  khairukum tasks --owner \"سارة\" --month 2026-11 --calendar both\n  khairukum tasks --status overdue\n  khairukum tasks --owner sara --format ics --output sara.ics\n  khairukum tasks --summary --month 2026-11"
    )]
    Tasks(Box<TasksArgs>),
    /// Start a new plan repository that validates clean, with CI and a pre-commit hook
    #[command(
        after_help = "Refuses to overwrite existing files unless --force.\n\nExamples:\n  khairukum init my-plan\n  khairukum init . --month 2027-01"
    )]
    Init(InitArgs),
    /// Record the approval of the plan or of one month's calendar in its file
    #[command(
        after_help = "Only the `approved:` line (and a month's `status:`, if it was not yet approved) changes; the plan is checked before anything is written.\n\nExamples:\n  khairukum approve --month 2026-12 --by khalid\n  khairukum approve --whole-plan --by faisal --note \"Board meeting of 20 Dhu al-Hijjah\"\n  khairukum approve --month 2026-12 --by khalid --dry-run"
    )]
    Approve(ApproveArgs),
    /// Record that a calendar item was published on a platform, with its link
    #[command(
        after_help = "Only the item's `status:` line and its link under `published:` change; the link is checked against the platform and the plan's account before anything is written.\n\nExamples:\n  khairukum publish competition-finalists-dec --platform x --link https://x.com/khairukum/status/1931000000000000001\n  khairukum publish weekly-hifz-stats-dec --platform x --link https://x.com/khairukum/status/1931000000000000001 --platform instagram --link https://www.instagram.com/p/C4x/ --dry-run\n  khairukum publish --from-exports --month 2026-11\n  khairukum publish --from-exports --month 2026-11 --write"
    )]
    Publish(PublishArgs),
    /// Record when a task was done (its id as `khairukum tasks` prints it)
    #[command(
        after_help = "Writes the time under `done_at:` in the task's month (and lists the task under `done:` when no status completes it); the team section of the report takes it before the plan's history.\n\nExamples:\n  khairukum done monthly-scorecard/2026-10\n  khairukum done weekly-interaction-review/2026-W45 --at 2026-11-08T10:00\n  khairukum done --item donor-story --step write-content --at 2026-11-07T14:00\n  khairukum done monthly-scorecard/2026-10 --at \"1448-05-13 AH 10:00\" --dry-run"
    )]
    Done(DoneArgs),
    /// A month of the content calendar as a grid (both calendars' days, the occasions), or handed on to a scheduler
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Without a sub-command, draws --month as a grid: each day's Gregorian and Hijri numbers, the occasions on it (the plan's occasions.yaml) and the items planned, right to left in Arabic.\n\nExamples:\n  khairukum calendar --month 2027-02\n  khairukum calendar --month 2027-02 --lang ar\n  khairukum calendar --month 2027-02 --format html --output 2027-02.html\n  khairukum calendar export --for buffer --month 2026-12"
    )]
    Calendar(CalendarArgs),
    /// Print shell completions
    #[command(
        after_help = "Examples:\n  khairukum completions bash > /etc/bash_completion.d/khairukum\n  khairukum completions zsh > ~/.zfunc/_khairukum"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the JSON Schema of each plan file, for editors
    #[command(after_help = "Example:\n  khairukum schema --output schemas")]
    Schema {
        /// The folder to write `<file>.schema.json` into
        #[arg(long, short, default_value = "schemas", value_name = "DIR")]
        output: PathBuf,
    },
    /// Print the manual page (roff), or write it and a page for each command into a folder
    #[command(
        after_help = "Examples:\n  khairukum man > khairukum.1 && man ./khairukum.1\n  khairukum man --output man/   # khairukum.1, khairukum-report.1, khairukum-plan-validate.1, ..."
    )]
    Man {
        /// Write `khairukum.1` and one page for each command and sub-command into this folder
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Measure a period (a Gregorian or Hijri month, a quarter, a year or a range) against the scorecard, from platform exports
    #[command(
        after_help = "Exports are read from --exports, else the plan's `exports:` setting, else <plan>/exports.\n\nExamples:\n  khairukum report --month 2026-11\n  khairukum report --month 2026-11 --format html --output report-2026-11.html\n  khairukum report --month 1448-05 AH\n  khairukum report --year 1448 AH --format html --output year-1448.html\n  khairukum report --month 2026-11 --compare last-year\n  khairukum report --quarter 2026-Q4 --format json"
    )]
    Report(ReportArgs),
    /// List the occasions of a period (Ramadan, the Eids, national and UN days, the plan's own) in both calendars, with what the plan does for each
    #[command(
        after_help = "The plan's `occasions.yaml` says which built-in sets it keeps (default: islamic and un), which occasions it marks and its own. Islamic occasions follow the Umm al-Qura calendar.\n\nExamples:\n  khairukum occasions --year 1448 AH\n  khairukum occasions --year 2027 --all-sets\n  khairukum occasions --month 2027-02 --format ics --output occasions.ics"
    )]
    Occasions(OccasionsArgs),
    /// What works: the charity's own posts over six months broken down by format, goal, hour and more, with how sure each difference is
    #[command(
        after_help = "Reads the exports of the six whole months ending with --month (default: the last full month) and joins them to the plan as the report does. Definitions and the statistics: docs/metrics.md, \"Insights\".\n\nExamples:\n  khairukum insights --month 2026-11\n  khairukum insights --month 2026-11 --format html --output insights.html\n  khairukum insights --month 1448-05 AH --months 3"
    )]
    Insights(InsightsArgs),
    /// List each export file: its format, account, days, rows used and set aside, and problems
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Exports are read from --exports, else the plan's `exports:` setting, else <plan>/exports.\n\nExamples:\n  khairukum exports\n  khairukum exports --month 2026-11\n  khairukum exports --format json\n  khairukum exports check --format github"
    )]
    Exports(ExportsArgs),
}

#[derive(Debug, Args)]
pub(super) struct ExportsArgs {
    #[command(subcommand)]
    pub command: Option<ExportsCommand>,

    /// The folder of platform exports (CSV), inquiries and followers.yaml
    #[arg(long, value_name = "DIR")]
    pub exports: Option<PathBuf>,

    /// Only the files with data in this month (and those that could not be read)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub month: Option<String>,

    /// Output format [default: github when `GITHUB_ACTIONS=true`, else human]
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ListFormat {
    /// A table, then each problem with its place
    Human,
    /// The files and the findings as one JSON document
    Json,
    /// A notice per file and an annotation per problem
    Github,
}

#[derive(Debug, Subcommand)]
pub(super) enum ExportsCommand {
    /// Read every export as `report` does and report each problem found, located and with its rule code
    #[command(
        after_help = "Exports are read from --exports, else the plan's `exports:` setting, else <plan>/exports.\nExit status: 0 clean, 1 problems, 2 could not run.\n\nExamples:\n  khairukum exports check\n  khairukum exports check --exports downloads --format github"
    )]
    Check(ExportsCheckArgs),
}

#[derive(Debug, Args)]
pub(super) struct ExportsCheckArgs {
    /// The folder of platform exports (CSV), inquiries and followers.yaml
    #[arg(long, value_name = "DIR")]
    pub exports: Option<PathBuf>,

    #[command(flatten)]
    pub findings: ValidateArgs,
}

#[derive(Debug, Args)]
pub(super) struct InitArgs {
    /// The folder of the new plan repository
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Replace files that exist already
    #[arg(long)]
    pub force: bool,

    /// The plan's first month (YYYY-MM) [default: this month]
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub month: Option<String>,

    /// The organisation's time zone, as an IANA name (Asia/Riyadh,
    /// Africa/Cairo, Asia/Amman) [default: this machine's]
    #[arg(long, value_name = "ZONE", value_parser = parse_time_zone)]
    pub time_zone: Option<chrono_tz::Tz>,

    /// The khairukum version the workflow and pre-commit hook pin: a tag
    /// or a full commit id [default: this build's release tag, or before a
    /// release the commit it was built from]
    #[arg(long, value_name = "REF")]
    pub pin: Option<String>,

    /// Do not run `git init` in the new folder
    #[arg(long)]
    pub no_git: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["month", "whole_plan"]))]
pub(super) struct ApproveArgs {
    /// Approve this month's calendar (YYYY-MM)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub month: Option<String>,

    /// Approve the plan itself (plan.yaml)
    #[arg(long = "whole-plan", id = "whole_plan")]
    pub whole_plan: bool,

    /// Who approves: a person of team.yaml, by id
    #[arg(long, value_name = "PERSON")]
    pub by: String,

    /// The day of the approval (2026-11-28, or 1448-05-07 AH) [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,

    /// What was said with it (conditions, the meeting)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// Print the change as a diff instead of writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(super) struct PublishArgs {
    /// The calendar item's id
    #[arg(required_unless_present = "from_exports")]
    pub item: Option<String>,

    /// A platform it went out on (a platform id of the plan); once for each,
    /// each followed by its --link
    #[arg(
        long,
        value_name = "PLATFORM",
        required_unless_present = "from_exports"
    )]
    pub platform: Vec<String>,

    /// The post's link on the --platform before it (or `no-public-link` for
    /// a story)
    #[arg(long, value_name = "URL", required_unless_present = "from_exports")]
    pub link: Vec<String>,

    /// When the posts went out, in the plan's time zone [default: now]
    #[arg(long, value_name = "TIME", conflicts_with = "from_exports")]
    pub at: Option<String>,

    /// Offer the links the exports of --month show for items that lack them
    /// (joined by text or time, as the report joins them)
    #[arg(long, requires = "month", conflicts_with_all = ["item", "platform", "link"])]
    pub from_exports: bool,

    /// With --from-exports: the month whose exports are read (YYYY-MM)
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub month: Option<String>,

    /// With --from-exports: the exports folder [default: the plan's]
    #[arg(long, value_name = "DIR")]
    pub exports: Option<PathBuf>,

    /// With --from-exports: record the links offered, each item whose
    /// platforms all have one
    #[arg(long, requires = "from_exports")]
    pub write: bool,

    /// Print the change as a diff instead of writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub(super) struct CalendarArgs {
    #[command(subcommand)]
    pub command: Option<CalendarCommand>,

    /// The month to draw (YYYY-MM) [default: this month]
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month_arg)]
    pub month: Option<String>,

    #[arg(long, value_enum, default_value_t = GridFormatArg::Table)]
    pub format: GridFormatArg,

    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum GridFormatArg {
    Table,
    Markdown,
    Html,
}

#[derive(Debug, Subcommand)]
pub(super) enum CalendarCommand {
    /// Write a period's posts in the bulk-upload file of a scheduler (or an iCalendar file)
    #[command(
        after_help = "Reads the plan as `plan validate` does and refuses one with errors. Every post of the period that cannot go in the file is listed with its reason; then nothing is written unless --skip-problems. Formats and their sources: docs/schedulers.md.\n\nExamples:\n  khairukum calendar export --for hootsuite --month 2026-12\n  khairukum calendar export --for buffer --month 2026-12 --platform x --output upload/\n  khairukum calendar export --for postiz --month 2026-12 --integration x=cm4x1 --skip-problems\n  khairukum calendar export --for ics --from 2026-12-01 --to 2026-12-15"
    )]
    Export(CalendarExportArgs),
}

/// The schedulers a file is written for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum SchedulerArg {
    /// Hootsuite's Bulk Composer CSV
    Hootsuite,
    /// Buffer's CSV import
    Buffer,
    /// Sprout Social's bulk scheduling CSV
    Sprout,
    /// The JSON bodies of Postiz's public posts API
    Postiz,
    /// An iCalendar file of the publishing schedule
    Ics,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum StatusArg {
    Approved,
    Scheduled,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum DateOrderArg {
    /// 05/12/2026 is 5 December
    DayFirst,
    /// 12/05/2026 is 5 December
    MonthFirst,
}

#[derive(Debug, Args)]
pub(super) struct CalendarExportArgs {
    /// The scheduler to write for
    #[arg(long = "for", value_name = "SCHEDULER")]
    pub scheduler: SchedulerArg,

    /// The month (YYYY-MM, or YYYY-MM AH)
    #[arg(long, value_name = "YYYY-MM [AH]", num_args = 1..=2, required_unless_present = "from", conflicts_with_all = ["from", "to"])]
    pub month: Option<Vec<String>>,

    /// The first day (Gregorian, or Hijri with AH)
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,

    /// The last day
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,

    /// Only this platform (an id of the plan); may be given more than once
    #[arg(long, value_name = "PLATFORM")]
    pub platform: Vec<String>,

    /// Only items at this status [default: every item not yet published]
    #[arg(long, value_enum)]
    pub status: Vec<StatusArg>,

    /// The folder the files are written in
    #[arg(long, short, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,

    /// The time zone the scheduler's account reads times in [default: the plan's]
    #[arg(long, value_name = "TZ", value_parser = parse_time_zone)]
    pub time_zone: Option<chrono_tz::Tz>,

    /// How the scheduler's account reads dates (Hootsuite, Sprout)
    #[arg(long, value_enum, default_value = "day-first")]
    pub date_order: DateOrderArg,

    /// Postiz: the integration id of a platform's account (PLATFORM=ID); once for each
    #[arg(long, value_name = "PLATFORM=ID")]
    pub integration: Vec<String>,

    /// Write the posts that can go in the file, and list the others
    #[arg(long)]
    pub skip_problems: bool,

    /// The day to treat as today (start of day), for reproducible runs
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Debug, Args)]
pub(super) struct DoneArgs {
    /// The task's id, as `khairukum tasks` prints it
    #[arg(required_unless_present = "item", conflicts_with_all = ["item", "step"])]
    pub task: Option<String>,

    /// With --step: the calendar item (its id, or its title in Arabic or
    /// English)
    #[arg(long, value_name = "ITEM", requires = "step")]
    pub item: Option<String>,

    /// With --item: the process step (its id, or its name in Arabic or
    /// English)
    #[arg(long, value_name = "STEP", requires = "item")]
    pub step: Option<String>,

    /// When it was done, in the plan's time zone (2026-11-08T10:00, or a
    /// Hijri day with its time) [default: now]
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// What to say with it (written under `done_notes:`)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// Print the change as a diff instead of writing it
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_time_zone(text: &str) -> Result<chrono_tz::Tz, String> {
    text.parse().map_err(|_| {
        format!("`{text}` is no IANA time zone name (such as Asia/Riyadh or Africa/Cairo)")
    })
}

#[derive(Debug, Args)]
pub(super) struct InsightsArgs {
    /// The last month read: Gregorian (YYYY-MM) or Hijri (YYYY-MM AH) [default: the last full month]
    #[arg(long, value_name = "YYYY-MM [AH]", num_args = 1..=2)]
    pub month: Option<Vec<String>>,

    /// How many months, ending with --month
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=36))]
    pub months: u32,

    /// A whole year instead: Gregorian (YYYY) or Hijri (YYYY AH)
    #[arg(long, value_name = "YYYY [AH]", num_args = 1..=2, conflicts_with_all = ["month", "quarter", "from"])]
    pub year: Option<Vec<String>>,

    /// A quarter instead (YYYY-Qn)
    #[arg(long, value_name = "YYYY-Qn", value_parser = parse_quarter, conflicts_with_all = ["month", "from"])]
    pub quarter: Option<(i32, u32)>,

    /// The first day of a period of one's own instead
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "to", conflicts_with = "month")]
    pub from: Option<chrono::NaiveDate>,

    /// Its last day
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    pub to: Option<chrono::NaiveDate>,

    /// The exports folder [default: the plan's]
    #[arg(long, value_name = "DIR")]
    pub exports: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = InsightsFormatArg::Table)]
    pub format: InsightsFormatArg,

    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The day to treat as today
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum InsightsFormatArg {
    Table,
    Markdown,
    Html,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub(super) struct OccasionsArgs {
    /// The year: Gregorian (YYYY) or Hijri (YYYY AH) [default: the plan's period, else this year]
    #[arg(long, value_name = "YYYY [AH]", num_args = 1..=2, conflicts_with = "month")]
    pub year: Option<Vec<String>>,

    /// The month: Gregorian (YYYY-MM) or Hijri (YYYY-MM AH)
    #[arg(long, value_name = "YYYY-MM [AH]", num_args = 1..=2)]
    pub month: Option<Vec<String>>,

    /// Every built-in set (every country's national days), not only the plan's
    #[arg(long)]
    pub all_sets: bool,

    #[arg(long, value_enum, default_value_t = OccasionsFormatArg::Table)]
    pub format: OccasionsFormatArg,

    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The day to treat as today (the calendar file's stamp)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum OccasionsFormatArg {
    Table,
    Markdown,
    Html,
    Json,
    Csv,
    /// An iCalendar file of all-day events
    Ics,
}

#[derive(Debug, Args)]
pub(super) struct ReportArgs {
    /// The month to report: Gregorian (YYYY-MM) or Hijri (YYYY-MM AH, Umm al-Qura); without a value, the last full month
    #[arg(long, value_name = "YYYY-MM [AH]", num_args = 0..=2)]
    pub month: Option<Vec<String>>,

    /// The year to report, with each month's trend: Gregorian (YYYY) or Hijri (YYYY AH)
    #[arg(long, value_name = "YYYY [AH]", num_args = 1..=2)]
    pub year: Option<Vec<String>>,

    /// The quarter to report (YYYY-Qn)
    #[arg(long, value_name = "YYYY-Qn", value_parser = parse_quarter)]
    pub quarter: Option<(i32, u32)>,

    /// First day of a custom period
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "to")]
    pub from: Option<chrono::NaiveDate>,

    /// Last day of a custom period
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "from")]
    pub to: Option<chrono::NaiveDate>,

    /// The folder of platform exports (CSV), inquiries and followers.yaml
    #[arg(long, value_name = "DIR")]
    pub exports: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Table)]
    pub format: ReportFormatArg,

    /// Write to this file (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Compare with the period just before, or with the same period a year earlier
    #[arg(long, value_enum, default_value_t = CompareArg::Previous)]
    pub compare: CompareArg,

    /// The day to treat as today (a period still running is measured up to it; gives a year to TikTok dates written without one)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

/// What a report's figures are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum CompareArg {
    /// The period of the same kind just before (the month before a month)
    Previous,
    /// The same period a year earlier (the same month last year)
    LastYear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ReportFormatArg {
    Table,
    Markdown,
    Json,
    Csv,
    /// An Excel workbook (with --output)
    Xlsx,
    Html,
}

fn parse_quarter(text: &str) -> Result<(i32, u32), String> {
    let expected = || format!("`{text}` is not a quarter: expected a form like 2026-Q4");
    let (year, quarter) = text.trim().split_once("-Q").ok_or_else(expected)?;
    let year: i32 = year.parse().map_err(|_| expected())?;
    let quarter: u32 = quarter.parse().map_err(|_| expected())?;
    if !(1..=4).contains(&quarter) || !(1000..=9999).contains(&year) {
        return Err(expected());
    }
    Ok((year, quarter))
}

#[derive(Debug, Args)]
pub(super) struct TasksArgs {
    /// A person: their id or name (Arabic or English; diacritics and letter forms do not matter)
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,

    /// Tasks of steps owned by this role
    #[arg(long)]
    pub role: Option<String>,

    /// Tasks of this process step
    #[arg(long)]
    pub step: Option<String>,

    /// Content tasks for items on this platform
    #[arg(long)]
    pub platform: Option<String>,

    /// Content tasks for items serving this goal
    #[arg(long)]
    pub goal: Option<String>,

    /// Which tasks [default: all but done; all for ics, done ones marked ✓]
    #[arg(long, value_enum)]
    pub status: Option<StatusChoice>,

    /// Due on or after this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,

    /// Due on or before this day
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,

    /// Due in this week (YYYY-Www); without a value, the current week
    #[arg(long, value_name = "YYYY-Www", num_args = 0..=1, default_missing_value = "", value_parser = parse_week_arg)]
    pub week: Option<String>,

    /// Due in this month (YYYY-MM); without a value, the current month
    #[arg(long, value_name = "YYYY-MM", num_args = 0..=1, default_missing_value = "", value_parser = parse_month_arg)]
    pub month: Option<String>,

    /// The day to treat as today (start of day), for reproducible runs
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,

    /// Show each person's hours per week against their capacity instead of tasks
    #[arg(long)]
    pub summary: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = TasksFormat::Table)]
    pub format: TasksFormat,

    /// How dates are shown
    #[arg(long, value_enum, default_value_t = CalendarArg::Gregorian)]
    pub calendar: CalendarArg,

    /// With --format ics: the reminder, this many minutes before a task's
    /// event (0: none)
    #[arg(long, value_name = "MINUTES", default_value_t = 60)]
    pub remind: u32,

    /// Write to this file (atomically) instead of standard output; an ics
    /// file it replaces has its tasks no longer listed cancelled
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum StatusChoice {
    Open,
    Done,
    Overdue,
    Blocked,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum TasksFormat {
    Table,
    Json,
    Csv,
    /// An Excel workbook (with --output)
    Xlsx,
    Markdown,
    /// iCalendar events with a reminder, for any calendar application
    Ics,
    /// iCalendar to-dos, for applications with task lists
    IcsTodo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum CalendarArg {
    Gregorian,
    Hijri,
    Both,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    khairukum::text::dates::parse_date(text).map_err(|e| e.text(early_lang()))
}

/// The language for messages of value parsers, which run before the parsed
/// `--lang` exists: `--lang X` or `--lang=X` as written, else the locale.
fn early_lang() -> khairukum::text::i18n::Lang {
    let args: Vec<String> = std::env::args().collect();
    let asked = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix("--lang=").map(str::to_string).or_else(|| {
            (arg == "--lang")
                .then(|| args.get(i + 1).cloned())
                .flatten()
        })
    });
    match asked.as_deref() {
        Some("ar") => khairukum::text::i18n::Lang::Ar,
        Some("en") => khairukum::text::i18n::Lang::En,
        _ => khairukum::text::i18n::Lang::from_env(),
    }
}

fn parse_week_arg(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    // Checked for form here; the week's first day depends on the plan.
    khairukum::text::weeks::parse_week(text, chrono::Weekday::Mon)
        .map(|_| text.to_string())
        .map_err(|e| e.text(early_lang()))
}

fn parse_month_arg(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    khairukum::text::dates::Month::parse(text)
        .map(|_| text.to_string())
        .map_err(|e| e.text(early_lang()))
}

#[derive(Debug, Subcommand)]
pub(super) enum PlanCommand {
    /// Check every plan file and report all problems, located at <file:line:column>
    #[command(
        after_help = "Exit status: 0 clean (warnings allowed), 1 problems found, 2 could not run.\n\nExamples:\n  khairukum plan validate\n  khairukum plan validate --format sarif > plan.sarif\n  khairukum plan validate --deny warnings"
    )]
    Validate(PlanValidateArgs),
    /// What changed in the plan between two git revisions, for a reviewer
    #[command(
        after_help = "BASE defaults to where this branch left the default branch; HEAD to the working tree.\n\nExamples:\n  khairukum plan diff\n  khairukum plan diff main HEAD --format json\n  khairukum plan diff HEAD~3"
    )]
    Diff(DiffArgs),
    /// The whole plan as one document for the people who approve it
    #[command(
        after_help = "HTML (the default) is one self-contained page, right to left in Arabic, that prints well; Markdown reads in a pull request.\n\nExamples:\n  khairukum plan book --output plan.html\n  khairukum plan book --lang en --output plan-en.html\n  khairukum plan book --format markdown > PLAN.md"
    )]
    Book(BookArgs),
}

#[derive(Debug, Args)]
pub(super) struct BookArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = BookFormat::Html)]
    pub format: BookFormat,

    /// Write to this file (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum BookFormat {
    Html,
    Markdown,
}

#[derive(Debug, Args)]
pub(super) struct DiffArgs {
    /// The older revision [default: the merge base with the default branch]
    pub base: Option<String>,

    /// The newer revision [default: the working tree]
    pub head: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Markdown)]
    pub format: DiffFormat,

    /// The day to treat as today, for the problems the change brings (an
    /// item published after it); default: today in the plan's time zone
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum DiffFormat {
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub(super) struct ValidateArgs {
    /// Output format [default: github when `GITHUB_ACTIONS=true`, else human]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,

    /// Treat warnings as errors for the exit status
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<DenyLevel>,

    /// When to colour the human format
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Show every finding in the human format (by default the first 50 of
    /// each rule, then how many more)
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub(super) struct PlanValidateArgs {
    #[command(flatten)]
    pub findings: ValidateArgs,

    /// The day to treat as today (an item published after it is a
    /// mistake); default: today in the plan's time zone
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum OutputFormat {
    /// Source lines with the problem marked
    Human,
    /// One JSON object per finding, with a summary
    Json,
    /// GitHub Actions annotations
    Github,
    /// SARIF 2.1.0
    Sarif,
    /// Markdown for a pull request's job summary
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum DenyLevel {
    Warnings,
}

/// The languages messages can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum LangArg {
    /// English
    En,
    /// العربية
    Ar,
}

impl LangArg {
    pub(super) fn lang(self) -> khairukum::text::i18n::Lang {
        match self {
            LangArg::En => khairukum::text::i18n::Lang::En,
            LangArg::Ar => khairukum::text::i18n::Lang::Ar,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ColorChoice {
    Auto,
    Always,
    Never,
}
