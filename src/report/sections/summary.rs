//! The sentences the report opens with.

use super::{Section, titled};
use crate::document::{self as doc, Bi, Block};
use crate::report::Report;
use crate::t;
use crate::text::i18n::Lang;

pub(super) struct Summary;

impl Section for Summary {
    fn id(&self) -> &'static str {
        "summary"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        if r.summary.is_empty() {
            return None;
        }
        let sentences = r.summary.iter().map(|s| Bi::words(s.text(lang))).collect();
        Some(titled(
            self.id(),
            &t!("report.summary"),
            lang,
            vec![Block::List(sentences)],
        ))
    }

    fn data(&self, _: &Report) -> super::Data {
        super::Data::InReport(Vec::new())
    }
}
