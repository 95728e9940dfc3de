//! Mapping one file's records onto posts or account days, cell by cell;
//! a cell that cannot be read is a located problem and a missing value.

use super::counts::Counts;
use super::formats::{Field, Fit, Grain};
use super::problems::{Decision, Problem};
use super::quirks;
use super::stubs::PostStub;
use super::tables::{Day, Imported, Inquiry, Options, Post, Source};
use super::values::{self, DateOrder, When};
use crate::plan::diagnostic::Rule;
use crate::plan::model::platforms::PlatformKind;
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::i18n::Msg;
use chrono::{Datelike, NaiveDate};

/// Maps the records of one file onto posts or days.
pub(super) struct Mapper<'a> {
    pub(super) fit: &'a Fit,
    pub(super) header: &'a [String],
    pub(super) platform: PlatformKind,
    pub(super) primary: Option<Field>,
    pub(super) options: &'a Options,
    pub(super) file: usize,
    pub(super) shown: &'a str,
    /// The order of day and month in the file's slashed dates.
    pub(super) date_order: DateOrder,
    /// Posts that name another account than the plan's, set aside.
    pub(super) foreign: u64,
    /// Posts kept (the plan's account's, or naming none).
    pub(super) kept: u64,
    /// The first post set aside: its line and the account it names.
    pub(super) first_foreign: Option<(u64, String)>,
    /// The first account id a spreadsheet turned into scientific notation
    /// (`1.00066E+14`): its line and the cell; such ids are not compared.
    pub(super) mangled_id: Option<(u64, String)>,
    /// Days written without a year, kept until the year can be inferred.
    pub(super) undated: Vec<((u32, u32), Counts, u64)>,
}

