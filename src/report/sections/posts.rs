//! Posts by name: the month's top posts and what they served, and the
//! posts no planned item accounts for.

use super::{Data, Section, columns, titled};
use crate::document::number::count;
use crate::document::{self as doc, Bi, Block, Cell, Table};
use crate::report::{PostRef, Report};
use crate::t;
use crate::text::i18n::Lang;

/// The posts with the most engagements.
pub(super) struct TopPosts;

impl Section for TopPosts {
    fn id(&self) -> &'static str {
        "top-posts"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        if r.top_posts.is_empty() {
            return None;
        }
        #[allow(clippy::cast_precision_loss)]
        let figure = |v: Option<i64>| Cell::number(count(v, lang), v.map(|v| v as f64));
        let rows = r
            .top_posts
            .iter()
            .map(|p| {
                let post = p.planned.as_ref().map_or_else(
                    || p.url.as_deref().unwrap_or(&p.id).to_string(),
                    |planned| planned.title.clone(),
                );
                vec![
                    Cell::code(&*p.platform),
                    p.date
                        .map_or_else(|| Cell::Missing { why: None }, |d| Cell::date(d, lang)),
                    Cell::words(post),
                    Cell::words(served(r, p, lang)),
                    figure(p.impressions),
                    figure(p.engagements),
                ]
            })
            .collect();
        let table = Table {
            columns: columns(
                &[
                    t!("report.col.platform"),
                    t!("report.col.date"),
                    t!("report.col.post"),
                    t!("report.col.goal"),
                    t!("report.col.impressions"),
                    t!("report.col.engagements"),
                ],
                lang,
            ),
            rows,
        };
        Some(titled(
            self.id(),
            &t!("report.top-posts"),
            lang,
            vec![Block::Table(table)],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

/// What a post served, in `lang`: its goal's name (the id when the
/// scorecard does not name it), or that it is not in the plan.
fn served(r: &Report, post: &PostRef, lang: Lang) -> String {
    match post.planned.as_ref().and_then(|p| p.goal.as_ref()) {
        Some(id) => r
            .kpis
            .iter()
            .find(|k| &k.goal == id)
            .map(|k| k.goal_name.in_lang(lang))
            .filter(|name| !name.is_empty())
            .map_or_else(|| id.clone(), str::to_string),
        None => t!("report.not-in-plan").text(lang),
    }
}

/// Posts the exports show that no planned item accounts for.
pub(super) struct Unplanned;

impl Section for Unplanned {
    fn id(&self) -> &'static str {
        "unplanned"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let posts = r
            .unplanned_posts
            .iter()
            .map(|p| {
                Bi::code(format!(
                    "{} {} {}  [{}]",
                    p.platform,
                    p.date.map_or_else(|| "?".to_string(), |d| d.to_string()),
                    p.url.as_deref().unwrap_or(&p.id),
                    p.source
                ))
            })
            .collect();
        Some(titled(
            self.id(),
            &t!("report.heading.unplanned", count = r.unplanned_posts.len()),
            lang,
            vec![Block::List(posts)],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}
