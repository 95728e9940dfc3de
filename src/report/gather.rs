//! What a report reads, and in which order: the exports folder once (from
//! the earliest day its trend or comparison needs, each post kept whole
//! only for the period itself), then the plan folder's history for the
//! team section. `report`, `exports` and anything later share it.

use super::Request;
use super::data::Inputs;
use super::team::{self, History};
use crate::exports::folder::{self, Folder};
use crate::exports::{Options, Problem, accounts, by_hand};
use crate::plan::load::LoadedPlan;
use chrono::NaiveDate;
use std::path::Path;

/// Everything a report needs beside the plan.
#[derive(Debug)]
pub struct Gathered {
    pub folder: Folder,
    /// When tasks were done, from the plan folder's history.
    pub history: History,
}

impl Gathered {
    /// The records beside the platforms' exports, as the report takes them.
    pub fn records(&self) -> super::Records<'_> {
        super::Records {
            followers: &self.folder.followers,
            own: &self.folder.own,
            history: &self.history,
            ads: Some(&self.folder.ads),
            peers: Some(&self.folder.peers),
        }
    }

    /// The problems no reader of the report holds: what the inventory
    /// could not look at, `followers.yaml`'s, the history's.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = self.folder.problems.clone();
        problems.extend(self.history.problem().cloned());
        problems
    }
}

/// The report `request` asks for: its inputs gathered from the exports
/// folder `exports` of the plan loaded from `plan_dir`, then measured.
pub fn report(
    plan_dir: &Path,
    exports: &Path,
    loaded: &LoadedPlan,
    request: &Request,
) -> std::io::Result<super::Report> {
    let gathered = gather(plan_dir, exports, loaded, request)?;
    Ok(super::build(
        &loaded.plan,
        &gathered.folder.imported,
        &gathered.records(),
        request,
        &gathered.problems(),
    ))
}

/// Reads what the report asked for by `request` needs, from the plan
/// folder `plan_dir` and the exports folder `exports`.
pub fn gather(
    plan_dir: &Path,
    exports: &Path,
    loaded: &LoadedPlan,
    request: &Request,
) -> std::io::Result<Gathered> {
    let plan = &loaded.plan;
    let period = &request.period;
    let earliest = super::trend_periods(plan, period)
        .iter()
        .map(|p| p.from)
        .chain([request.compared().from])
        .min()
        .unwrap_or(period.from);
    let window = (earliest, period.to);
    let options = options(loaded, Some(window), request.today);
    let options = Options {
        detail: Some((period.from, period.to)),
        ..options
    };
    let folder = folder::read(exports, plan, &options)?;
    let tz = plan.time_zone();
    let history = team::history(plan_dir, period.from, period.to.min(request.today), tz);
    Ok(Gathered { folder, history })
}

/// Reads the exports folder for the days `from`..=`to`, every post of
/// them kept whole (`insights` reads its months so).
pub fn folder_between(
    exports: &Path,
    loaded: &LoadedPlan,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> std::io::Result<Folder> {
    let options = Options {
        detail: Some((from, to)),
        ..options(loaded, Some((from, to)), today)
    };
    folder::read(exports, &loaded.plan, &options)
}

/// Reads the whole exports folder, as `exports` lists it: every day of
/// every file, and every problem, with what the report sets aside once the
/// plan is known (other accounts' exports, days two exports both give, ad
/// exports in a currency the budget cannot convert).
pub fn listing(
    exports: &Path,
    loaded: &LoadedPlan,
    today: NaiveDate,
) -> std::io::Result<(Folder, Vec<Problem>)> {
    let plan = &loaded.plan;
    let folder = folder::read(exports, plan, &options(loaded, None, today))?;
    let mut problems: Vec<Problem> = folder.all_problems().cloned().collect();
    let inputs = Inputs::new(plan, &folder.imported, &folder.followers, plan.time_zone());
    problems.extend(inputs.problems.iter().cloned());
    drop(inputs);
    if let Some(budget) = &plan.budget {
        problems.extend(super::money::currency_problems(&budget.data, &folder.ads));
    }
    Ok((folder, problems))
}

/// How the platforms' exports are read for `loaded`'s plan: the days of
/// `window`, dates without a year placed before `today`.
fn options(
    loaded: &LoadedPlan,
    window: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> Options {
    let plan = &loaded.plan;
    Options {
        window,
        detail: None,
        time_zone: plan.time_zone(),
        year_anchor: today,
        date_order: plan.date_order(),
        accounts: accounts::accounts_of(plan),
        by_hand: by_hand::from_plan(plan, |file| loaded.sources.get(file).path.clone()),
    }
}