impl<'a> Mapper<'a> {
    /// A mapper of the same file for another part of its records.
    pub(super) fn twin(&self) -> Mapper<'a> {
        Mapper {
            fit: self.fit,
            header: self.header,
            platform: self.platform,
            primary: self.primary,
            options: self.options,
            file: self.file,
            shown: self.shown,
            date_order: self.date_order,
            foreign: 0,
            kept: 0,
            first_foreign: None,
            mangled_id: None,
            undated: Vec::new(),
        }
    }

    pub(super) fn column(&self, field: Field) -> Option<usize> {
        self.fit
            .columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| *i)
    }

    pub(super) fn text(&self, record: &csv::ByteRecord, field: Field) -> Option<String> {
        let cell = record.get(self.column(field)?)?;
        // A post's text is shown in reports: never a control character.
        let text = crate::text::printable(String::from_utf8_lossy(cell).trim()).into_owned();
        (!text.is_empty()).then_some(text)
    }

    /// A post's text: the first of the format's text columns that holds
    /// one (Facebook leaves `Title` empty and writes the `Description`).
    fn post_text(&self, record: &csv::ByteRecord) -> Option<String> {
        let aliases = self
            .fit
            .format
            .columns
            .iter()
            .find(|(f, ..)| *f == Field::Text)
            .map_or(&[][..], |(_, _, aliases)| *aliases);
        aliases
            .iter()
            .filter_map(|alias| {
                self.header
                    .iter()
                    .position(|h| h.trim().eq_ignore_ascii_case(alias))
            })
            .find_map(|column| {
                let cell = record.get(column)?;
                let text =
                    crate::text::printable(String::from_utf8_lossy(cell).trim()).into_owned();
                (!text.is_empty()).then_some(text)
            })
            .or_else(|| self.text(record, Field::Text))
    }

    pub(super) fn problem(
        &self,
        rule: &'static Rule,
        line: u64,
        column: Option<usize>,
        message: Msg,
        decision: Decision,
    ) -> Problem {
        Problem {
            rule,
            path: self.shown.to_string(),
            line: Some(line),
            column: column.and_then(|c| self.header.get(c)).cloned(),
            field: column.and_then(|c| u32::try_from(c).ok()),
            message,
            decision,
        }
    }

    pub(super) fn counts(
        &self,
        record: &csv::ByteRecord,
        line: u64,
        into: &mut Imported,
    ) -> Counts {
        let mut counts = Counts::default();
        for &(field, index) in &self.fit.columns {
            let target = if field == Field::Primary {
                self.primary.unwrap_or(field)
            } else {
                field
            };
            let Some(slot) = counts.slot(target) else {
                continue;
            };
            let cell = record.get(index).unwrap_or(b"");
            // Only a net change may be negative.
            match parse_count(cell, target == Field::NetFollows) {
                Ok(value) => *slot = value,
                Err(message) => into.problems.push(self.problem(
                    &rule::EXPORT_NOT_A_NUMBER,
                    line,
                    Some(index),
                    message,
                    Decision::ValueMissing,
                )),
            }
        }
        if counts.engagements.is_none() && !self.fit.format.engagement_parts.is_empty() {
            let parts: Vec<i64> = self
                .fit
                .format
                .engagement_parts
                .iter()
                .filter_map(|f| counts.get(*f))
                .collect();
            if !parts.is_empty() {
                counts.engagements = Some(parts.iter().sum());
            }
        }
        if counts.net_follows.is_none()
            && let (Some(new), Some(lost)) = (counts.follows, counts.unfollows)
        {
            counts.net_follows = Some(new - lost);
        }
        counts
    }

    pub(super) fn inquiry(&self, record: &csv::ByteRecord, line: u64, into: &mut Imported) {
        let time = |field: Field| -> Result<Option<chrono::NaiveDateTime>, Box<Problem>> {
            let column = self.column(field);
            let raw = column
                .and_then(|c| record.get(c))
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            if raw.trim().is_empty() {
                return Ok(None);
            }
            crate::text::dates::parse_date_time(&raw)
                .map(Some)
                .map_err(|e| {
                    Box::new(self.problem(
                        &rule::EXPORT_BAD_DATE,
                        line,
                        column,
                        e,
                        Decision::RowSkipped,
                    ))
                })
        };
        let (received, first_reply) = match (time(Field::Received), time(Field::FirstReply)) {
            (Ok(Some(r)), Ok(f)) => (r, f),
            (Ok(None), _) => {
                into.problems.push(self.problem(
                    &rule::EXPORT_INCOMPLETE_ROW,
                    line,
                    self.column(Field::Received),
                    t!("export.no-received-time"),
                    Decision::RowSkipped,
                ));
                return;
            }
            (Err(p), _) | (_, Err(p)) => {
                into.problems.push(*p);
                return;
            }
        };
        if first_reply.is_some_and(|f| f < received) {
            into.problems.push(self.problem(
                &rule::EXPORT_INCOMPLETE_ROW,
                line,
                self.column(Field::FirstReply),
                t!("export.reply-before-inquiry"),
                Decision::RowSkipped,
            ));
            return;
        }
        if !self.options.keeps(received.date()) {
            return;
        }
        into.inquiries.push(Inquiry {
            platform: self
                .text(record, Field::Platform)
                .unwrap_or_default()
                .to_lowercase(),
            channel: self.text(record, Field::Channel),
            received,
            first_reply,
            source: Source {
                file: self.file,
                line,
            },
        });
    }

    pub(super) fn row(&mut self, record: &csv::ByteRecord, line: u64, into: &mut Imported) {
        let date_field = match self.fit.format.grain {
            Grain::Post => Field::Published,
            Grain::Day => Field::Date,
            Grain::Inquiry => return self.inquiry(record, line, into),
        };
        let date_column = self.column(date_field);
        let raw = date_column
            .and_then(|c| record.get(c))
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        let when = match values::when_in(&raw, self.date_order) {
            Ok(when) => when,
            Err(message) => {
                into.problems.push(self.problem(
                    &rule::EXPORT_BAD_DATE,
                    line,
                    date_column,
                    message,
                    Decision::RowSkipped,
                ));
                return;
            }
        };
        match self.fit.format.grain {
            Grain::Post => self.post_row(record, line, (when, raw.trim()), into),
            Grain::Day => self.day_row(record, line, when, into),
            Grain::Inquiry => {}
        }
    }

    /// A post's row, its date (`when`, as written in `raw`) read.
    fn post_row(
        &mut self,
        record: &csv::ByteRecord,
        line: u64,
        (when, raw): (Option<When>, &str),
        into: &mut Imported,
    ) {
        // Posts without a date (unlisted videos) cannot be placed in a month.
        let Some(when) = when else {
            // Whose it is still counts: a file of another account's posts
            // is said to be one.
            self.is_the_plans(record, line);
            return;
        };
        let date_column = self.column(Field::Published);
        // A day without a year (TikTok Studio's `July 16`) is the last such
        // day on or before the export.
        let when = match when {
            When::NoYear { month, day } => {
                let Some(date) = latest_on_or_before(self.options.year_anchor, month, day) else {
                    into.problems.push(self.problem(
                        &rule::EXPORT_BAD_DATE,
                        line,
                        date_column,
                        t!("export.not-a-date", cell = raw),
                        Decision::RowSkipped,
                    ));
                    return;
                };
                When::Day(date)
            }
            when => when,
        };
        let date = when.date_in(self.options.time_zone);
        if date.is_some_and(|d| !self.options.keeps(d)) {
            return;
        }
        // Another account's post (a foreign file, or a repost that links to
        // another account) is set aside; looked at only for the days kept.
        if !self.is_the_plans(record, line) {
            return;
        }
        let detailed = match (date, self.options.detail) {
            (Some(d), Some((from, to))) => d >= from && d <= to,
            _ => true,
        };
        let Some(id) = self.post_id(record, line, into) else {
            return;
        };
        let counts = self.counts(record, line, into);
        if let Some(date) = date {
            into.stubs
                .push(self.file, &PostStub::new(self.platform, date, &id, &counts));
        }
        if !detailed {
            return;
        }
        let url = self
            .text(record, Field::Url)
            .or_else(|| quirks::post_url(self.platform, &id));
        into.posts.push(Post {
            platform: self.platform,
            id: id.into(),
            url: url.map(Into::into),
            published: Some(when),
            account: self.text(record, Field::Account).map(Into::into),
            account_id: self.text(record, Field::AccountId).map(Into::into),
            text: self.post_text(record).map(Into::into),
            kind: self.text(record, Field::Kind).map(Into::into),
            counts: counts.into(),
            source: Source {
                file: self.file,
                line,
            },
        });
    }

    /// A post's id, or the problem that keeps its row out: none, or one no
    /// platform writes.
    fn post_id(&self, record: &csv::ByteRecord, line: u64, into: &mut Imported) -> Option<String> {
        let why = match self.text(record, Field::PostId) {
            None => t!("export.no-post-id"),
            Some(id) => match not_a_post_id(&id) {
                None => return Some(id),
                Some(why) => why,
            },
        };
        into.problems.push(self.problem(
            &rule::EXPORT_INCOMPLETE_ROW,
            line,
            self.column(Field::PostId),
            why,
            Decision::RowSkipped,
        ));
        None
    }

    /// A day's row of an account export, its date read.
    fn day_row(
        &mut self,
        record: &csv::ByteRecord,
        line: u64,
        when: Option<When>,
        into: &mut Imported,
    ) {
        match when {
            None => into.problems.push(self.problem(
                &rule::EXPORT_INCOMPLETE_ROW,
                line,
                self.column(Field::Date),
                t!("export.no-date"),
                Decision::RowSkipped,
            )),
            Some(When::NoYear { month, day }) => {
                let counts = self.counts(record, line, into);
                self.undated.push(((month, day), counts, line));
            }
            Some(when) => {
                let Some(date) = when.date_in(self.options.time_zone) else {
                    return;
                };
                if self.options.keeps(date) {
                    let counts = self.counts(record, line, into);
                    into.days.push(Day {
                        platform: self.platform,
                        date,
                        counts,
                        source: Source {
                            file: self.file,
                            line,
                        },
                    });
                }
            }
        }
    }

    /// Whether a post's row is the plan's account's (or names none); counts
    /// the posts set aside.
    fn is_the_plans(&mut self, record: &csv::ByteRecord, line: u64) -> bool {
        let Some(ours) = self
            .options
            .accounts
            .iter()
            .find(|a| a.platform == self.platform)
        else {
            self.kept += 1;
            return true;
        };
        let id = self.text(record, Field::AccountId);
        let id = match id {
            Some(id) if is_scientific(id.trim()) => {
                if self.mangled_id.is_none() {
                    self.mangled_id = Some((line, id.trim().to_string()));
                }
                None
            }
            id => id,
        };
        let who = super::accounts::identity(
            self.platform,
            self.text(record, Field::Url).as_deref(),
            self.text(record, Field::Account).as_deref(),
            id.as_deref(),
        );
        if ours.owns(&who) == Some(false) {
            self.foreign += 1;
            if self.first_foreign.is_none() {
                let named = who.handle.or(who.id).unwrap_or_default();
                self.first_foreign = Some((line, named));
            }
            return false;
        }
        self.kept += 1;
        true
    }

    /// Says what became of another account's posts: the file set aside when
    /// all of them were, else their number.
    fn report_foreign(&self, into: &mut Imported) {
        let Some((line, named)) = &self.first_foreign else {
            return;
        };
        let ours = self
            .options
            .accounts
            .iter()
            .find(|a| a.platform == self.platform);
        let plans = ours
            .map(|a| {
                if a.handle.is_empty() {
                    a.id.clone().unwrap_or_default()
                } else {
                    a.handle.clone()
                }
            })
            .unwrap_or_default();
        let (message, decision) = if self.kept == 0 {
            (
                t!("export.other-account", account = named, handle = plans),
                Decision::FileSkipped,
            )
        } else {
            (
                t!(
                    "export.other-account-posts",
                    n = self.foreign,
                    account = named,
                    handle = plans,
                    kept = self.kept
                ),
                Decision::RowSkipped,
            )
        };
        into.problems.push(self.problem(
            &rule::EXPORT_OTHER_ACCOUNT,
            *line,
            None,
            message,
            decision,
        ));
    }

    /// Ends the file: says the posts of other accounts set aside, and gives
    /// a year to days written without one (the last row is on or before the
    /// anchor day, and the rows run forward in time).
    pub(super) fn finish(&mut self, into: &mut Imported) {
        self.report_foreign(into);
        if let Some((line, id)) = self.mangled_id.take() {
            into.problems.push(self.problem(
                &rule::EXPORT_OTHER_ACCOUNT,
                line,
                self.column(Field::AccountId),
                t!("export.account-id-in-scientific-notation", id = id),
                Decision::Assumed,
            ));
        }
        let anchor = self.options.year_anchor;
        let mut year = anchor.year();
        let mut next: Option<(u32, u32)> = None;
        let mut dated = Vec::with_capacity(self.undated.len());
        for &((month, day), counts, line) in self.undated.iter().rev() {
            match next {
                None if (month, day) > (anchor.month(), anchor.day()) => year -= 1,
                Some(later) if (month, day) > later => year -= 1,
                _ => {}
            }
            next = Some((month, day));
            match NaiveDate::from_ymd_opt(year, month, day) {
                Some(date) if self.options.keeps(date) => dated.push(Day {
                    platform: self.platform,
                    date,
                    counts,
                    source: Source {
                        file: self.file,
                        line,
                    },
                }),
                Some(_) => {}
                None => into.problems.push(self.problem(
                    &rule::EXPORT_BAD_DATE,
                    line,
                    self.column(Field::Date),
                    t!(
                        "export.impossible-day",
                        month = month,
                        day = day,
                        year = year
                    ),
                    Decision::RowSkipped,
                )),
            }
        }
        dated.reverse();
        into.days.extend(dated);
    }
}

