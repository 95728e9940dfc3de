//! A post's text against its platform and the publishing policy: length
//! (X weighted), number of hashtags, banned words.

use super::span;
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::Plan;
use crate::plan::model::calendar::CalendarMonth;
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::arabic;
use crate::text::post_text;

/// Checks the texts of one calendar month; needs only the plan-wide files,
/// so it can run as soon as the month is read.
pub(super) fn check_month(
    plan: &Plan,
    file: FileId,
    month: &CalendarMonth,
    out: &mut Vec<Diagnostic>,
) {
    let Some(platforms) = &plan.platforms else {
        return;
    };
    let policies = plan.policies.as_ref();
    let max_hashtags = policies
        .and_then(|p| p.data.hashtags.as_ref())
        .and_then(|h| h.max_per_post.as_ref());
    let banned: Vec<_> = policies
        .map_or(&[][..], |p| p.data.banned_words.as_slice())
        .iter()
        .map(|w| (w, arabic::Folded::new(&w.value)))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    {
        for item in &month.items {
            for (platform_id, text) in &item.text {
                let Some(platform) = platforms.data.get(&platform_id.value) else {
                    continue;
                };
                let Some(kind) = platform.kind.get() else {
                    continue;
                };
                let at = span(file, text);
                let override_limit = policies.and_then(|p| {
                    p.data
                        .text_limits
                        .iter()
                        .find(|(k, _)| k.value == platform.id.value)
                        .or_else(|| {
                            p.data
                                .text_limits
                                .iter()
                                .find(|(k, _)| k.value == kind.as_str())
                        })
                        .map(|(k, v)| (v.value as usize, span(p.file, k)))
                });
                let limit = override_limit.map_or(kind.text_limit(), |(l, _)| l);
                let length = if post_text::surely_within(kind.counting(), &text.value, limit) {
                    0
                } else {
                    post_text::length(kind.counting(), &text.value)
                };
                if length > limit {
                    let count = |n: usize| {
                        if *kind == crate::plan::model::platforms::PlatformKind::X {
                            t!("count.weighted-character", n = n)
                        } else {
                            t!("count.character", n = n)
                        }
                    };
                    let mut d = Diagnostic::new(
                        &rule::TEXT_TOO_LONG,
                        t!(
                            "text-too-long",
                            platform = &platform.id.value,
                            item = &item.id.value,
                            length = count(length),
                            limit = limit
                        ),
                    )
                    .at(at)
                    .label(t!("text-too-long.label", over = length - limit))
                    .help(t!("text-too-long.help", over = count(length - limit)));
                    if let Some((_, policy_at)) = override_limit {
                        d = d.related(policy_at, t!("text-too-long.related"));
                    }
                    out.push(d);
                }
                if let (Some(max), Some(policy)) = (max_hashtags, policies)
                    && !post_text::surely_few_hashtags(&text.value, max.value as usize)
                {
                    let tags = post_text::hashtags(&text.value);
                    if tags.len() > max.value as usize {
                        out.push(
                            Diagnostic::new(
                                &rule::TOO_MANY_HASHTAGS,
                                t!(
                                    "too-many-hashtags",
                                    platform = &platform.id.value,
                                    item = &item.id.value,
                                    count = tags.len(),
                                    max = max.value
                                ),
                            )
                            .at(at)
                            .related(
                                Span::from_yaml(policy.file, &max.at),
                                t!("too-many-hashtags.related"),
                            )
                            .help(t!(
                                "too-many-hashtags.help",
                                tags = tags
                                    .iter()
                                    .map(|t| format!("#{t}"))
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            )),
                        );
                    }
                }
                let folded = (!banned.is_empty()).then(|| arabic::Folded::new(&text.value));
                for (word, folded_word) in &banned {
                    if folded
                        .as_ref()
                        .and_then(|f| f.find_word(folded_word))
                        .is_some()
                    {
                        let policy = policies.expect("banned words come from the policy");
                        out.push(
                            Diagnostic::new(
                                &rule::BANNED_WORD,
                                t!(
                                    "banned-word",
                                    platform = &platform.id.value,
                                    item = &item.id.value,
                                    word = &word.value
                                ),
                            )
                            .at(at)
                            .related(span(policy.file, word), t!("banned-word.related"))
                            .help(t!("banned-word.help")),
                        );
                    }
                }
            }
        }
    }
}
