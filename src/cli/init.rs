//! `khairukum init`: a new plan repository, and what to do next.

use super::args::InitArgs;
use super::error::{Error, Result, SUCCESS};
use khairukum::plan::DEFAULT_FOLDER;
use khairukum::plan::git::Initialised;
use khairukum::plan::init::{Pin, VERSION};
use khairukum::text::i18n::Lang;
use std::io::{self, Write};

pub(crate) fn run(args: &InitArgs, lang: Lang) -> Result<u8> {
    let month = match args.month.as_deref() {
        Some(m) if !m.is_empty() => {
            khairukum::text::dates::Month::parse(m).map_err(|e| Error::Usage(e.text(lang)))?
        }
        _ => khairukum::text::dates::Month::of(chrono::Local::now().date_naive()),
    };
    let (time_zone, whose) = match args.time_zone {
        Some(zone) => (zone, "as given"),
        None => match machine_time_zone() {
            Some(zone) => (zone, "this machine's"),
            None => (chrono_tz::Asia::Riyadh, "this machine's could not be named"),
        },
    };
    let pin = args
        .pin
        .as_deref()
        .map_or_else(Pin::of_this_build, Pin::given);
    let written = khairukum::plan::init::scaffold(&args.dir, month, time_zone, &pin, args.force)?;
    let mut out = io::stdout().lock();
    writeln!(out, "Created a plan repository in {}:", args.dir.display())?;
    for path in &written {
        let shown = path.strip_prefix(&args.dir).unwrap_or(path);
        writeln!(out, "  {}", shown.display())?;
    }
    if !args.no_git {
        tell_git(&mut out, &args.dir)?;
    }
    if args.pin.is_none() {
        tell_pin(&mut out, &pin)?;
    }
    writeln!(
        out,
        "Time zone: {time_zone} ({whose}); every time in the plan is read in it. \
         Change it in plans/plan.yaml (`time_zone:`) if the organisation is elsewhere."
    )?;
    writeln!(
        out,
        "Next: edit plans/*.yaml, then run `khairukum plan validate --plan {}`",
        args.dir.join(DEFAULT_FOLDER).display()
    )?;
    Ok(SUCCESS)
}

/// Runs `git init` in the new folder and says what came of it.
fn tell_git(out: &mut impl Write, dir: &std::path::Path) -> Result<()> {
    match khairukum::plan::git::init(dir) {
        Ok(Initialised::Created) => writeln!(
            out,
            "Git: a new repository on the branch `main`; commit the files and push them to share the plan."
        )?,
        Ok(Initialised::Inside(top)) => writeln!(
            out,
            "Git: the folder is inside the repository at {}; nothing was initialised.",
            top.display()
        )?,
        Ok(Initialised::NoGit) => writeln!(
            out,
            "Git: not found; install it and run `git init` here, to keep the plan's history."
        )?,
        Err(e) => writeln!(out, "Git: the repository was not initialised: {e}")?,
    }
    Ok(())
}

/// Says what the workflow and hook pin when it is not this version's release.
fn tell_pin(out: &mut impl Write, pin: &Pin) -> Result<()> {
    if !pin.released {
        writeln!(
            out,
            "Pinned: the workflow and pre-commit hook use khairukum at `{}`, as this \
             build is not the release of {VERSION}; once v{VERSION} is released, \
             change both pins to v{VERSION}.",
            pin.reference
        )?;
    }
    Ok(())
}

/// The machine's time zone by its IANA name: `TZ` when it names one, else
/// the zone `/etc/localtime` links to, else `/etc/timezone`.
fn machine_time_zone() -> Option<chrono_tz::Tz> {
    let named = |text: &str| text.trim().trim_start_matches(':').parse().ok();
    if let Some(zone) = std::env::var("TZ").ok().and_then(|tz| named(&tz)) {
        return Some(zone);
    }
    let link = std::fs::read_link("/etc/localtime").ok();
    link.as_ref()
        .and_then(|l| l.to_str())
        .and_then(|l| l.split_once("zoneinfo/"))
        .and_then(|(_, zone)| named(zone))
        .or_else(|| named(&std::fs::read_to_string("/etc/timezone").ok()?))
}
