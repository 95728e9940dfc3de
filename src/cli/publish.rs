//! `khairukum publish`: settings resolved from the arguments, then the
//! publication checked and written in the item's month (or shown as a
//! diff); or, `--from-exports`, the links a month's exports give the items
//! that lack them, offered and (`--write`) recorded.

use super::args::PublishArgs;
use super::error::{Error, Result, SUCCESS};
use khairukum::plan::publish::{self, Publication};
use khairukum::report::proposals::Proposal;
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use std::io::Write as _;
use std::path::PathBuf;

/// What `publish` was asked to do.
enum Asked {
    /// Record these links.
    One(Publication),
    /// Offer (and with `write`, record) the links a month's exports give.
    FromExports {
        month: Month,
        exports: Option<PathBuf>,
        write: bool,
    },
}

pub(crate) struct PublishSettings {
    plan: PathBuf,
    asked: Asked,
    dry_run: bool,
    lang: Lang,
}

impl PublishSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &PublishArgs) -> Result<Self> {
        let usage = |m: khairukum::text::i18n::Msg| Error::Usage(m.text(lang));
        let asked = if args.from_exports {
            let month = args.month.as_deref().unwrap_or_default();
            Asked::FromExports {
                month: Month::parse(month).map_err(usage)?,
                exports: args.exports.clone(),
                write: args.write,
            }
        } else {
            if args.platform.len() != args.link.len() {
                return Err(usage(khairukum::t!("usage.publish-pairs")));
            }
            let links = args
                .platform
                .iter()
                .zip(&args.link)
                .map(|(p, l)| (p.trim().to_string(), l.trim().to_string(), None))
                .collect();
            let at = match args.at.as_deref() {
                Some(text) => {
                    let western = khairukum::text::arabic::western_digits(text.trim());
                    Some(khairukum::text::dates::parse_date_time(&western).map_err(usage)?)
                }
                None => None,
            };
            Asked::One(Publication {
                item: args.item.as_deref().unwrap_or_default().trim().to_string(),
                links,
                at,
            })
        };
        Ok(PublishSettings {
            plan,
            asked,
            dry_run: args.dry_run,
            lang,
        })
    }
}

pub(crate) fn run(settings: &PublishSettings) -> Result<u8> {
    match &settings.asked {
        Asked::One(publication) => record(settings, publication),
        Asked::FromExports {
            month,
            exports,
            write,
        } => from_exports(settings, *month, exports.as_deref(), *write),
    }
}

fn record(settings: &PublishSettings, publication: &Publication) -> Result<u8> {
    super::record::record(
        &settings.plan,
        publish::plan_edit(&settings.plan, publication, chrono::Utc::now()),
        (settings.dry_run, settings.lang),
        |file| khairukum::t!("publish.written", file = file),
    )
}

/// The links `month`'s exports give, printed; with `write`, recorded for
/// each item whose platforms then all have one.
fn from_exports(
    settings: &PublishSettings,
    month: Month,
    exports: Option<&std::path::Path>,
    write: bool,
) -> Result<u8> {
    let lang = settings.lang;
    let loaded = khairukum::plan::load::load(&settings.plan)?;
    let dir = super::report::exports_dir(&settings.plan, exports, &loaded.plan, lang)?;
    let request = khairukum::report::Request {
        period: khairukum::report::data::Period::month(month),
        compare: khairukum::report::data::Compare::Previous,
        // Exports of a month are read as of the end of the next (the year of
        // a date written without one): the same whatever day it is run.
        today: month.next().last_day(),
    };
    let gathered = khairukum::report::gather::gather(&settings.plan, &dir, &loaded, &request)
        .map_err(anyhow::Error::from)?;
    let offered = khairukum::report::proposals::proposals(
        &loaded.plan,
        &gathered.folder.imported,
        &request.period,
    );
    let mut out = std::io::stdout().lock();
    let said = |m: khairukum::text::i18n::Msg| m.text(lang);
    if offered.is_empty() {
        writeln!(
            out,
            "{}",
            said(khairukum::t!("publish.nothing-offered", month = month))
        )
        .map_err(anyhow::Error::from)?;
        return Ok(SUCCESS);
    }
    for p in &offered {
        writeln!(out, "{}", said(offer(p))).map_err(anyhow::Error::from)?;
    }
    drop(out);
    if !write {
        return Ok(SUCCESS);
    }
    write_offers(settings, &loaded.plan, &offered)
}

/// One link offered, in words.
fn offer(p: &Proposal) -> khairukum::text::i18n::Msg {
    let by = match p.by {
        khairukum::report::reconcile::JoinedBy::Time => khairukum::t!("publish.by-time"),
        _ => khairukum::t!("publish.by-text"),
    };
    khairukum::t!(
        "publish.offered",
        item = &p.item,
        platform = &p.platform,
        link = &p.link,
        by = by,
        at = p.published.as_deref().unwrap_or("—")
    )
}

/// Records the offered links of each item whose planned platforms all have
/// one then; says which items are left and why.
fn write_offers(
    settings: &PublishSettings,
    plan: &khairukum::plan::model::Plan,
    offered: &[Proposal],
) -> Result<u8> {
    let mut items: Vec<&str> = offered.iter().map(|p| p.item.as_str()).collect();
    items.dedup();
    for item in items {
        // Each post's own time where its export gives one.
        let links: Vec<(String, String, Option<chrono::NaiveDateTime>)> = offered
            .iter()
            .filter(|p| p.item == item)
            .map(|p| (p.platform.clone(), p.link.clone(), p.at))
            .collect();
        let planned = plan
            .items()
            .find(|(_, i)| i.id.value == item)
            .map(|(_, i)| i);
        let missing: Vec<&str> = planned
            .iter()
            .flat_map(|i| &i.platforms)
            .map(|p| p.value.as_str())
            .filter(|p| {
                !links.iter().any(|(l, ..)| l == p)
                    && !planned.is_some_and(|i| i.published.iter().any(|(k, _)| k.value == *p))
            })
            .collect();
        if !missing.is_empty() {
            let left = khairukum::t!("publish.left", item = item, platforms = missing.join(", "));
            println!("{}", left.text(settings.lang));
            continue;
        }
        let publication = Publication {
            item: item.to_string(),
            links,
            at: None,
        };
        record(settings, &publication)?;
    }
    Ok(SUCCESS)
}