/// The last `month`/`day` on or before `anchor` (`None` for a day no
/// year has, such as 31 April; 29 February goes back to a leap year).
fn latest_on_or_before(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..8)
        .map(|back| anchor.year() - back)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .find(|date| *date <= anchor)
}

/// A count from a cell, fast for the plain digits most cells hold.
pub(super) fn parse_count(cell: &[u8], signed: bool) -> Result<Option<i64>, Msg> {
    let trimmed = cell.trim_ascii();
    // Twelve digits stay below `values::MAX_COUNT`.
    if !trimmed.is_empty() && trimmed.len() <= 12 && trimmed.iter().all(u8::is_ascii_digit) {
        return Ok(Some(
            trimmed
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(d - b'0')),
        ));
    }
    values::count(&String::from_utf8_lossy(cell), signed)
}

#[cfg(test)]
mod tests {
    use super::latest_on_or_before;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_day_without_a_year_is_the_last_one_on_or_before_the_export() {
        let export = day(2026, 2, 28);
        assert_eq!(latest_on_or_before(export, 2, 28), Some(export));
        assert_eq!(latest_on_or_before(export, 3, 1), Some(day(2025, 3, 1)));
        assert_eq!(latest_on_or_before(export, 1, 23), Some(day(2026, 1, 23)));
        assert_eq!(latest_on_or_before(export, 12, 31), Some(day(2025, 12, 31)));
        // 29 February: back to the last leap year.
        assert_eq!(latest_on_or_before(export, 2, 29), Some(day(2024, 2, 29)));
        assert_eq!(latest_on_or_before(export, 4, 31), None);
    }
}

