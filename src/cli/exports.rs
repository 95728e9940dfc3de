//! `khairukum exports`: each export file with what became of it, and
//! `khairukum exports check`: each problem as a finding with its rule code,
//! by the renderers of `plan validate`. Both read every export as `report`
//! reads it, including what the report sets aside once the plan is known.

use super::args::{ExportsArgs, ExportsCheckArgs, ListFormat};
use super::error::{Error, Result, SUCCESS};
use super::validate::{FindingsSettings, show};
use khairukum::exports::summary::{FileSummary, summarise};
use khairukum::exports::{Imported, Options, Problem, findings::findings, import_dir};
use khairukum::plan::render::{self, Format};
use khairukum::plan::validate::Validation;
use khairukum::report::data::{FollowerTotals, Inputs};
use khairukum::text::arabic::table_cell as cell;
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Settings for `exports check`.
pub(crate) struct ExportsCheckSettings {
    plan: PathBuf,
    exports: Option<PathBuf>,
    findings: FindingsSettings,
    lang: Lang,
}

impl ExportsCheckSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &ExportsCheckArgs) -> Self {
        ExportsCheckSettings {
            plan,
            exports: args.exports.clone(),
            findings: FindingsSettings::resolve(lang, &args.findings),
            lang,
        }
    }
}

/// Settings for `exports` (the listing).
pub(crate) struct ExportsListSettings {
    plan: PathBuf,
    exports: Option<PathBuf>,
    month: Option<Month>,
    format: ListFormat,
    lang: Lang,
}

impl ExportsListSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &ExportsArgs) -> Result<Self> {
        let in_actions = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
        let month = match args.month.as_deref() {
            Some(m) if !m.is_empty() => {
                Some(Month::parse(m).map_err(|e| Error::Usage(e.text(lang)))?)
            }
            _ => None,
        };
        Ok(ExportsListSettings {
            plan,
            exports: args.exports.clone(),
            month,
            format: args.format.unwrap_or(if in_actions {
                ListFormat::Github
            } else {
                ListFormat::Human
            }),
            lang,
        })
    }
}

/// Every export read, and every problem found in them.
struct Read {
    /// The exports folder, as its files' paths begin.
    folder: PathBuf,
    imported: Imported,
    problems: Vec<Problem>,
    time_zone: chrono_tz::Tz,
}

fn read(plan_dir: &Path, exports: Option<&Path>, lang: Lang) -> Result<Read> {
    // The plan gives the exports folder, the time zone and the accounts; its
    // calendar is not needed.
    let loaded = khairukum::plan::load::load_selected(plan_dir, |_, _| false)?;
    let plan = &loaded.plan;
    let exports = super::report::exports_dir(plan_dir, exports, plan, lang)?;
    let options = Options {
        window: None,
        detail: None,
        time_zone: plan.time_zone(),
        year_anchor: chrono::Local::now().date_naive(),
        date_order: plan.date_order(),
        accounts: khairukum::exports::accounts::accounts_of(plan),
        set_aside: khairukum::exports::set_aside(plan),
        by_hand: khairukum::exports::by_hand::from_plan(plan, |file| {
            loaded.sources.get(file).path.clone()
        }),
    };
    let imported = import_dir(&exports, &options)?;
    let mut problems = imported.problems.clone();
    let followers = khairukum::report::read_followers(&exports.join("followers.yaml"))
        .unwrap_or_else(|problem| {
            problems.push(*problem);
            FollowerTotals::default()
        });
    // What the report sets aside once the plan is known: other accounts'
    // exports, days two exports both give.
    let inputs = Inputs::new(plan, &imported, &followers, plan.time_zone());
    problems.extend(inputs.problems.iter().cloned());
    drop(inputs);
    // The charity's own records that its measures read are checked too.
    let own =
        khairukum::exports::measures::read(&exports, plan, plan.time_zone(), plan.date_order());
    problems.extend(own.problems);
    let ads = khairukum::exports::ads::read(&exports);
    problems.extend(ads.problems.iter().cloned());
    problems.extend(khairukum::exports::peers::read(&exports, plan, plan.time_zone()).problems);
    if let Some(budget) = &plan.budget {
        problems.extend(khairukum::report::money::currency_problems(
            &budget.data,
            &ads,
        ));
    }
    Ok(Read {
        folder: exports,
        imported,
        problems,
        time_zone: plan.time_zone(),
    })
}

pub(crate) fn check(settings: &ExportsCheckSettings) -> Result<u8> {
    let read = read(&settings.plan, settings.exports.as_deref(), settings.lang)?;
    let validation = findings(&read.problems, &read.imported.files);
    show(&validation, &settings.findings)
}

