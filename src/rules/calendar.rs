//! Calendar items: each serves a goal and an audience, sits on platforms,
//! inside the plan period and in its month's file, and carries its post
//! links once published.

use super::{Context, span};
use crate::dates::Month;
use crate::diagnostic::{Diagnostic, Span};
use crate::model::calendar::Status;
use crate::rules::catalog as rule;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let period = plan.settings.as_ref().and_then(|s| s.data.period());
    for month in &plan.months {
        let file = month.file;
        let file_month = month.data.file_month;
        if let (Some(declared), Some(named)) = (month.data.month.as_ref(), file_month)
            && let Some(value) = declared.get()
            && *value != named
        {
            out.push(
                Diagnostic::new(
                    &rule::ITEM_IN_WRONG_MONTH,
                    format!("this file is named for {named} but says `month: {value}`"),
                )
                .at(Span::from_yaml(file, &declared.at))
                .help("rename the file or correct the month"),
            );
        }
        for item in &month.data.items {
            let at = span(file, &item.id);
            let mut missing = Vec::new();
            if item.goal.is_none() {
                missing.push("goal");
            }
            if item.audience.is_none() {
                missing.push("audience");
            }
            if !missing.is_empty() {
                let what = missing.join(" and no ");
                out.push(
                    Diagnostic::new(
                        &rule::ITEM_WITHOUT_PURPOSE,
                        format!("item `{}` has no {what}", item.id.value),
                    )
                    .at(at)
                    .label("content must be directed at a goal and an audience")
                    .help(format!(
                        "add {}",
                        missing
                            .iter()
                            .map(|m| format!("`{m}:`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    )),
                );
            }
            if item.platforms.is_empty() {
                out.push(
                    Diagnostic::new(&rule::ITEM_WITHOUT_PLATFORM, format!("item `{}` is planned on no platform", item.id.value))
                        .at(at)
                        .help("list the platform ids it will be published on, e.g. `platforms: [x, instagram]`"),
                );
            }
            if let Some(publish) = item.publish.get() {
                let publish_at = Span::from_yaml(file, &item.publish.at);
                let date = publish.date();
                if let Some((start, end)) = period
                    && (date < start || date > end)
                {
                    out.push(
                            Diagnostic::new(
                                &rule::ITEM_OUTSIDE_PERIOD,
                                format!("item `{}` is published on {date}, outside the plan period {start} – {end}", item.id.value),
                            )
                            .at(publish_at),
                        );
                }
                if let Some(named) = file_month
                    && Month::of(date) != named
                {
                    out.push(
                        Diagnostic::new(
                            &rule::ITEM_IN_WRONG_MONTH,
                            format!(
                                "item `{}` is published in {} but filed under {named}",
                                item.id.value,
                                Month::of(date)
                            ),
                        )
                        .at(publish_at)
                        .help(format!("move it to `calendar/{}.yaml`", Month::of(date))),
                    );
                }
            }
            let on = |id: &str| item.platforms.iter().any(|p| p.value == id);
            if item.status.get() == Some(&Status::Published) {
                for platform in &item.platforms {
                    if !item.published.keys().any(|k| k.value == platform.value) {
                        out.push(
                            Diagnostic::new(
                                &rule::MISSING_POST_LINK,
                                format!("item `{}` is published but has no post link for `{}`", item.id.value, platform.value),
                            )
                            .at(Span::from_yaml(file, &item.status.at))
                            .related(span(file, platform), "planned on this platform")
                            .help(format!("add `published: {{{}: <link to the post>}}`; the report joins exports to the plan through it", platform.value)),
                        );
                    }
                }
            }
            for (key, what) in item
                .text
                .keys()
                .map(|k| (k, "text"))
                .chain(item.published.keys().map(|k| (k, "a post link")))
            {
                if !on(&key.value) {
                    out.push(
                        Diagnostic::new(
                            &rule::TEXT_FOR_OTHER_PLATFORM,
                            format!(
                                "item `{}` has {what} for `{}`, which it is not planned on",
                                item.id.value, key.value
                            ),
                        )
                        .at(span(file, key))
                        .help(format!(
                            "add `{}` to the item's platforms, or remove this entry",
                            key.value
                        )),
                    );
                }
            }
        }
    }
}
