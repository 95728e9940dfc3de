//! Field types shared by the plan files: located ids, bilingual text, and
//! [`Parsed`] values whose meaning is checked after loading so that one bad
//! date or enum value does not hide the rest of the file.

pub use crate::plan::source::At;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// An id or reference, with where it was written.
pub type Id = Located<String>;

/// A value together with where it was written (for an alias, where the
/// alias is: the place a reader looks at).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: At,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    /// From the full YAML reader, through its `Spanned`; from the lean one
    /// (`plan::yaml_events`), as `(place, value)`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocatedVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for LocatedVisitor<T> {
            type Value = Located<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Located<T>, D::Error> {
                let spanned = Spanned::<T>::deserialize(deserializer)?;
                Ok(Located {
                    at: At::from(&spanned.referenced),
                    value: spanned.value,
                })
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Located<T>, A::Error> {
                let missing = || de::Error::custom("a located value has a place and a value");
                let [line, column, byte, len]: [u32; 4] =
                    seq.next_element()?.ok_or_else(missing)?;
                let value = seq.next_element()?.ok_or_else(missing)?;
                Ok(Located {
                    value,
                    at: At {
                        line,
                        column,
                        byte,
                        len,
                    },
                })
            }
        }

        deserializer.deserialize_newtype_struct(
            crate::plan::yaml_events::LOCATED,
            LocatedVisitor(std::marker::PhantomData),
        )
    }
}

impl<T: serde::Serialize> serde::Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Located<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

/// A scalar read as text, then interpreted as `T`.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    pub raw: String,
    pub at: At,
    pub value: Result<T, crate::text::i18n::Msg>,
}

impl<T> Parsed<T> {
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref().ok()
    }
}

/// A value that can be read from a YAML scalar.
pub trait FieldValue: Sized {
    /// True for values from a fixed or named set (enums, time zones), false for
    /// dates, times and durations; decides which rule reports a bad value.
    const ENUMERATED: bool = false;
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg>;
    /// The fixed set of spellings, for "did you mean" (empty for open sets).
    fn choices() -> &'static [&'static str] {
        &[]
    }
    /// The form the text takes, as an ECMA-262 pattern for the JSON Schema,
    /// so an editor flags `2026/12/31` or `2026-13-01` as staff type.
    fn pattern() -> Option<String> {
        None
    }
}

/// A day as the plan writes it: Gregorian `2026-11-20` or Hijri
/// `1448-05-07 AH` (or `هـ`), in Western digits with months 01–12 and days
/// 01–31, or in Arabic-Indic digits.
fn date_pattern() -> String {
    let western = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    let arabic = "[٠-٩۰-۹]{4}-[٠-٩۰-۹]{2}-[٠-٩۰-۹]{2}";
    format!("({western}|{arabic})(\\s*(AH|ah|هـ|ه))?")
}

/// A time on a 24-hour clock: `19:00`, `7:30`, `19:00:00`.
const TIME_PATTERN: &str = "([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?";

impl<'de, T: FieldValue> Deserialize<'de> for Parsed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Located::<String>::deserialize(deserializer)?;
        let value = T::parse(&raw.value);
        Ok(Parsed {
            raw: raw.value,
            at: raw.at,
            value,
        })
    }
}

impl<T: FieldValue> schemars::JsonSchema for Parsed<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        let name = std::any::type_name::<T>()
            .rsplit("::")
            .next()
            .unwrap_or("Value");
        format!("Parsed{name}").into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // Dates, times and durations are checked by the validator; the schema
        // gives their form, for editors. Fixed sets list their values.
        if let Some(pattern) = T::pattern() {
            schemars::json_schema!({"type": "string", "pattern": pattern})
        } else if T::choices().is_empty() {
            schemars::json_schema!({"type": "string"})
        } else {
            schemars::json_schema!({"type": "string", "enum": T::choices()})
        }
    }
}

impl FieldValue for chrono::NaiveDate {
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
        crate::text::dates::parse_date(&crate::text::arabic::western_digits(text))
    }
    fn pattern() -> Option<String> {
        Some(format!("^\\s*{}\\s*$", date_pattern()))
    }
}

impl FieldValue for chrono::NaiveDateTime {
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
        crate::text::dates::parse_date_time(&crate::text::arabic::western_digits(text))
    }
    fn pattern() -> Option<String> {
        Some(format!(
            "^\\s*{}(T|\\s+){TIME_PATTERN}\\s*$",
            date_pattern()
        ))
    }
}

