//! The lean path for reading a plan file: a serde deserializer straight over
//! the YAML parser's events, for the YAML plan files are written in (plain,
//! quoted and block scalars; block and flow collections).
//!
//! It gives way rather than guess. Anything it does not read exactly as
//! the full reader (`serde-saphyr`) does (an anchor, alias, tag, merge key,
//! directive, a key written twice, a second document, a scalar that may
//! resolve to a number, a boolean or null where text is expected), and any
//! problem at all, makes it return `None`: the loader then reads the file
//! with the full reader, which names the problem and goes on past it. A
//! value it does return equals the full reader's, places included (tested
//! on every plan file in the repository and fuzzed).

use granit_parser::{Event, Parser, ScalarStyle, Span, StrInput};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use std::borrow::Cow;

/// The newtype name under which a [`crate::plan::model::fields::Located`]
/// asks for its place: this reader answers with `(place, value)`; any other
/// reader treats it as a plain newtype.
pub(crate) const LOCATED: &str = "__khairukum_located";

/// The full reader's limits (`load::options`), kept here so a file the full
/// reader refuses is never accepted by this one.
const MAX_DEPTH: usize = 64;
const MAX_NODES: usize = 4_000_000;
const MAX_EVENTS: usize = 16_000_000;

/// Decodes `text` as `T`, or `None` when the full reader must.
pub fn decode<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut events = Events::new(text);
    match events.next().ok()?.0 {
        Event::StreamStart => {}
        _ => return None,
    }
    match events.next().ok()?.0 {
        Event::DocumentStart(_, None) => {}
        _ => return None,
    }
    let value = T::deserialize(&mut events).ok()?;
    match events.next().ok()?.0 {
        Event::DocumentEnd => {}
        _ => return None,
    }
    match events.next().ok()?.0 {
        Event::StreamEnd => Some(value),
        _ => None,
    }
}

/// Why this reader gave way; never shown (the full reader says what is wrong).
#[derive(Debug)]
pub struct GiveWay;

impl std::fmt::Display for GiveWay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("read with the full YAML reader")
    }
}

impl std::error::Error for GiveWay {}

impl de::Error for GiveWay {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        GiveWay
    }
}

type Result<T> = std::result::Result<T, GiveWay>;

/// The parser's events, one looked ahead, counted against the limits.
struct Events<'a> {
    parser: Parser<'a, StrInput<'a>>,
    peeked: Option<(Event<'a>, Span)>,
    depth: usize,
    nodes: usize,
    seen: usize,
}

impl<'a> Events<'a> {
    fn new(text: &'a str) -> Self {
        // The full reader's parser settings (its budget's defaults).
        let mut options = granit_parser::Options::default();
        options.emit_comments = false;
        options.emit_anchor_events = false;
        options.emit_unresolved_aliases = false;
        options.block_nesting_limit = options.block_nesting_limit.max(MAX_DEPTH + 1);
        Events {
            parser: Parser::new_from_str_with_options(text, options),
            peeked: None,
            depth: 0,
            nodes: 0,
            seen: 0,
        }
    }

    fn pull(&mut self) -> Result<(Event<'a>, Span)> {
        let (event, span) = self.parser.next().ok_or(GiveWay)?.map_err(|_| GiveWay)?;
        self.seen += 1;
        if self.seen > MAX_EVENTS {
            return Err(GiveWay);
        }
        match &event {
            Event::Scalar(_, _, anchor, tag) => {
                self.count_node()?;
                if *anchor != 0 || tag.is_some() {
                    return Err(GiveWay);
                }
            }
            Event::SequenceStart(_, anchor, tag) | Event::MappingStart(_, anchor, tag) => {
                self.count_node()?;
                self.depth += 1;
                if *anchor != 0 || tag.is_some() || self.depth > MAX_DEPTH {
                    return Err(GiveWay);
                }
            }
            Event::SequenceEnd | Event::MappingEnd => self.depth -= 1,
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(..)
            | Event::DocumentEnd => {}
            // Aliases, anchors' own events, comments: the full reader's.
            _ => return Err(GiveWay),
        }
        Ok((event, span))
    }

