//! `occasions.yaml`: the seasons the charity plans around. Which built-in
//! sets it keeps (the Islamic occasions by Umm al-Qura, a country's
//! national days, the UN days a charity marks), which occasions it means
//! to mark and how far ahead, and its own (a graduation ceremony, an
//! annual competition).

use super::fields::{FieldValue, Id, Parsed, Text};
use crate::text::dates::Duration;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Occasions {
    /// The built-in sets the plan keeps: `islamic`, `un`, and a country's
    /// national days by its code (`sa`, `ae`, `kw`, `qa`, `bh`, `om`, `jo`, `eg`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub sets: Vec<Id>,
    /// The occasions the plan means to mark, each with how far ahead
    /// something should be planned for it.
    #[serde(default)]
    pub mark: Vec<Mark>,
    /// The charity's own occasions.
    #[serde(default)]
    pub own: Vec<Own>,
}

/// An occasion the plan means to mark.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// The occasion's id (built-in or the plan's own).
    #[schemars(with = "String")]
    pub occasion: Id,
    /// How long before it begins an item should be planned for it
    /// (`60d`); closer than this with nothing planned is a warning.
    #[schemars(with = "Option<String>")]
    pub lead: Option<Parsed<Duration>>,
    /// How long before it begins its items may go out (`14d` for a
    /// campaign that builds up to it); default 0: within its days.
    #[schemars(with = "Option<String>")]
    pub run_up: Option<Parsed<Duration>>,
}

/// One of the charity's own occasions: on a day of every year (Gregorian
/// `04-15` or Hijri `10-20 AH`) or once (`date:`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Own {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    /// Its day every year: `04-15` (Gregorian) or `10-20 AH` (Hijri).
    pub yearly: Option<Parsed<Yearly>>,
    /// Its day when it happens once (`2027-04-15` or `1448-10-20 AH`).
    #[schemars(with = "Option<String>")]
    pub date: Option<Parsed<NaiveDate>>,
    /// How many days it lasts (default 1).
    #[schemars(with = "Option<u32>")]
    pub days: Option<super::fields::Located<u32>>,
}

/// A day that comes back every year, in one calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Yearly {
    /// Month and day of the Gregorian calendar.
    Gregorian { month: u32, day: u32 },
    /// Month and day of the Hijri calendar (Umm al-Qura).
    Hijri { month: u32, day: u32 },
}

impl FieldValue for Yearly {
    fn parse(text: &str) -> Result<Self, Msg> {
        let western = crate::text::arabic::western_digits(text);
        let trimmed = western.trim();
        let (body, hijri) = match crate::text::dates::strip_hijri_suffix(trimmed) {
            Some(body) => (body, true),
            None => (trimmed, false),
        };
        let bad = || crate::t!("occasion.bad-yearly", text = text.trim());
        let (month, day) = body.split_once('-').ok_or_else(bad)?;
        let (month, day): (u32, u32) = (
            month.parse().map_err(|_| bad())?,
            day.parse().map_err(|_| bad())?,
        );
        let longest = if hijri {
            30
        } else {
            days_in_gregorian_month(month)
        };
        if !(1..=12).contains(&month) || day == 0 || day > longest {
            return Err(bad());
        }
        Ok(if hijri {
            Yearly::Hijri { month, day }
        } else {
            Yearly::Gregorian { month, day }
        })
    }

    fn pattern() -> Option<String> {
        Some("^\\s*(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(\\s*(AH|ah|هـ|ه))?\\s*$".to_string())
    }
}

/// The most days a Gregorian month has in any year (29 for February).
fn days_in_gregorian_month(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_days_read_in_either_calendar() {
        assert_eq!(
            Yearly::parse("09-23").unwrap(),
            Yearly::Gregorian { month: 9, day: 23 }
        );
        assert_eq!(
            Yearly::parse("10-01 AH").unwrap(),
            Yearly::Hijri { month: 10, day: 1 }
        );
        assert_eq!(
            Yearly::parse("١٠-٢٠ هـ").unwrap(),
            Yearly::Hijri { month: 10, day: 20 }
        );
        assert!(Yearly::parse("02-29").is_ok());
        for bad in [
            "02-30",
            "13-01",
            "00-10",
            "04-31",
            "12-31 AH",
            "2027-04-15",
            "x",
        ] {
            assert!(Yearly::parse(bad).is_err(), "{bad}");
        }
    }
}
