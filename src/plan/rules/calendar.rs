//! Calendar items: each serves a goal and an audience, sits on platforms,
//! inside the plan period and in its month's file, and carries its post
//! links once published.

use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::calendar::{CalendarMonth, Status};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::dates::Month;

/// Checks one calendar month against the plan-wide files (and, given
/// `today`, its items marked published against the day).
pub(super) fn check_month(
    cx: &Context,
    file: FileId,
    month: &CalendarMonth,
    today: Option<chrono::NaiveDate>,
    out: &mut Vec<Diagnostic>,
) {
    let period = cx.plan.settings.as_ref().and_then(|s| s.data.period());
    if let Some(today) = today {
        published_in_future(file, month, today, out);
    }
    {
        let file_month = month.file_month;
        if let (Some(declared), Some(named)) = (month.month.as_ref(), file_month)
            && let Some(value) = declared.get()
            && *value != named
        {
            out.push(
                Diagnostic::new(
                    &rule::ITEM_IN_WRONG_MONTH,
                    t!("month-mismatch", named = named, value = value),
                )
                .at(Span::from_yaml(file, &declared.at))
                .help(t!("month-mismatch.help")),
            );
        }
        for item in &month.items {
            let at = span(file, &item.id);
            links_before_publishing(file, item, out);
            publish_within_hours(cx, file, item, out);
            figures_by_hand(file, item, out);
            links_of_their_platform(cx, file, item, out);
            let missing = match (item.goal.is_none(), item.audience.is_none()) {
                (true, true) => Some((
                    t!("no-purpose.both", item = &item.id.value),
                    t!("no-purpose.both.help"),
                )),
                (true, false) => Some((
                    t!("no-purpose.goal", item = &item.id.value),
                    t!("no-purpose.goal.help"),
                )),
                (false, true) => Some((
                    t!("no-purpose.audience", item = &item.id.value),
                    t!("no-purpose.audience.help"),
                )),
                (false, false) => None,
            };
            if let Some((message, help)) = missing {
                out.push(
                    Diagnostic::new(&rule::ITEM_WITHOUT_PURPOSE, message)
                        .at(at)
                        .label(t!("no-purpose.label"))
                        .help(help),
                );
            }
            if item.platforms.is_empty() {
                out.push(
                    Diagnostic::new(
                        &rule::ITEM_WITHOUT_PLATFORM,
                        t!("no-platform", item = &item.id.value),
                    )
                    .at(at)
                    .help(t!("no-platform.help")),
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
                            t!(
                                "item-outside-period",
                                item = &item.id.value,
                                date = date,
                                start = start,
                                end = end
                            ),
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
                            t!(
                                "item-wrong-month",
                                item = &item.id.value,
                                month = Month::of(date),
                                named = named
                            ),
                        )
                        .at(publish_at)
                        .help(t!("item-wrong-month.help", month = Month::of(date))),
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
                                t!(
                                    "missing-post-link",
                                    item = &item.id.value,
                                    platform = &platform.value
                                ),
                            )
                            .at(Span::from_yaml(file, &item.status.at))
                            .related(span(file, platform), t!("missing-post-link.related"))
                            .help(t!("missing-post-link.help", platform = &platform.value)),
                        );
                    }
                }
            }
            for (key, what) in item
                .text
                .keys()
                .map(|k| (k, t!("word.text")))
                .chain(item.published.keys().map(|k| (k, t!("word.post-link"))))
            {
                if !on(&key.value) {
                    out.push(
                        Diagnostic::new(
                            &rule::TEXT_FOR_OTHER_PLATFORM,
                            t!(
                                "text-for-other-platform",
                                item = &item.id.value,
                                what = what,
                                platform = &key.value
                            ),
                        )
                        .at(span(file, key))
                        .help(t!("text-for-other-platform.help", platform = &key.value)),
                    );
                }
            }
        }
    }
}