    fn count_node(&mut self) -> Result<()> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(GiveWay);
        }
        Ok(())
    }

    fn next(&mut self) -> Result<(Event<'a>, Span)> {
        match self.peeked.take() {
            Some(peeked) => Ok(peeked),
            None => self.pull(),
        }
    }

    fn peek(&mut self) -> Result<&(Event<'a>, Span)> {
        if self.peeked.is_none() {
            self.peeked = Some(self.pull()?);
        }
        self.peeked.as_ref().ok_or(GiveWay)
    }

    /// The next event's place, as the full reader gives it to a `Spanned`.
    fn place(&mut self) -> Result<[u32; 4]> {
        let span = self.peek()?.1;
        let small = |n: usize| u32::try_from(n).map_err(|_| GiveWay);
        let start = span.start.byte_offset().ok_or(GiveWay)?;
        let end = span.end.byte_offset().ok_or(GiveWay)?;
        Ok([
            small(span.start.line())?,
            small(span.start.col() + 1)?,
            small(start)?,
            small(end.saturating_sub(start))?,
        ])
    }

    /// The next scalar's text where a string is expected: not a plain null.
    fn text(&mut self) -> Result<Cow<'a, str>> {
        match self.next()?.0 {
            Event::Scalar(value, style, ..) if !is_null(&value, style) => Ok(value),
            _ => Err(GiveWay),
        }
    }
}

/// Plain `~`, `null` and nothing: null to the full reader.
fn is_null(value: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(value, "" | "~" | "null" | "Null" | "NULL")
}

/// Whether the full reader could read a plain scalar as something other
/// than text (null, a YAML 1.1 boolean, a number) where any type is asked.
/// Errs towards yes: a text starting with a digit is read by the full reader.
fn may_not_be_text(value: &str) -> bool {
    let word = value.trim();
    let unsigned = word.strip_prefix(['+', '-']).unwrap_or(word);
    is_null(value, ScalarStyle::Plain)
        || ["true", "false", "yes", "no", "y", "n", "on", "off"]
            .iter()
            .any(|b| word.eq_ignore_ascii_case(b))
        || unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        || ["inf", "infinity", "nan"]
            .iter()
            .any(|w| unsigned.eq_ignore_ascii_case(w))
        || word != value
}

/// `0`, or digits without a leading zero, within `u64`.
fn plain_count(value: &str) -> Option<u64> {
    let digits = value.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = value.len() > 1 && value.starts_with('0');
    (digits && !value.is_empty() && !leading_zero)
        .then(|| value.parse().ok())
        .flatten()
}

fn visit_text<'de, V: Visitor<'de>>(text: Cow<'de, str>, visitor: V) -> Result<V::Value> {
    match text {
        Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
        Cow::Owned(text) => visitor.visit_string(text),
    }
}

impl<'de> de::Deserializer<'de> for &mut Events<'de> {
    type Error = GiveWay;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.peek()?.0 {
            Event::Scalar(value, style, ..) => {
                if *style == ScalarStyle::Plain && may_not_be_text(value) {
                    return Err(GiveWay);
                }
                let text = self.text()?;
                visit_text(text, visitor)
            }
            Event::MappingStart(..) => self.deserialize_map(visitor),
            Event::SequenceStart(..) => self.deserialize_seq(visitor),
            _ => Err(GiveWay),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let text = self.text()?;
        visit_text(text, visitor)
    }

    /// A count written as plain decimal digits (`6602`, `0`); any other
    /// spelling of a number (`+5`, `007`, `1_000`, `0x1F`, quoted) is the
    /// full reader's to interpret.
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let count = match &self.peek()?.0 {
            Event::Scalar(value, ScalarStyle::Plain, ..) => plain_count(value).ok_or(GiveWay)?,
            _ => return Err(GiveWay),
        };
        self.next()?;
        visitor.visit_u64(count)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.peek()?.0 {
            Event::Scalar(value, style, ..) if is_null(value, *style) => {
                self.next()?;
                visitor.visit_none()
            }
            Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..) => {
                visitor.visit_some(self)
            }
            _ => Err(GiveWay),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == LOCATED {
            let place = self.place()?;
            visitor.visit_seq(Located {
                place: Some(place),
                events: self,
                done: false,
            })
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if !matches!(self.next()?.0, Event::SequenceStart(..)) {
            return Err(GiveWay);
        }
        let mut items = Items {
            events: self,
            ended: false,
        };
        let value = visitor.visit_seq(&mut items)?;
        if items.ended { Ok(value) } else { Err(GiveWay) }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if !matches!(self.next()?.0, Event::MappingStart(..)) {
            return Err(GiveWay);
        }
        let mut entries = Entries {
            events: self,
            keys: Vec::new(),
            ended: false,
        };
        let value = visitor.visit_map(&mut entries)?;
        if entries.ended {
            Ok(value)
        } else {
            Err(GiveWay)
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    /// Every other shape (numbers, booleans, bytes, enums, units, tuples,
    /// ignored values) is left to the full reader.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveWay)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple tuple_struct enum
    }
}

/// The items of a sequence, until its end.
struct Items<'r, 'de> {
    events: &'r mut Events<'de>,
    ended: bool,
}