/// Why a post id cell holds no id any platform writes: a long number a
/// spreadsheet rewrote in scientific notation (`1.23457E+18`: every post of
/// the file would become one), or words with spaces.
fn not_a_post_id(id: &str) -> Option<Msg> {
    if is_scientific(id) {
        return Some(t!("export.id-in-scientific-notation", id = id));
    }
    id.contains(char::is_whitespace)
        .then(|| t!("export.not-a-post-id", id = id))
}

/// Whether an id reads as a spreadsheet's scientific notation, as Excel
/// rewrites a long number with its exponent's sign: `1.23457E+18`, `1E+17`.
fn is_scientific(id: &str) -> bool {
    let (mantissa, exponent) = id.split_once(['e', 'E']).unwrap_or((id, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    exponent.strip_prefix('+').is_some_and(digits) && digits(&mantissa.replacen('.', "", 1))
}

#[cfg(test)]
mod post_id_tests {
    #[test]
    fn ids_a_spreadsheet_mangled_or_words_are_no_post_ids() {
        for bad in ["1.23457E+18", "1.2e+18", "1E+17", "post number one"] {
            assert!(super::not_a_post_id(bad).is_some(), "{bad}");
        }
        for good in [
            "1861020435108487212",
            "17951234567890123",
            "dQw4w9WgXcQ",
            "12e45678901",
            "123_456",
            "7e3f9a",
        ] {
            assert!(super::not_a_post_id(good).is_none(), "{good}");
        }
    }
}
