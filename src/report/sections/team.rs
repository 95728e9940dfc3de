//! The team's tasks due in the period: per person, per process step, and
//! where the done times come from.

use super::{Data, Section, columns, titled, words};
use crate::document::number::{self, MISSING};
use crate::document::{self as doc, Block, Cell, Table};
use crate::report::Report;
use crate::report::team::{PersonTasks, StepTimes, TeamReview};
use crate::t;
use crate::text::i18n::{Lang, Msg};

pub(super) struct Team;

impl Section for Team {
    fn id(&self) -> &'static str {
        "team"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let team = &r.team;
        if team.people.is_empty() {
            return None;
        }
        let people = Table {
            columns: columns(
                &[
                    t!("report.team.col.person"),
                    t!("report.team.col.due"),
                    t!("report.team.col.on-time"),
                    t!("report.team.col.late"),
                    t!("report.team.col.undated"),
                    t!("report.team.col.overdue"),
                    t!("report.team.col.not-yet-due"),
                ],
                lang,
            ),
            rows: team.people.iter().map(|p| person_row(p, lang)).collect(),
        };
        let steps = Table {
            columns: columns(
                &[
                    t!("report.team.col.step"),
                    t!("report.team.col.done"),
                    t!("report.team.col.on-time"),
                    t!("report.team.col.median"),
                ],
                lang,
            ),
            rows: team.steps.iter().map(|s| step_row(s, lang)).collect(),
        };
        Some(titled(
            self.id(),
            &t!("report.team"),
            lang,
            vec![
                Block::Table(people),
                Block::Table(steps),
                Block::Para(words(&source(team), lang)),
            ],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

#[allow(clippy::cast_precision_loss)]
fn counted(n: usize) -> Cell {
    Cell::number(n.to_string(), Some(n as f64))
}

fn person_row(p: &PersonTasks, lang: Lang) -> Vec<Cell> {
    let name = p.name.in_lang(lang);
    let who = if p.person.is_empty() {
        t!("report.team.nobody").text(lang)
    } else if name.is_empty() {
        p.person.clone()
    } else {
        name.to_string()
    };
    vec![
        Cell::words(who),
        counted(p.due),
        counted(p.on_time),
        counted(p.late),
        counted(p.undated),
        counted(p.overdue),
        counted(p.not_yet_due),
    ]
}

fn step_row(s: &StepTimes, lang: Lang) -> Vec<Cell> {
    let median = s.median_days.map_or_else(
        || MISSING.into(),
        |d| t!("unit.days", value = number::signed(d, 1)).text(lang),
    );
    vec![
        Cell::words(s.name.in_lang(lang)),
        counted(s.done),
        counted(s.on_time),
        Cell::number(median, s.median_days),
    ]
}

/// Where the done times come from: recorded in the plan, the plan's
/// history, or neither.
fn source(team: &TeamReview) -> Msg {
    let history = match team.commits {
        Some(n) if team.times_recorded > 0 => t!("report.team.others-from-history", n = n),
        Some(n) => t!("report.team.from-history", n = n),
        None if team.history_unreadable => t!("report.team.history-unreadable"),
        None => t!("report.team.no-history"),
    };
    match (team.times_recorded, team.times_from_history) {
        (0, _) => history,
        (n, 0) if team.commits.is_some() => t!("report.team.all-recorded", n = n),
        (n, _) => t!("report.team.recorded", n = n, history = history),
    }
}
