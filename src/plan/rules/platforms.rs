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
        if !(0.0..=100.0).contains(&p.focus.value) {
            out.push(
                Diagnostic::new(
                    &rule::FOCUS_SUM,
                    t!("focus-not-percentage", value = number(p.focus.value)),
                )
                .at(Span::from_yaml(platforms.file, &p.focus.referenced))
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
                Span::from_yaml(platforms.file, &p.focus.referenced),
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