pub(crate) fn list(settings: &ExportsListSettings) -> Result<u8> {
    let read = read(&settings.plan, settings.exports.as_deref(), settings.lang)?;
    let files: Vec<FileSummary> = summarise(&read.imported, &read.problems, read.time_zone)
        .into_iter()
        .filter(|f| {
            settings
                .month
                .is_none_or(|m| f.touches(m.first_day(), m.last_day()))
        })
        .collect();
    let shown: Vec<Problem> = read
        .problems
        .iter()
        .filter(|p| files.iter().any(|f| f.path == p.path))
        .cloned()
        .collect();
    let validation = findings(&shown, &read.imported.files);
    let mut out = io::BufWriter::new(io::stdout().lock());
    match settings.format {
        ListFormat::Human => human(&read.folder, &files, &validation, settings.lang, &mut out)?,
        ListFormat::Json => json(&files, &validation, settings.lang, &mut out)?,
        ListFormat::Github => github(&files, &validation, settings.lang, &mut out)?,
    }
    out.flush()?;
    Ok(SUCCESS)
}

/// `2026-11-01 – 25`, `2026-10-05 – 11-19`, `2025-12-30 – 2026-01-02`, or `—`.
fn days(file: &FileSummary) -> String {
    use chrono::Datelike;
    match (file.first, file.last) {
        (Some(first), Some(last)) if first == last => first.to_string(),
        (Some(first), Some(last))
            if (first.year(), first.month()) == (last.year(), last.month()) =>
        {
            format!("{first} – {:02}", last.day())
        }
        (Some(first), Some(last)) if first.year() == last.year() => {
            format!("{first} – {}", last.format("%m-%d"))
        }
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => "—".to_string(),
    }
}

/// The format a file was read as, with the account its rows name.
fn read_as(file: &FileSummary, lang: Lang) -> String {
    let read = match (file.format, &file.account) {
        (Some(format), Some(account)) => format!("{format} @{account}"),
        (Some(format), None) => format.to_string(),
        (None, _) => String::new(),
    };
    match (file.skipped, read.is_empty()) {
        (false, _) => read,
        (true, true) => khairukum::t!("exports.skipped").text(lang),
        (true, false) => khairukum::t!("exports.skipped-as", read = read).text(lang),
    }
}

fn human(
    folder: &Path,
    files: &[FileSummary],
    validation: &Validation,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    use khairukum::t;
    writeln!(
        out,
        "{}",
        t!("exports.in", folder = folder.display()).text(lang)
    )?;
    let prefix = format!("{}/", folder.to_string_lossy().replace('\\', "/"));
    let mut table = comfy_table::Table::new();
    // Wrapped to the terminal's width rather than running off it.
    if let Some(width) = super::terminal_width() {
        table
            .set_width(width)
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    }
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_header(
            [
                t!("exports.col.file"),
                t!("exports.col.format"),
                t!("exports.col.days"),
                t!("exports.col.rows"),
                t!("exports.col.problems"),
            ]
            .iter()
            .map(|m| cell(m.text(lang))),
        );
    for file in files {
        table.add_row(vec![
            cell(
                file.path
                    .strip_prefix(&prefix)
                    .unwrap_or(&file.path)
                    .to_string(),
            ),
            cell(read_as(file, lang)),
            cell(days(file)),
            cell(if file.rows_set_aside == 0 {
                file.rows.to_string()
            } else {
                t!(
                    "exports.rows-set-aside",
                    rows = file.rows,
                    set_aside = file.rows_set_aside
                )
                .text(lang)
            }),
            cell(file.problems.to_string()),
        ]);
    }
    writeln!(out, "{table}")?;
    if validation.diagnostics.is_empty() {
        let count = t!("count.file", n = files.len());
        return writeln!(out, "{}", t!("exports.summary", files = count).text(lang));
    }
    writeln!(out)?;
    let format = Format::Human {
        color: false,
        most_per_rule: Some(render::MOST_SHOWN_PER_RULE),
    };
    render::renderer(format, lang).render(validation, out)
}

fn json(
    files: &[FileSummary],
    validation: &Validation,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut findings = Vec::new();
    render::renderer(Format::Json, lang).render(validation, &mut findings)?;
    let findings: serde_json::Value =
        serde_json::from_slice(&findings).map_err(io::Error::other)?;
    let doc = serde_json::json!({ "files": files, "findings": findings });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

fn github(
    files: &[FileSummary],
    validation: &Validation,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    for file in files {
        let what = khairukum::t!(
            "exports.notice",
            format = file.format.unwrap_or("—"),
            account = file.account.as_deref().unwrap_or("—"),
            days = days(file),
            rows = file.rows,
            set_aside = file.rows_set_aside,
            problems = khairukum::t!("count.problem", n = file.problems)
        );
        writeln!(
            out,
            "::notice file={}::{}",
            render::github_escape_property(&file.path),
            render::github_escape_data(&what.text(lang))
        )?;
    }
    render::renderer(Format::Github, lang).render(validation, out)
}