impl<'de> de::SeqAccess<'de> for &mut Items<'_, 'de> {
    type Error = GiveWay;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if self.ended {
            return Ok(None);
        }
        if matches!(self.events.peek()?.0, Event::SequenceEnd) {
            self.events.next()?;
            self.ended = true;
            return Ok(None);
        }
        seed.deserialize(&mut *self.events).map(Some)
    }
}

/// The entries of a mapping, until its end; a key written twice, a key
/// that is not text and the merge key `<<` make the reader give way.
struct Entries<'r, 'de> {
    events: &'r mut Events<'de>,
    keys: Vec<Cow<'de, str>>,
    ended: bool,
}

impl<'de> de::MapAccess<'de> for &mut Entries<'_, 'de> {
    type Error = GiveWay;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if self.ended {
            return Ok(None);
        }
        match &self.events.peek()?.0 {
            Event::MappingEnd => {
                self.events.next()?;
                self.ended = true;
                return Ok(None);
            }
            Event::Scalar(key, style, ..) => {
                if is_null(key, *style) || key == "<<" || self.keys.contains(key) {
                    return Err(GiveWay);
                }
                self.keys.push(key.clone());
            }
            _ => return Err(GiveWay),
        }
        seed.deserialize(&mut *self.events).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        seed.deserialize(&mut *self.events)
    }
}

/// A located value as `(place, value)`: the place as
/// `[line, column, byte, length]`, then the value read from the events.
struct Located<'r, 'de> {
    place: Option<[u32; 4]>,
    events: &'r mut Events<'de>,
    done: bool,
}

impl<'de> de::SeqAccess<'de> for Located<'_, 'de> {
    type Error = GiveWay;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if let Some(place) = self.place.take() {
            return seed
                .deserialize(de::value::SeqDeserializer::<_, GiveWay>::new(
                    place.into_iter(),
                ))
                .map(Some);
        }
        if self.done {
            return Ok(None);
        }
        self.done = true;
        seed.deserialize(&mut *self.events).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::fields::{Entries, Id, Text};

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        id: Id,
        title: Text,
        #[serde(default)]
        list: Vec<Id>,
        map: Option<Entries<Id, Id>>,
    }

    fn full(text: &str) -> Doc {
        serde_saphyr::from_str(text).unwrap()
    }

    #[test]
    fn reads_what_the_full_reader_reads_places_included() {
        let text = "id: 'a-1'\ntitle: {ar: \"خيركم\", en: Khairukum}\nlist: [x, \"y\"]\nmap:\n  x: |\n    block\n";
        let lean: Doc = decode(text).expect("read by the lean path");
        assert_eq!(format!("{lean:?}"), format!("{:?}", full(text)));
        assert_eq!(lean.id.at.column, 5);
        assert_eq!(lean.title.en.as_deref(), Some("Khairukum"));
        let map = lean.map.expect("a map");
        assert_eq!(map.0[0].1.value, "block\n");
        let y = lean.list[1].at;
        assert_eq!(&text[y.byte as usize..(y.byte + y.len) as usize], "\"y\"");
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Counted {
        views: crate::plan::model::fields::Located<u64>,
    }

    #[test]
    fn reads_plain_counts_and_gives_way_on_other_numbers() {
        for (text, views) in [("views: 6602\n", 6602), ("views: 0\n", 0)] {
            let lean: Counted = decode(text).expect("read by the lean path");
            let full: Counted = serde_saphyr::from_str(text).unwrap();
            assert_eq!(lean.views, full.views, "{text}");
            assert_eq!(lean.views.value, views);
        }
        for text in [
            "views: +5\n",
            "views: 007\n",
            "views: 1_000\n",
            "views: 0x1F\n",
            "views: '12'\n",
            "views: -3\n",
            "views: 99999999999999999999\n",
            "views: 1.5\n",
        ] {
            assert!(decode::<Counted>(text).is_none(), "{text}");
        }
    }

    #[test]
    fn gives_way_where_it_might_read_differently() {
        for text in [
            "id: &a x\ntitle: t\n",
            "id: x\ntitle: t\nlist: [*a]\n",
            "id: !tag x\ntitle: t\n",
            "id: x\nid: y\ntitle: t\n",
            "id: x\ntitle: 2026\n",
            "id: x\ntitle: yes\n",
            "id: x\ntitle: t\nmap: {a: b, a: c}\n",
            "id: x\ntitle: t\n---\nid: y\ntitle: t\n",
            "%YAML 1.2\n---\nid: x\ntitle: t\n",
            "id: ~\ntitle: t\n",
            "id: x\ntitle: t\nextra: 1\n",
            "title: t\n",
            "id: [x\n",
        ] {
            assert!(decode::<Doc>(text).is_none(), "{text}");
        }
    }
}
