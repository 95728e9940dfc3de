//! Choosing which tasks to show: by person, role, step, platform, goal,
//! state and date range. Filters combine (all must hold).

use super::State;
use crate::plan::model::Plan;
use crate::plan::model::process::Owner;
use crate::plan::tasks::Task;
use crate::t;
use chrono::NaiveDate;

/// Which states to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StateFilter {
    /// Open, overdue and blocked: the work still to do.
    #[default]
    NotDone,
    Only(State),
    All,
}

/// What to list. Ids are checked against the plan by [`Filter::check`].
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A person's id.
    pub person: Option<String>,
    pub role: Option<String>,
    pub step: Option<String>,
    pub platform: Option<String>,
    pub goal: Option<String>,
    pub state: StateFilter,
    /// Due on or after this day.
    pub from: Option<NaiveDate>,
    /// Due on or before this day.
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// Refuses ids the plan does not have, suggesting a near miss.
    pub fn check(&self, plan: &Plan) -> Result<(), crate::text::i18n::Msg> {
        let team = plan.team.as_ref().map(|t| &t.data);
        let roles: Vec<&str> = team.map_or(Vec::new(), |t| {
            t.roles.iter().map(|r| r.id.value.as_str()).collect()
        });
        let steps: Vec<&str> = plan.process.as_ref().map_or(Vec::new(), |p| {
            p.data.steps().map(|s| s.id.value.as_str()).collect()
        });
        let platforms: Vec<&str> = plan.platforms.as_ref().map_or(Vec::new(), |p| {
            p.data
                .platforms
                .iter()
                .map(|p| p.id.value.as_str())
                .collect()
        });
        let goals: Vec<&str> = plan.goals.as_ref().map_or(Vec::new(), |g| {
            g.data.goals.iter().map(|g| g.id.value.as_str()).collect()
        });
        for (value, known, noun, nouns) in [
            (
                &self.role,
                &roles,
                t!("filter.noun.role"),
                t!("filter.nouns.role"),
            ),
            (
                &self.step,
                &steps,
                t!("filter.noun.step"),
                t!("filter.nouns.step"),
            ),
            (
                &self.platform,
                &platforms,
                t!("filter.noun.platform"),
                t!("filter.nouns.platform"),
            ),
            (
                &self.goal,
                &goals,
                t!("filter.noun.goal"),
                t!("filter.nouns.goal"),
            ),
        ] {
            if let Some(value) = value
                && !known.contains(&value.as_str())
            {
                let hint = crate::plan::diagnostic::did_you_mean(value, known.iter().copied())
                    .unwrap_or_else(|| t!("filter.known", nouns = nouns, ids = known.join(", ")));
                return Err(t!(
                    "filter.unknown",
                    noun = noun,
                    value = value,
                    hint = hint
                ));
            }
        }
        Ok(())
    }

    fn keeps(&self, plan: &Plan, task: &Task, state: State) -> bool {
        let wanted_state = match self.state {
            StateFilter::NotDone => state != State::Done,
            StateFilter::Only(s) => state == s,
            StateFilter::All => true,
        };
        let date = task.due.date();
        wanted_state
            && self.from.is_none_or(|from| date >= from)
            && self.to.is_none_or(|to| date <= to)
            && self
                .person
                .as_deref()
                .is_none_or(|p| task.assignee == Some(p))
            && self.step.as_deref().is_none_or(|s| task.step_id() == s)
            && self.platform.as_deref().is_none_or(|p| {
                task.item
                    .is_some_and(|i| i.platforms.iter().any(|q| q.value == p))
            })
            && self.goal.as_deref().is_none_or(|g| {
                task.item
                    .is_some_and(|i| i.goal.as_ref().is_some_and(|q| q.value == g))
            })
            && self
                .role
                .as_deref()
                .is_none_or(|role| owned_by_role(plan, task, role))
    }

    /// Indices of the tasks to show, in display order: by due time, with
    /// overdue work first when listing what is still to do.
    pub fn select(&self, plan: &Plan, tasks: &[Task], states: &[State]) -> Vec<usize> {
        let mut chosen: Vec<usize> = (0..tasks.len())
            .filter(|&i| self.keeps(plan, &tasks[i], states[i]))
            .collect();
        if self.state == StateFilter::NotDone {
            chosen.sort_by_key(|&i| states[i] != State::Overdue);
        }
        chosen
    }
}

/// A step owned by the role, or by a person who holds it.
fn owned_by_role(plan: &Plan, task: &Task, role: &str) -> bool {
    match Owner::parse(&task.step.owner.value) {
        Owner::Role(r) => r == role,
        Owner::Person(p) => plan
            .team
            .as_ref()
            .and_then(|t| t.data.person(p))
            .is_some_and(|p| p.roles.iter().any(|r| r.value == role)),
    }
}
