//! The calendar against the exports: planned items the exports do not
//! show, items published where nothing can show them, how posts were
//! joined to the plan, and the exports' own problems.

use super::{Data, Section, titled, words};
use crate::document::{self as doc, Bi, Block};
use crate::report::{MissingItem, Report};
use crate::t;
use crate::text::i18n::{Arg, Lang, Msg};

/// A planned item the exports do not show, as one line.
fn missing_item(m: &MissingItem) -> Msg {
    t!(
        "report.missing-item",
        item = &m.item,
        platform = crate::plan::model::platforms::name_of(&m.platform),
        publish = &m.publish,
        status = status_words(&m.status),
        title = &m.title
    )
}

/// A calendar status in the reader's words (`scheduled` → «مجدولة»); as
/// written when it is none of the statuses.
fn status_words(raw: &str) -> Arg {
    use crate::plan::model::FieldValue as _;
    use crate::plan::model::calendar::Status;
    match Status::parse(raw) {
        Ok(status) => status.words().into(),
        Err(_) => raw.into(),
    }
}

fn items(list: &[MissingItem], lang: Lang) -> Block {
    Block::List(list.iter().map(|m| words(&missing_item(m), lang)).collect())
}

/// Planned placements no exported post matches.
pub(super) struct Missing;

impl Section for Missing {
    fn id(&self) -> &'static str {
        "missing"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        Some(titled(
            self.id(),
            &t!("report.heading.missing", count = r.missing_items.len()),
            lang,
            vec![items(&r.missing_items, lang)],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

/// Items the calendar says were published where no export can show them.
pub(super) struct Unverifiable;

impl Section for Unverifiable {
    fn id(&self) -> &'static str {
        "unverifiable"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        if r.unverifiable_items.is_empty() {
            return None;
        }
        Some(titled(
            self.id(),
            &t!(
                "report.heading.unverifiable",
                count = r.unverifiable_items.len()
            ),
            lang,
            vec![items(&r.unverifiable_items, lang)],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

/// How the exported posts were joined to the plan, and the platforms
/// with planned items and no post export.
pub(super) struct Joined;

impl Section for Joined {
    fn id(&self) -> &'static str {
        "joined"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let mut blocks = vec![Block::Para(words(
            &t!(
                "report.joined",
                by_link = r.joined_by_link,
                by_text = r.joined_by_text,
                by_time = r.joined_by_time
            ),
            lang,
        ))];
        if !r.platforms_without_exports.is_empty() {
            blocks.push(Block::Para(words(
                &t!(
                    "report.no-post-export",
                    platforms = crate::plan::model::platforms::names(&r.platforms_without_exports)
                ),
                lang,
            )));
        }
        Some(titled(
            self.id(),
            &t!("report.heading.joined"),
            lang,
            blocks,
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

/// What could not be read, or was read with a doubt.
pub(super) struct Problems;

impl Section for Problems {
    fn id(&self) -> &'static str {
        "problems"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        if r.problems.is_empty() {
            return None;
        }
        let problems = r
            .problems
            .iter()
            .map(|p| Bi::mixed(p.text(lang), lang))
            .collect();
        Some(titled(
            self.id(),
            &t!("report.export-problems", count = r.problems.len()),
            lang,
            vec![Block::List(problems)],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}
