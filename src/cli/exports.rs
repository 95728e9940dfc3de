//! `khairukum exports`: each export file with what became of it, and
//! `khairukum exports check`: each problem as a finding with its rule code,
//! by the renderers of `plan validate`. Both read every export as `report`
//! reads it, including what the report sets aside once the plan is known.

use super::args::{ExportsArgs, ExportsCheckArgs, ListFormat};
use super::error::{Error, Result, SUCCESS};
use super::validate::{FindingsSettings, show};
use khairukum::exports::folder::Folder;
use khairukum::exports::inventory::Kind;
use khairukum::exports::summary::{FileSummary, summarise};
use khairukum::exports::{Problem, findings::findings};
use khairukum::plan::render::{self, Format};
use khairukum::plan::validate::Validation;
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

/// Every file of the exports folder read, and every problem found in them.
struct Read {
    /// The exports folder, as its files' paths begin.
    dir: PathBuf,
    folder: Folder,
    problems: Vec<Problem>,
    time_zone: chrono_tz::Tz,
}

fn read(plan_dir: &Path, exports: Option<&Path>, lang: Lang) -> Result<Read> {
    // The plan gives the exports folder, the time zone and the accounts; its
    // calendar is not needed.
    let loaded = khairukum::plan::load::load_selected(plan_dir, |_, _| false)?;
    let plan = &loaded.plan;
    let exports = super::report::exports_dir(plan_dir, exports, plan, lang)?;
    let today = chrono::Local::now().date_naive();
    let (folder, problems) = khairukum::report::gather::listing(&exports, &loaded, today)?;
    Ok(Read {
        dir: exports,
        folder,
        problems,
        time_zone: plan.time_zone(),
    })
}

pub(crate) fn check(settings: &ExportsCheckSettings) -> Result<u8> {
    let read = read(&settings.plan, settings.exports.as_deref(), settings.lang)?;
    let looked_at: Vec<&str> = read
        .folder
        .inventory
        .entries
        .iter()
        .filter(|e| !matches!(e.kind, Kind::NotUsed(_)))
        .map(|e| e.shown.as_str())
        .collect();
    let validation = findings(&read.problems, &looked_at);
    show(&validation, &settings.findings)
}

pub(crate) fn list(settings: &ExportsListSettings) -> Result<u8> {
    let read = read(&settings.plan, settings.exports.as_deref(), settings.lang)?;
    let files: Vec<FileSummary> = summarise(&read.folder, &read.problems, read.time_zone)
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
    let listed: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let validation = findings(&shown, &listed);
    let mut out = io::BufWriter::new(io::stdout().lock());
    match settings.format {
        ListFormat::Human => human(&read.dir, &files, &validation, settings.lang, &mut out)?,
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

/// What a file was read as: the format with the account its rows name,
/// the money an ad export spent, the measures or peers it gives, or why it
/// is not used.
fn read_as(file: &FileSummary, lang: Lang) -> String {
    let account = file.account.as_ref().filter(|_| file.kind == "platform");
    match account {
        Some(account) => format!("{} @{account}", read_as_alone(file, lang)),
        None => read_as_alone(file, lang),
    }
}

/// [`read_as`] without the account.
fn read_as_alone(file: &FileSummary, lang: Lang) -> String {
    use khairukum::t;
    let listed = |items: &[String]| items.join(", ");
    let read = match file.kind {
        "ads" => {
            let spent: Vec<String> = file.spend.iter().map(|s| spent(s, lang)).collect();
            match (file.format, spent.is_empty()) {
                (Some(format), false) => format!("{format}: {}", spent.join(" + ")),
                (format, _) => format.unwrap_or_default().to_string(),
            }
        }
        "measure" => t!("exports.measure", measures = listed(&file.measures)).text(lang),
        "monitoring" => t!("exports.monitoring", peers = listed(&file.peers)).text(lang),
        "peers" => t!("exports.peers-by-hand", peers = listed(&file.peers)).text(lang),
        "followers" => t!("exports.followers").text(lang),
        "not-used" => {
            let why = file.why.as_ref().map(|w| w.text(lang)).unwrap_or_default();
            return t!("exports.not-used", why = why).text(lang);
        }
        _ => file.format.unwrap_or_default().to_string(),
    };
    match (file.skipped, read.is_empty()) {
        (false, _) => read,
        (true, true) => t!("exports.skipped").text(lang),
        (true, false) => t!("exports.skipped-as", read = read).text(lang),
    }
}

/// `4,580.40 SAR`: money an ad export spent.
fn spent(spend: &khairukum::exports::summary::Spend, lang: Lang) -> String {
    use khairukum::plan::metrics::Unit;
    let amount = khairukum::document::number::show(Unit::Count, Some(spend.amount), lang);
    match &spend.currency {
        Some(currency) => format!("{amount} {currency}"),
        None => khairukum::t!("exports.no-currency", amount = amount).text(lang),
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
            format = read_as_alone(file, lang),
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
