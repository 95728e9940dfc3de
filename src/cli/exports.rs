//! `khairukum exports check`: every export read as `report` reads it, and
//! each problem shown as a finding with its rule code, by the renderers of
//! `plan validate`.

use super::args::ExportsCheckArgs;
use super::error::Result;
use super::validate::{FindingsSettings, show};
use khairukum::exports::{Options, findings::findings, import_dir};
use khairukum::report::data::{FollowerTotals, Inputs};
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

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

pub(crate) fn run(settings: &ExportsCheckSettings) -> Result<u8> {
    // The plan gives the exports folder and the time zone; its calendar is not needed.
    let loaded = khairukum::plan::load::load_selected(&settings.plan, |_, _| false)?;
    let plan = &loaded.plan;
    let exports = super::report::exports_dir(
        &settings.plan,
        settings.exports.as_deref(),
        plan,
        settings.lang,
    )?;
    let options = Options {
        window: None,
        detail: None,
        time_zone: plan.time_zone(),
        year_anchor: chrono::Local::now().date_naive(),
        date_order: plan.date_order(),
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
    let validation = findings(&problems, &imported.files);
    show(&validation, &settings.findings)
}
