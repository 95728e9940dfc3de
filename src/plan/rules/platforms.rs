//! Platform focus shares add up to 100.

use super::{Context, number, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::rules::catalog as rule;
use crate::t;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(platforms) = &cx.plan.platforms else {
        return;
    };
    let list = &platforms.data.platforms;
    if list.is_empty() {
        return;
    }
    let mut total = 0.0;
    for p in list {
        if let Some(kind) = p.kind.get()
            && !kind.handle_fits(&p.handle.value)
        {
            let help = match kind.username_rule() {
                Some((length, others)) => t!(
                    "handle-not-valid.help",
                    min = *length.start(),
                    max = *length.end(),
                    others = others
                ),
                None => t!("handle-empty.help"),
            };
            out.push(
                Diagnostic::new(
                    &rule::CONTACT_NOT_VALID,
                    t!(
                        "handle-not-valid",
                        handle = &p.handle.value,
                        kind = kind.as_str()
                    ),
                )
                .at(span(platforms.file, &p.handle))
                .help(help),
            );
        }
        if !(0.0..=100.0).contains(&p.focus.value) {
            out.push(
                Diagnostic::new(
                    &rule::FOCUS_SUM,
                    t!("focus-not-percentage", value = number(p.focus.value)),
                )
                .at(Span::from_yaml(platforms.file, &p.focus.at))
                .help(t!("focus-not-percentage.help")),
            );
        }
        total += p.focus.value;
    }
    if (total - 100.0).abs() > 0.01 {
        let shares: Vec<String> = list
            .iter()
            .map(|p| format!("{} {}", p.id.value, number(p.focus.value)))
            .collect();
        let mut d = Diagnostic::new(&rule::FOCUS_SUM, t!("focus-sum", total = number(total)))
            .at(span(platforms.file, &list[0].id))
            .help(t!("focus-sum.help", shares = shares.join(" + ")));
        for p in list.iter().skip(1) {
            d = d.related(
                Span::from_yaml(platforms.file, &p.focus.at),
                t!(
                    "focus-share",
                    platform = &p.id.value,
                    value = number(p.focus.value)
                ),
            );
        }
        out.push(d);
    }
}

/// A team member's email must be an address: one `@`, a domain with a dot,
/// no spaces.
pub(super) fn emails(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(team) = &cx.plan.team else { return };
    for person in &team.data.people {
        let Some(email) = &person.email else { continue };
        let valid = match email.value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.split('.').count() >= 2
                    && domain.split('.').all(|part| !part.is_empty())
                    && !email.value.chars().any(char::is_whitespace)
            }
            None => false,
        };
        if !valid {
            out.push(
                Diagnostic::new(
                    &rule::CONTACT_NOT_VALID,
                    t!(
                        "email-not-valid",
                        email = &email.value,
                        person = &person.id.value
                    ),
                )
                .at(span(team.file, email))
                .help(t!("email-not-valid.help")),
            );
        }
    }
}
