//! `team.yaml`: the people who do the work and the roles they hold.

use super::fields::{Id, Text};
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub people: Vec<Person>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub roles: Vec<Id>,
    /// Hours a week this person has for the plan's tasks.
    pub hours_per_week: Option<super::fields::Located<super::fields::Number>>,
    #[schemars(with = "Option<String>")]
    pub email: Option<super::fields::Located<String>>,
}

impl Person {
    /// Hours a week this person has for the plan's tasks, when written.
    pub fn hours(&self) -> Option<f64> {
        self.hours_per_week.as_ref().map(|h| h.value.value)
    }
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

/// The result of looking a person up by what staff type.
#[derive(Debug)]
pub enum Lookup<'a> {
    Found(&'a Person),
    /// Several people match (a shared first name).
    Ambiguous(Vec<&'a Person>),
    /// Nobody matches; the closest person, if any is close.
    NotFound(Option<&'a Person>),
}

impl Team {
    /// Finds a person by id, or by name in Arabic or English — the whole
    /// name or any of its words — ignoring diacritics, tatweel, alef/hamza
    /// forms, taa marbuta/haa and letter case.
    pub fn find_person(&self, query: &str) -> Lookup<'_> {
        if let Some(person) = self.person(query.trim()) {
            return Lookup::Found(person);
        }
        let wanted = crate::text::arabic::Folded::new(query.trim());
        if wanted.is_empty() {
            return Lookup::NotFound(None);
        }
        let folded_query = crate::text::arabic::fold(query.trim());
        let exact: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| {
                p.name
                    .variants()
                    .any(|n| crate::text::arabic::fold(n) == folded_query)
            })
            .collect();
        let matches = if exact.is_empty() {
            self.people
                .iter()
                .filter(|p| {
                    p.name.variants().any(|n| {
                        crate::text::arabic::Folded::new(n)
                            .find_word(&wanted)
                            .is_some()
                    })
                })
                .collect()
        } else {
            exact
        };
        match matches.len() {
            1 => Lookup::Found(matches[0]),
            0 => {
                let mut candidates: Vec<(String, &Person)> = Vec::new();
                for p in &self.people {
                    candidates.push((p.id.value.clone(), p));
                    for name in p.name.variants() {
                        candidates.push((crate::text::arabic::fold(name), p));
                        for word in name.split_whitespace() {
                            candidates.push((crate::text::arabic::fold(word), p));
                        }
                    }
                }
                let near = crate::plan::diagnostic::closest(
                    &crate::text::arabic::fold(query.trim()),
                    candidates.iter().map(|(c, _)| c.as_str()),
                );
                Lookup::NotFound(
                    near.and_then(|n| candidates.iter().find(|(c, _)| c == n).map(|(_, p)| *p)),
                )
            }
            _ => Lookup::Ambiguous(matches),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Team {
        serde_saphyr::from_str(
            "people:\n  - {id: sara, name: {ar: سارة العتيبي, en: Sara Al-Otaibi}}\n  - {id: ahmad, name: {ar: أحمد الغامدي, en: Ahmad Al-Ghamdi}}\n  - {id: sara2, name: {ar: سارة الشهري}}\n",
        )
        .unwrap()
    }

    fn found<'a>(lookup: &Lookup<'a>) -> Option<&'a str> {
        match lookup {
            Lookup::Found(p) => Some(p.id.value.as_str()),
            _ => None,
        }
    }

    #[test]
    fn finds_people_by_id_and_by_arabic_name_in_any_spelling() {
        let team = team();
        assert_eq!(found(&team.find_person("ahmad")), Some("ahmad"));
        assert_eq!(found(&team.find_person("احمد")), Some("ahmad"));
        assert_eq!(found(&team.find_person("أحمـــد الغامدي")), Some("ahmad"));
        assert_eq!(found(&team.find_person("سارة العتيبى")), Some("sara"));
        assert_eq!(found(&team.find_person("ساره العتيبي")), Some("sara"));
        assert_eq!(found(&team.find_person("al-otaibi")), Some("sara"));
    }

    #[test]
    fn a_shared_first_name_is_ambiguous_and_a_near_miss_is_suggested() {
        let team = team();
        assert!(matches!(team.find_person("سارة"), Lookup::Ambiguous(ref v) if v.len() == 2));
        match team.find_person("ahmed") {
            Lookup::NotFound(Some(p)) => assert_eq!(p.id.value, "ahmad"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(team.find_person("zzz"), Lookup::NotFound(None)));
    }
}
