//! The built-in occasions: the Islamic ones by the Umm al-Qura calendar,
//! national days by country, and the UN days a charity marks. Each is
//! given by its day of the year in its own calendar and how long it lasts.

use super::{Definition, Length};
use crate::plan::model::occasions::Yearly;

/// The sets a plan may keep, in the order they are listed.
pub const SETS: &[&str] = &[
    "islamic", "un", "sa", "ae", "kw", "qa", "bh", "om", "jo", "eg",
];

/// The sets a plan keeps when it says none.
pub const DEFAULT_SETS: &[&str] = &["islamic", "un"];

const fn hijri(month: u32, day: u32) -> Yearly {
    Yearly::Hijri { month, day }
}

const fn gregorian(month: u32, day: u32) -> Yearly {
    Yearly::Gregorian { month, day }
}

/// (set, id, Arabic name, English name, day, length).
type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Yearly,
    Length,
);

#[rustfmt::skip]
const ENTRIES: &[Entry] = &[
    ("islamic", "hijri-new-year", "رأس السنة الهجرية", "The Hijri new year", hijri(1, 1), Length::Days(1)),
    ("islamic", "ashura", "يوم عاشوراء", "Ashura", hijri(1, 10), Length::Days(1)),
    ("islamic", "ramadan", "رمضان", "Ramadan", hijri(9, 1), Length::ToMonthEnd),
    ("islamic", "last-ten-nights", "العشر الأواخر من رمضان", "The last ten nights of Ramadan", hijri(9, 21), Length::ToMonthEnd),
    ("islamic", "eid-al-fitr", "عيد الفطر", "Eid al-Fitr", hijri(10, 1), Length::Days(3)),
    ("islamic", "first-ten-dhul-hijjah", "العشر الأوائل من ذي الحجة", "The first ten days of Dhu al-Hijjah", hijri(12, 1), Length::Days(10)),
    ("islamic", "day-of-arafah", "يوم عرفة", "The Day of Arafah", hijri(12, 9), Length::Days(1)),
    ("islamic", "eid-al-adha", "عيد الأضحى", "Eid al-Adha", hijri(12, 10), Length::Days(4)),
    ("un", "international-day-of-education", "اليوم الدولي للتعليم", "International Day of Education", gregorian(1, 24), Length::Days(1)),
    ("un", "world-humanitarian-day", "اليوم العالمي للعمل الإنساني", "World Humanitarian Day", gregorian(8, 19), Length::Days(1)),
    ("un", "international-day-of-charity", "اليوم الدولي للعمل الخيري", "International Day of Charity", gregorian(9, 5), Length::Days(1)),
    ("un", "international-literacy-day", "اليوم الدولي لمحو الأمية", "International Literacy Day", gregorian(9, 8), Length::Days(1)),
    ("un", "world-teachers-day", "اليوم العالمي للمعلمين", "World Teachers' Day", gregorian(10, 5), Length::Days(1)),
    ("un", "international-day-of-persons-with-disabilities", "اليوم الدولي للأشخاص ذوي الإعاقة", "International Day of Persons with Disabilities", gregorian(12, 3), Length::Days(1)),
    ("un", "international-volunteer-day", "اليوم الدولي للمتطوعين", "International Volunteer Day", gregorian(12, 5), Length::Days(1)),
    ("un", "world-arabic-language-day", "اليوم العالمي للغة العربية", "World Arabic Language Day", gregorian(12, 18), Length::Days(1)),
    ("sa", "saudi-founding-day", "يوم التأسيس", "Saudi Founding Day", gregorian(2, 22), Length::Days(1)),
    ("sa", "saudi-flag-day", "يوم العلم", "Saudi Flag Day", gregorian(3, 11), Length::Days(1)),
    ("sa", "saudi-national-day", "اليوم الوطني السعودي", "Saudi National Day", gregorian(9, 23), Length::Days(1)),
    ("ae", "uae-national-day", "عيد الاتحاد", "UAE National Day", gregorian(12, 2), Length::Days(1)),
    ("kw", "kuwait-national-day", "العيد الوطني الكويتي", "Kuwait National Day", gregorian(2, 25), Length::Days(1)),
    ("kw", "kuwait-liberation-day", "عيد التحرير", "Kuwait Liberation Day", gregorian(2, 26), Length::Days(1)),
    ("qa", "qatar-national-day", "اليوم الوطني القطري", "Qatar National Day", gregorian(12, 18), Length::Days(1)),
    ("bh", "bahrain-national-day", "العيد الوطني البحريني", "Bahrain National Day", gregorian(12, 16), Length::Days(1)),
    ("om", "oman-national-day", "العيد الوطني العُماني", "Oman National Day", gregorian(11, 20), Length::Days(1)),
    ("jo", "jordan-independence-day", "عيد الاستقلال الأردني", "Jordan Independence Day", gregorian(5, 25), Length::Days(1)),
    ("eg", "egypt-revolution-day", "عيد ثورة 23 يوليو", "Egypt Revolution Day", gregorian(7, 23), Length::Days(1)),
];

/// Every built-in occasion, of every set.
pub fn all() -> impl Iterator<Item = Definition<'static>> {
    ENTRIES
        .iter()
        .map(|&(set, id, ar, en, day, length)| Definition {
            id,
            set: Some(set),
            ar,
            en,
            when: super::When::Yearly(day),
            length,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_set_is_listed() {
        let ids: std::collections::HashSet<_> = all().map(|d| d.id).collect();
        assert_eq!(ids.len(), ENTRIES.len());
        for entry in ENTRIES {
            assert!(SETS.contains(&entry.0), "{}", entry.0);
        }
        for set in SETS {
            assert!(ENTRIES.iter().any(|e| e.0 == *set), "{set} is empty");
        }
    }
}