impl FieldValue for chrono::NaiveTime {
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
        crate::text::dates::parse_time(&crate::text::arabic::western_digits(text))
    }
    fn pattern() -> Option<String> {
        Some(format!("^\\s*{TIME_PATTERN}\\s*$"))
    }
}

impl FieldValue for crate::text::dates::Month {
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
        crate::text::dates::Month::parse(&crate::text::arabic::western_digits(text))
    }
    fn pattern() -> Option<String> {
        Some("^\\s*([0-9]{4}-(0[1-9]|1[0-2])|[٠-٩۰-۹]{4}-[٠-٩۰-۹]{2})\\s*$".to_string())
    }
}

impl FieldValue for crate::text::dates::Duration {
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
        crate::text::dates::Duration::parse(&crate::text::arabic::western_digits(text))
    }
    fn pattern() -> Option<String> {
        Some("^\\s*[-+]?(0|([0-9٠-٩۰-۹]+[wdhm])+)\\s*$".to_string())
    }
}

impl FieldValue for chrono_tz::Tz {
    const ENUMERATED: bool = true;
    fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
        text.trim()
            .parse()
            .map_err(|_| crate::t!("time-zone.unknown", text = text))
    }
}

/// A YAML mapping kept as its entries in written order (lighter than a map;
/// duplicate keys are already refused by the parser).
#[derive(Debug, Clone)]
pub struct Entries<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<K, V> Entries<K, V> {
    pub fn iter(&self) -> impl Iterator<Item = &(K, V)> {
        self.0.iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, K, V> IntoIterator for &'a Entries<K, V> {
    type Item = &'a (K, V);
    type IntoIter = std::slice::Iter<'a, (K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<K, V>(std::marker::PhantomData<(K, V)>);

        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<K, V> {
            type Value = Entries<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(2));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

/// Free text in Arabic, English or both: a plain string or `{ar: …, en: …}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Text {
    pub ar: Option<String>,
    pub en: Option<String>,
}

impl Text {
    /// The Arabic text if there is one, else the English.
    pub fn primary(&self) -> &str {
        self.ar.as_deref().or(self.en.as_deref()).unwrap_or("")
    }

    /// The English text if there is one, else the Arabic.
    pub fn english(&self) -> &str {
        self.en.as_deref().or(self.ar.as_deref()).unwrap_or("")
    }

    /// The text in `lang` if it is written in it, else the other.
    pub fn in_lang(&self, lang: crate::text::i18n::Lang) -> &str {
        match lang {
            crate::text::i18n::Lang::Ar => self.primary(),
            crate::text::i18n::Lang::En => self.english(),
        }
    }

    /// Every written variant.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        self.ar.as_deref().into_iter().chain(self.en.as_deref())
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Arabic, English or both: a text, or {ar: …, en: …}",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"ar": {"type": "string"}, "en": {"type": "string"}},
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map with `ar` and/or `en`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                // A plain string is Arabic if it has Arabic letters, else English.
                let arabic = v.chars().any(crate::text::arabic::is_arabic_letter);
                Ok(if arabic {
                    Text {
                        ar: Some(v.to_string()),
                        en: None,
                    }
                } else {
                    Text {
                        ar: None,
                        en: Some(v.to_string()),
                    }
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text = Text::default();
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "ar" => &mut text.ar,
                        "en" => &mut text.en,
                        other => return Err(de::Error::unknown_field(other, &["ar", "en"])),
                    };
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field("language"));
                    }
                    *slot = Some(map.next_value()?);
                }
                if text.ar.is_none() && text.en.is_none() {
                    return Err(de::Error::missing_field("ar"));
                }
                Ok(text)
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

/// Declares an enum read from a fixed set of lowercase words.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::plan::model::fields::FieldValue for $name {
            const ENUMERATED: bool = true;
            fn parse(text: &str) -> Result<Self, crate::text::i18n::Msg> {
                match text.trim() {
                    $($word => Ok($name::$variant),)*
                    other => Err($crate::t!(
                        "unknown-value",
                        value = other,
                        choices = Self::choices().join(", ")
                    )),
                }
            }

            fn choices() -> &'static [&'static str] {
                &[$($word),*]
            }
        }
    };
}
pub(crate) use keyword_enum;