/// Figures read by hand: for a platform the item was published on, on an
/// item marked published, read on or after its publish day, with a figure.
fn figures_by_hand(
    file: FileId,
    item: &crate::plan::model::calendar::Item,
    out: &mut Vec<Diagnostic>,
) {
    let published = item.status.get() == Some(&Status::Published);
    for (platform, figures) in &item.figures {
        let problem = if !published {
            Some(t!("figures-not-published", item = &item.id.value))
        } else if !item.published.keys().any(|k| k.value == platform.value) {
            Some(t!(
                "figures-without-link",
                item = &item.id.value,
                platform = &platform.value
            ))
        } else if figures.views.is_none() && figures.interactions.is_none() {
            Some(t!(
                "figures-empty",
                item = &item.id.value,
                platform = &platform.value
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            out.push(
                Diagnostic::new(&rule::FIGURES_BY_HAND, message)
                    .at(span(file, platform))
                    .help(t!("figures-by-hand.help")),
            );
            continue;
        }
        if let (Some(read), Some(publish)) = (figures.read.get(), item.publish.get())
            && *read < publish.date()
        {
            out.push(
                Diagnostic::new(
                    &rule::FIGURES_BY_HAND,
                    t!("figures-read-before", read = read, publish = publish.date()),
                )
                .at(Span::from_yaml(file, &figures.read.at)),
            );
        }
    }
}

/// An item is planned in the publishing hours (the policies', else 06:00
/// to midnight): 03:00 is more likely 15:00 mistyped than a plan.
fn publish_within_hours(
    cx: &Context,
    file: FileId,
    item: &crate::plan::model::calendar::Item,
    out: &mut Vec<Diagnostic>,
) {
    use crate::plan::model::policies::{DEFAULT_PUBLISHING_HOURS, within_hours};
    let Some(publish) = item.publish.get() else {
        return;
    };
    let hours = cx
        .plan
        .policies
        .as_ref()
        .map_or(DEFAULT_PUBLISHING_HOURS, |p| p.data.publishing_hours());
    if within_hours(publish.time(), hours) {
        return;
    }
    let (start, end) = hours;
    out.push(
        Diagnostic::new(
            &rule::PUBLISH_OUTSIDE_HOURS,
            t!(
                "publish-outside-hours",
                item = &item.id.value,
                time = publish.format("%H:%M"),
                start = start.format("%H:%M"),
                end = end.format("%H:%M")
            ),
        )
        .at(Span::from_yaml(file, &item.publish.at))
        .help(t!("publish-outside-hours.help")),
    );
}

/// Post links on an item the calendar says is not yet written: one of the
/// two is wrong, and the report would believe the links.
fn links_before_publishing(
    file: FileId,
    item: &crate::plan::model::calendar::Item,
    out: &mut Vec<Diagnostic>,
) {
    let Some(status @ (Status::Idea | Status::Drafted)) = item.status.get() else {
        return;
    };
    let Some((platform, _)) = item.published.iter().next() else {
        return;
    };
    out.push(
        Diagnostic::new(
            &rule::LINKS_BEFORE_PUBLISHING,
            t!(
                "links-before-publishing",
                item = &item.id.value,
                status = status.as_str(),
                n = item.published.iter().count()
            ),
        )
        .at(span(file, platform))
        .related(
            Span::from_yaml(file, &item.status.at),
            t!("links-before-publishing.status"),
        )
        .help(t!("links-before-publishing.help")),
    );
}

/// An item marked `published` whose publish time is after `today`: the
/// status is ahead of the calendar, or the date is wrong.
pub(super) fn published_in_future(
    file: FileId,
    month: &CalendarMonth,
    today: chrono::NaiveDate,
    out: &mut Vec<Diagnostic>,
) {
    for item in &month.items {
        let (Some(Status::Published), Some(publish)) = (item.status.get(), item.publish.get())
        else {
            continue;
        };
        if publish.date() > today {
            out.push(
                Diagnostic::new(
                    &rule::PUBLISHED_IN_FUTURE,
                    t!(
                        "published-in-future",
                        item = &item.id.value,
                        publish = publish.format("%Y-%m-%d %H:%M"),
                        today = today
                    ),
                )
                .at(Span::from_yaml(file, &item.status.at))
                .related(
                    Span::from_yaml(file, &item.publish.at),
                    t!("published-in-future.publish"),
                )
                .help(t!("published-in-future.help")),
            );
        }
    }
}

/// Each post link must be on its platform's site: a link under
/// `whatsapp:` to x.com is a link pasted under the wrong key.
fn links_of_their_platform(
    cx: &Context,
    file: FileId,
    item: &crate::plan::model::calendar::Item,
    out: &mut Vec<Diagnostic>,
) {
    let Some(platforms) = &cx.plan.platforms else {
        return;
    };
    for (platform, link) in item.published.iter() {
        let Some(kind) = platforms
            .data
            .platforms
            .iter()
            .find(|p| p.id.value == platform.value)
            .and_then(|p| p.kind.get())
        else {
            continue;
        };
        if link.value == crate::plan::model::calendar::NO_PUBLIC_LINK || kind.owns_link(&link.value)
        {
            continue;
        }
        out.push(
            Diagnostic::new(
                &rule::LINK_OF_OTHER_PLATFORM,
                t!(
                    "link-of-other-platform",
                    link = &link.value,
                    platform = &platform.value,
                    kind = kind.as_str()
                ),
            )
            .at(span(file, link))
            .help(t!(
                "link-of-other-platform.help",
                hosts = kind.hosts().join(", ")
            )),
        );
    }
}
