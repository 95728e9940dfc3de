//! What staff type to name a calendar item or a process step: its id, or
//! its title or name in Arabic or English, compared as `tasks --owner`
//! compares names (diacritics, tatweel, letter forms and case ignored).

use super::edit::Refused;
use super::model::Plan;
use super::model::calendar::Item;
use super::model::fields::Text;
use super::model::process::Step;
use crate::t;
use crate::text::arabic::fold;

/// The item `query` names: its id, else the one item whose title it is.
/// Several items of one title (a weekly post) are named with their days,
/// so that the id can be given instead.
pub fn item<'p>(plan: &'p Plan, query: &str) -> Result<&'p Item, Refused> {
    let query = query.trim();
    let items: Vec<&Item> = plan.items().map(|(_, i)| i).collect();
    if let Some(item) = items.iter().find(|i| i.id.value == query) {
        return Ok(item);
    }
    let titled: Vec<&Item> = items
        .iter()
        .copied()
        .filter(|i| named(&i.title, query))
        .collect();
    match titled.as_slice() {
        [one] => Ok(one),
        [] => Err(Refused::Said(t!("publish.unknown-item", item = query))),
        several => {
            let ids: Vec<String> = several
                .iter()
                .map(|i| match i.publish.get() {
                    Some(at) => format!("{} ({})", i.id.value, at.format("%Y-%m-%d")),
                    None => i.id.value.clone(),
                })
                .collect();
            Err(Refused::Said(t!(
                "lookup.ambiguous-item",
                item = query,
                items = ids.join(", ")
            )))
        }
    }
}

/// The process step `query` names: its id, else the one step of that name.
pub fn step<'p>(plan: &'p Plan, query: &str) -> Result<&'p Step, Refused> {
    let query = query.trim();
    let steps: Vec<&Step> = plan.process.iter().flat_map(|p| p.data.steps()).collect();
    if let Some(step) = steps.iter().find(|s| s.id.value == query) {
        return Ok(step);
    }
    let named: Vec<&Step> = steps
        .iter()
        .copied()
        .filter(|s| named(&s.name, query))
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        _ => Err(Refused::Said(t!(
            "lookup.unknown-step",
            step = query,
            steps = steps
                .iter()
                .map(|s| s.id.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Whether `query` is `text` in one of its languages, as people type it.
fn named(text: &Text, query: &str) -> bool {
    let wanted = fold(query);
    !wanted.is_empty() && text.variants().any(|v| fold(v) == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::plan::load::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/recording-plan"),
        )
        .unwrap()
        .plan
    }

    #[test]
    fn an_item_by_its_id_or_its_title_as_typed() {
        let plan = plan();
        assert_eq!(item(&plan, "donor-story").unwrap().id.value, "donor-story");
        // Typed without its shadda.
        let typed = "حملة وقف المصحف المعلم";
        assert_eq!(item(&plan, typed).unwrap().id.value, "mushaf-endowment");
        let Err(Refused::Said(several)) = item(&plan, "حصاد الأسبوع: أرقام الحفظ في الحلقات")
        else {
            panic!("a weekly title names several items");
        };
        let said = several.text(crate::text::i18n::Lang::En);
        assert!(
            said.contains("weekly-hifz-stats-nov (2026-11-02)"),
            "{said}"
        );
        assert!(item(&plan, "no-such-item").is_err());
    }

    #[test]
    fn a_step_by_its_id_or_its_name_in_either_language() {
        let plan = plan();
        assert_eq!(
            step(&plan, "review-content").unwrap().id.value,
            "review-content"
        );
        assert_eq!(
            step(&plan, "مراجعة المحتوى واعتماده").unwrap().id.value,
            "review-content"
        );
        assert_eq!(
            step(&plan, "design the visuals").unwrap().id.value,
            "design-visuals"
        );
        assert!(step(&plan, "review").is_err());
    }
}