keyword_enum! {
    /// A day of the week.
    Weekday {
        Saturday = "saturday",
        Sunday = "sunday",
        Monday = "monday",
        Tuesday = "tuesday",
        Wednesday = "wednesday",
        Thursday = "thursday",
        Friday = "friday",
    }
}

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Doc {
        a: Text,
        b: Text,
        c: Text,
        day: Parsed<Weekday>,
        bad: Parsed<Weekday>,
    }

    #[test]
    fn text_and_parsed_fields() {
        let doc: Doc = serde_saphyr::from_str(
            "a: مرحبا\nb: hello\nc: {ar: خيركم, en: Khairukum}\nday: sunday\nbad: sundy\n",
        )
        .unwrap();
        assert_eq!(doc.a.ar.as_deref(), Some("مرحبا"));
        assert_eq!(doc.b.en.as_deref(), Some("hello"));
        assert_eq!(doc.c.primary(), "خيركم");
        assert_eq!(doc.c.english(), "Khairukum");
        assert_eq!(doc.day.get(), Some(&Weekday::Sunday));
        assert_eq!(doc.bad.at.line, 5);
        assert!(
            doc.bad
                .value
                .unwrap_err()
                .text(crate::text::i18n::Lang::En)
                .contains("expected one of saturday, sunday")
        );
    }

    #[test]
    fn text_rejects_other_languages_with_location() {
        let err = serde_saphyr::from_str::<Doc>("a: {fr: bonjour}\n")
            .err()
            .unwrap();
        assert!(err.to_string().contains("unknown field `fr`"), "{err}");
    }
}

/// A number as a plan writes it: `20`, `0.05`, `5%` (read as 0.05), in
/// Western or Arabic-Indic digits (`٢٠`, `٥٫٥`, `٥٪`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Written with a percent sign (and so divided by 100).
    pub percent: bool,
}

impl Number {
    /// `text` read as a number: digits (Western or Arabic-Indic), one
    /// decimal point (`.` or `٫`), a leading `-`, a trailing `%` or `٪`.
    pub fn parse(text: &str) -> Option<Number> {
        let text = text.trim();
        let (text, percent) = match text.strip_suffix(['%', '٪']) {
            Some(rest) => (rest.trim_end(), true),
            None => (text, false),
        };
        let western: String = text
            .chars()
            .map(|c| match c {
                '٫' => '.',
                c => crate::text::arabic::western_digit(c).unwrap_or(c),
            })
            .collect();
        let unsigned = western.strip_prefix('-').unwrap_or(&western);
        let plain = !unsigned.is_empty()
            && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
            && unsigned.matches('.').count() <= 1
            && !unsigned.starts_with('.')
            && !unsigned.ends_with('.');
        let value: f64 = western.parse().ok().filter(|_| plain)?;
        Some(Number {
            value: if percent { value / 100.0 } else { value },
            percent,
        })
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;

        impl Visitor<'_> for NumberVisitor {
            type Value = Number;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, such as 20, 0.05 or 5%")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                #[allow(clippy::cast_precision_loss, reason = "plan numbers are small")]
                Ok(Number {
                    value: v as f64,
                    percent: false,
                })
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                #[allow(clippy::cast_precision_loss, reason = "plan numbers are small")]
                Ok(Number {
                    value: v as f64,
                    percent: false,
                })
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                Ok(Number {
                    value: v,
                    percent: false,
                })
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
                Number::parse(v).ok_or_else(|| E::invalid_type(de::Unexpected::Str(v), &self))
            }
        }

        deserializer.deserialize_any(NumberVisitor)
    }
}

impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number, such as 20 or 0.05, or a percentage such as 5% (read as 0.05); Arabic-Indic digits are read too.",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^\\s*-?[0-9٠-٩]+([.٫][0-9٠-٩]+)?\\s*[%٪]?\\s*$"}
            ]
        })
    }
}

#[cfg(test)]
mod number_tests {
    use super::Number;

    #[test]
    fn numbers_are_read_in_either_digits_and_as_percentages() {
        let read = |text: &str| Number::parse(text).map(|n| (n.value, n.percent));
        assert_eq!(read("20"), Some((20.0, false)));
        assert_eq!(read("٢٠"), Some((20.0, false)));
        assert_eq!(read("٥٫٥"), Some((5.5, false)));
        assert_eq!(read("5%"), Some((0.05, true)));
        assert_eq!(read("٥٪"), Some((0.05, true)));
        assert_eq!(read("12.5 %"), Some((0.125, true)));
        assert_eq!(read("-3"), Some((-3.0, false)));
        for bad in [
            "", "%", "five", "1.2.3", ".5", "5.", "1e3", "1,000", "+5", "5%%", "--5",
        ] {
            assert_eq!(read(bad), None, "{bad:?}");
        }
    }
}
