//! Platform focus shares add up to 100.

use super::{Context, number, span};
use crate::diagnostic::{Diagnostic, Span};
use crate::rules::catalog as rule;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
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
                    format!("focus share {} is not a percentage", number(p.focus.value)),
                )
                .at(Span::from_yaml(platforms.file, &p.focus.referenced))
                .help("a focus share is a percentage between 0 and 100"),
            );
        }
        total += p.focus.value;
    }
    if (total - 100.0).abs() > 0.01 {
        let shares: Vec<String> = list
            .iter()
            .map(|p| format!("{} {}", p.id.value, number(p.focus.value)))
            .collect();
        let mut d = Diagnostic::new(
            &rule::FOCUS_SUM,
            format!("platform focus shares add up to {}, not 100", number(total)),
        )
        .at(span(platforms.file, &list[0].id))
        .help(format!(
            "shares: {}; adjust them so they total 100",
            shares.join(" + ")
        ));
        for p in list.iter().skip(1) {
            d = d.related(
                Span::from_yaml(platforms.file, &p.focus.referenced),
                format!("{}: {}", p.id.value, number(p.focus.value)),
            );
        }
        out.push(d);
    }
}
