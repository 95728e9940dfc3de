//! A month of the content calendar as a grid: each day with its Gregorian
//! and Hijri numbers, the occasions on it and the items planned for it.

use crate::document::grid::{Grid, GridDay};
use crate::plan::model::Plan;
use crate::plan::model::calendar::{Item, Status};
use crate::plan::occasions::Occurrence;
use crate::text::dates::{Month, hijri_month_name, to_hijri, weekday_name};
use crate::text::i18n::Lang;
use chrono::{Datelike as _, NaiveDate, TimeDelta};
use std::collections::BTreeMap;

/// An occasion longer than this is named on its first day (and on the
/// month's first day) only, not on each of its days.
const NAMED_EACH_DAY: i64 = 4;

/// `month` of the plan's calendar as a grid, in `lang`.
pub fn month(plan: &Plan, month: Month, lang: Lang) -> Grid {
    let week_start = plan.week_start();
    let weekdays = std::iter::successors(Some(week_start), |d| Some(d.succ()))
        .take(7)
        .map(|d| weekday_name(d).text(lang))
        .collect();
    let (first, last) = (month.first_day(), month.last_day());
    let occurrences = super::list(plan, first, last, false);
    // The month's items by day, read once for the whole grid.
    let mut by_day: BTreeMap<NaiveDate, Vec<&Item>> = BTreeMap::new();
    for (_, item) in plan.items() {
        let Some(publish) = item.publish.get() else {
            continue;
        };
        if item.status.get() != Some(&Status::Cancelled) && (first..=last).contains(&publish.date())
        {
            by_day.entry(publish.date()).or_default().push(item);
        }
    }
    let mut weeks = Vec::new();
    let mut day = first - TimeDelta::days(i64::from(first.weekday().days_since(week_start)));
    while day <= last {
        let mut week: [Option<GridDay>; 7] = Default::default();
        for cell in &mut week {
            if day >= first && day <= last {
                let items = by_day.remove(&day).unwrap_or_default();
                *cell = Some(grid_day(day, day == first, &occurrences, items, lang));
            }
            day += TimeDelta::days(1);
        }
        weeks.push(week);
    }
    Grid { weekdays, weeks }
}

fn grid_day(
    day: NaiveDate,
    first_of_month: bool,
    listed: &[super::Listed],
    mut items: Vec<&Item>,
    lang: Lang,
) -> GridDay {
    let hijri = to_hijri(day).map_or_else(String::new, |h| {
        if h.day == 1 || first_of_month {
            format!(
                "{} {}",
                h.day,
                hijri_month_name(u32::from(h.month)).text(lang)
            )
        } else {
            h.day.to_string()
        }
    });
    let occasions = listed
        .iter()
        .map(|l| &l.occurrence)
        .filter(|o| named_on(o, day, first_of_month))
        .map(|o| o.definition.name(lang).to_string())
        .collect();
    items.sort_by_key(|i| i.publish.get().copied());
    GridDay {
        day: day.day(),
        hijri,
        occasions,
        entries: items
            .iter()
            .map(|i| i.title.in_lang(lang).to_string())
            .collect(),
    }
}

/// Whether `occurrence` is named on `day`: each of its days when it is
/// short, else its first day and the month's first.
fn named_on(occurrence: &Occurrence, day: NaiveDate, first_of_month: bool) -> bool {
    let length = (occurrence.end - occurrence.start).num_days() + 1;
    occurrence.contains(day)
        && (length <= NAMED_EACH_DAY || day == occurrence.start || first_of_month)
}

/// `month` as a document: the grid, then the month's occasions named in
/// full with their days (the grid's cells cut long names).
pub fn document(plan: &Plan, month: Month, lang: Lang) -> crate::document::Document {
    use crate::document::{Bi, Block, Document, Section};
    let (first, last) = (month.first_day(), month.last_day());
    let hijri = |day: NaiveDate| {
        to_hijri(day).map_or_else(String::new, |h| {
            format!(
                "{} {}",
                hijri_month_name(u32::from(h.month)).text(lang),
                h.year
            )
        })
    };
    let span = if hijri(first) == hijri(last) {
        hijri(first)
    } else {
        format!("{} – {}", hijri(first), hijri(last))
    };
    let title = crate::t!("almanac.grid.title", month = month, hijri = span).text(lang);
    let mut blocks = vec![Block::Grid(self::month(plan, month, lang))];
    let listed = super::list(plan, first, last, false);
    if !listed.is_empty() {
        blocks.push(Block::Heading(Bi::words(
            crate::t!("almanac.grid.occasions").text(lang),
        )));
        blocks.push(Block::List(
            listed.iter().map(|l| occasion_line(l, lang)).collect(),
        ));
    }
    Document {
        lang,
        page_title: title.clone(),
        title: Bi::words(title),
        subtitle: Vec::new(),
        contents: false,
        sections: vec![Section::new(
            "calendar",
            crate::t!("almanac.grid.section").text(lang),
            blocks,
        )],
        footer: Vec::new(),
    }
}

/// `Ramadan (ramadan-1448): 2027-02-08 – 2027-03-08, 2 items planned`.
fn occasion_line(listed: &super::Listed, lang: Lang) -> crate::document::Bi {
    let o = &listed.occurrence;
    crate::document::Bi::words(
        crate::t!(
            "almanac.grid.occasion",
            name = o.definition.name(lang),
            key = o.key(),
            start = o.start,
            end = o.end,
            n = listed.items.len()
        )
        .text(lang),
    )
}
