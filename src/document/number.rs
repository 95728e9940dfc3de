//! Numbers as people read them, in one place for every format and for the
//! sentences of the summary: thousands grouped, shares as percentages,
//! changes signed, money to the cent with its currency, a missing value
//! as a dash (never 0).

use crate::t;
use crate::text::i18n::Lang;

/// What is written for a value that is not known.
pub const MISSING: &str = "—";

/// How a value is read and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of things: `12,345`.
    Count,
    /// A share of a whole, kept as a fraction and shown as a percentage
    /// (`3.45%`); its changes are in percentage points.
    Share,
    /// A rate per 1,000: `1.8`.
    PerThousand,
    /// Minutes: `95 min`.
    Minutes,
    /// An index from 0 to 100: `61.3`.
    Index,
}

/// `12,345`, `3.45%`, `1.8`, `95 min`: a value as people read it, with
/// its unit in `lang`.
pub fn show(unit: Unit, value: Option<f64>, lang: Lang) -> String {
    let Some(v) = value else {
        return MISSING.into();
    };
    match unit {
        Unit::Share => format!("{:.2}%", v * 100.0),
        Unit::Minutes => t!("unit.minutes", value = thousands(v.round())).text(lang),
        Unit::PerThousand | Unit::Index => format!("{v:.1}"),
        Unit::Count if v.fract() == 0.0 => thousands(v),
        Unit::Count => {
            // Two decimals, the whole part grouped in thousands: `41,250.50`.
            let cents = format!("{:.2}", v.abs());
            let (whole, fraction) = cents.split_once('.').unwrap_or((&cents, "00"));
            let sign = if v < 0.0 { "-" } else { "" };
            format!(
                "{sign}{}.{fraction}",
                thousands(whole.parse().unwrap_or(0.0))
            )
        }
    }
}

/// A signed change, in the value's own unit (shares: percentage points).
pub fn show_change(unit: Unit, change: Option<f64>, lang: Lang) -> String {
    let Some(c) = change else {
        return MISSING.into();
    };
    let magnitude = show(unit, Some(c.abs()), lang);
    let sign = sign_shown(c, &magnitude);
    if unit == Unit::Share {
        let points = magnitude.trim_end_matches('%');
        format!("{sign}{}", t!("unit.points", value = points).text(lang))
    } else {
        format!("{sign}{magnitude}")
    }
}

/// A count, `—` when not known.
#[allow(clippy::cast_precision_loss)]
pub fn count(value: Option<i64>, lang: Lang) -> String {
    show(Unit::Count, value.map(|v| v as f64), lang)
}

/// An amount to the cent and its currency, held together by a no-break
/// space so that right-to-left text keeps them in this order.
pub fn amount(value: f64, currency: &str, lang: Lang) -> String {
    let cents = (value * 100.0).round() / 100.0;
    format!("{}\u{a0}{currency}", show(Unit::Count, Some(cents), lang))
}

/// A share as a whole percent (`0.42` → `42%`), `—` when missing.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| MISSING.into(), |s| format!("{:.0}%", s * 100.0))
}

/// A value to a tenth, its whole part in thousands: `1,165.9`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub fn one_decimal(value: f64) -> String {
    let tenths = (value.abs() * 10.0).round();
    let sign = if value < 0.0 && tenths > 0.0 { "-" } else { "" };
    format!(
        "{sign}{}.{}",
        thousands((tenths / 10.0).trunc()),
        (tenths % 10.0) as u8
    )
}

/// A number as a person wrote it, its whole part in thousands, its
/// decimals kept: `48,500`, `2.5`, `-1,200.75`.
pub fn written(shown: &str) -> String {
    let (whole, fraction) = shown.split_once('.').unwrap_or((shown, ""));
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    let grouped = group(digits);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// The sign a change is written with: `+`, `−` or `±` (none).
pub fn sign_of(change: f64) -> &'static str {
    if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "−"
    } else {
        "±"
    }
}

/// The sign of `value` as it reads beside `shown`, its magnitude as
/// written: `±` when what is written is zero (`±0.0`, never `−0.0`).
fn sign_shown(value: f64, shown: &str) -> &'static str {
    if shown.chars().any(|c| c.is_ascii_digit() && c != '0') {
        sign_of(value)
    } else {
        sign_of(0.0)
    }
}

/// A signed value with `decimals` decimals: `+1.5`, `−0.3`, `±0.0`.
pub fn signed(value: f64, decimals: usize) -> String {
    let magnitude = format!("{:.*}", decimals, value.abs());
    format!("{}{magnitude}", sign_shown(value, &magnitude))
}

/// A whole number in thousands: `1,234,567`.
pub fn thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.abs());
    let grouped = group(&digits);
    if v < 0.0 && digits != "0" {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Digits with a comma before each group of three from the right.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_people_expect() {
        assert_eq!(show(Unit::Count, Some(1_234_567.0), Lang::En), "1,234,567");
        assert_eq!(show(Unit::Count, Some(41_250.5), Lang::En), "41,250.50");
        assert_eq!(show(Unit::Share, Some(0.0345), Lang::En), "3.45%");
        assert_eq!(show(Unit::Minutes, Some(95.0), Lang::En), "95 min");
        assert_eq!(show(Unit::Index, Some(61.26), Lang::En), "61.3");
        assert_eq!(show(Unit::Count, None, Lang::En), "—");
        assert_eq!(one_decimal(1165.94), "1,165.9");
        assert_eq!(one_decimal(0.96), "1.0");
        assert_eq!(one_decimal(-2.25), "-2.3");
        assert_eq!(show_change(Unit::Count, Some(-1200.0), Lang::En), "−1,200");
        assert_eq!(show_change(Unit::Share, Some(0.005), Lang::En), "+0.50 pt");
        assert_eq!(show(Unit::Minutes, Some(95.0), Lang::Ar), "95 دقيقة");
        assert_eq!(
            show_change(Unit::Share, Some(-0.005), Lang::Ar),
            "−0.50 نقطة"
        );
    }

    #[test]
    fn money_percents_and_written_numbers() {
        assert_eq!(amount(4580.404, "SAR", Lang::En), "4,580.40\u{a0}SAR");
        assert_eq!(amount(300.0, "SAR", Lang::En), "300\u{a0}SAR");
        assert_eq!(percent(Some(0.424)), "42%");
        assert_eq!(percent(None), "—");
        assert_eq!(written("48500"), "48,500");
        assert_eq!(written("-1200.75"), "-1,200.75");
        assert_eq!(written("2.5"), "2.5");
        assert_eq!(thousands(-0.2), "0");
        assert_eq!(count(Some(-1200), Lang::En), "-1,200");
    }

    #[test]
    fn a_change_that_rounds_to_zero_has_no_sign() {
        assert_eq!(signed(-0.02, 1), "±0.0");
        assert_eq!(signed(0.04, 1), "±0.0");
        assert_eq!(signed(-0.05, 1), "−0.1");
        assert_eq!(signed(1.25, 2), "+1.25");
        assert_eq!(
            show_change(Unit::Share, Some(-0.000_01), Lang::En),
            "±0.00 pt"
        );
        assert_eq!(show_change(Unit::Count, Some(0.0), Lang::En), "±0");
        assert_eq!(show_change(Unit::Index, Some(-0.04), Lang::En), "±0.0");
    }
}
