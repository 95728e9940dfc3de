//! `khairukum publish`: settings resolved from the arguments, then the
//! publication checked and written in the item's month (or shown as a diff).

use super::args::PublishArgs;
use super::error::{Error, Result};
use khairukum::plan::publish::{self, Publication};
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

pub(crate) struct PublishSettings {
    plan: PathBuf,
    publication: Publication,
    dry_run: bool,
    lang: Lang,
}

impl PublishSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &PublishArgs) -> Result<Self> {
        if args.platform.len() != args.link.len() {
            return Err(Error::Usage(
                khairukum::t!("usage.publish-pairs").text(lang),
            ));
        }
        let links = args
            .platform
            .iter()
            .zip(&args.link)
            .map(|(p, l)| (p.trim().to_string(), l.trim().to_string()))
            .collect();
        Ok(PublishSettings {
            plan,
            publication: Publication {
                item: args.item.trim().to_string(),
                links,
            },
            dry_run: args.dry_run,
            lang,
        })
    }
}

pub(crate) fn run(settings: &PublishSettings) -> Result<u8> {
    super::record::record(
        &settings.plan,
        publish::plan_edit(&settings.plan, &settings.publication),
        (settings.dry_run, settings.lang),
        |file| khairukum::t!("publish.written", file = file),
    )
}
