//! `team.yaml`: the people who do the work and the roles they hold.

use super::fields::{Id, Text};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub people: Vec<Person>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub roles: Vec<Id>,
    /// Hours a week this person has for the plan's tasks.
    pub hours_per_week: Option<f64>,
    pub email: Option<String>,
}

impl Team {
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id.value == id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id.value == id)
    }

    /// People holding `role`, in file order.
    pub fn members(&self, role: &str) -> impl Iterator<Item = &Person> {
        let role = role.to_string();
        self.people
            .iter()
            .filter(move |p| p.roles.iter().any(|r| r.value == role))
    }
}
