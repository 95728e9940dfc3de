//! Messages in Arabic and English from one catalog (`locales/*.toml`): every
//! finding, help line and heading is a [`Msg`] — a catalog id with its
//! arguments — turned into text only when rendered, in the reader's language.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages the catalog has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    /// Arabic when the locale (`LC_ALL`, `LC_MESSAGES` or `LANG`) is Arabic.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if locale.to_lowercase().starts_with("ar") {
            Lang::Ar
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}

/// A language's catalog, read from the shipped file once.
fn catalog(lang: Lang) -> &'static HashMap<String, String> {
    static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
    static AR: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, text) = match lang {
        Lang::En => (&EN, include_str!("../../locales/en.toml")),
        Lang::Ar => (&AR, include_str!("../../locales/ar.toml")),
    };
    cell.get_or_init(|| {
        toml::from_str(text).expect("the shipped catalog is valid TOML (a test checks it)")
    })
}

/// A message written to JSON or CSV is in English: those are for scripts.
impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(Lang::En))
    }
}

/// The plural form of `n` in `lang`, by the CLDR rules: English has one and
/// other; Arabic has zero, one, two, few (3–10), many (11–99) and other,
/// the last two by the number's last two digits.
pub(crate) fn plural_form(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::En if n == 1 => "one",
        Lang::En => "other",
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
    }
}

/// An argument of a message: plain text, or another message (a noun, a phrase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Msg(Box<Msg>),
    /// Messages listed one after another (`a; b` — `a؛ b` in Arabic).
    List(Vec<Msg>),
    /// Names listed in a sentence (`a, b` — `a، b` in Arabic).
    Names(Vec<Msg>),
    /// A text written in both languages (a name from the plan or a
    /// catalog of data): the reader's.
    Both {
        ar: String,
        en: String,
    },
}

/// A text in both languages, to give as one argument: `name = InLang(ar, en)`.
pub struct InLang<'a>(pub &'a str, pub &'a str);

impl From<InLang<'_>> for Arg {
    fn from(text: InLang<'_>) -> Arg {
        Arg::Both {
            ar: text.0.to_string(),
            en: text.1.to_string(),
        }
    }
}

impl<T: std::fmt::Display> From<T> for Arg {
    fn from(value: T) -> Arg {
        Arg::Text(value.to_string())
    }
}

/// Messages to list in one argument, as in `things = Listed(messages)`.
pub struct Listed(pub Vec<Msg>);

impl From<Listed> for Arg {
    fn from(list: Listed) -> Arg {
        Arg::List(list.0)
    }
}

/// Names to list in a sentence, as in `platforms = Names(names)`.
pub struct Names(pub Vec<Msg>);

impl From<Names> for Arg {
    fn from(names: Names) -> Arg {
        Arg::Names(names.0)
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Arg {
        Arg::Msg(Box::new(msg))
    }
}

/// A catalog id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    /// The count a message is about (its argument `n`), to choose a plural form.
    fn count(&self) -> Option<u64> {
        self.args.iter().find_map(|(k, v)| match v {
            Arg::Text(text) if *k == "n" => text.parse().ok(),
            _ => None,
        })
    }

    /// The template for `lang`: `id.<plural form>` when the message has a
    /// count and the catalog has plural forms for it, `id` otherwise.
    fn template(&self, lang: Lang) -> Option<&'static str> {
        let catalog = catalog(lang);
        if let Some(n) = self.count() {
            for form in [plural_form(lang, n), "other"] {
                if let Some(text) = catalog.get(&format!("{}.{form}", self.id)) {
                    return Some(text);
                }
            }
        }
        catalog.get(self.id).map(String::as_str)
    }

    /// The message in `lang` (English when the id is missing there).
    pub fn text(&self, lang: Lang) -> String {
        let template = self
            .template(lang)
            .or_else(|| self.template(Lang::En))
            .unwrap_or(self.id);
        let mut out = String::with_capacity(template.len() + 16);
        for piece in pieces(template) {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Placeholder(name) => match self.args.iter().find(|(k, _)| *k == name) {
                    Some((_, Arg::Text(text))) => out.push_str(text),
                    Some((_, Arg::Msg(msg))) => out.push_str(&msg.text(lang)),
                    Some((_, Arg::Both { ar, en })) => out.push_str(match lang {
                        Lang::Ar => ar,
                        Lang::En => en,
                    }),
                    Some((_, Arg::List(list))) => {
                        let separator = match lang {
                            Lang::En => "; ",
                            Lang::Ar => "؛ ",
                        };
                        let texts: Vec<String> = list.iter().map(|m| m.text(lang)).collect();
                        out.push_str(&texts.join(separator));
                    }
                    Some((_, Arg::Names(names))) => {
                        let separator = match lang {
                            Lang::En => ", ",
                            Lang::Ar => "، ",
                        };
                        let texts: Vec<String> = names.iter().map(|m| m.text(lang)).collect();
                        out.push_str(&texts.join(separator));
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }
}

/// Part of a template: text, or `{name}` (`{{` and `}}` stand for braces).
enum Piece<'a> {
    Literal(&'a str),
    Placeholder(&'a str),
}

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let Some(i) = rest.find(['{', '}']) else {
            out.push(Piece::Literal(rest));
            break;
        };
        out.push(Piece::Literal(&rest[..i]));
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push(Piece::Literal(&tail[..1]));
            rest = &tail[2..];
        } else if let (true, Some(close)) = (tail.starts_with('{'), tail.find('}')) {
            out.push(Piece::Placeholder(&tail[1..close]));
            rest = &tail[close + 1..];
        } else {
            out.push(Piece::Literal(&tail[..1]));
            rest = &tail[1..];
        }
    }
    out
}

/// `t!(<id>, name = value, ...)`: a message of the catalog, by its id.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text::i18n::Msg::new($id, vec![$((stringify!($name), $crate::text::i18n::Arg::from($value))),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plural forms a catalog may give a counted message (`id.one`, `id.other`...).
    const PLURAL_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

    /// The catalog's ids and their placeholders, for tests.
    fn entries(lang: Lang) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = catalog(lang)
            .iter()
            .map(|(id, text)| {
                let mut names: Vec<String> = pieces(text)
                    .into_iter()
                    .filter_map(|p| match p {
                        Piece::Placeholder(name) => Some(name.to_string()),
                        Piece::Literal(_) => None,
                    })
                    .collect();
                names.sort();
                names.dedup();
                (id.clone(), names)
            })
            .collect();
        out.sort();
        out
    }

    /// A catalog's messages without their plural forms (`count.error.one`
    /// and `count.error.other` are both `count.error`), with placeholders
    /// other than the count.
    fn messages(lang: Lang) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut out = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (id, names) in entries(lang) {
            match id
                .rsplit_once('.')
                .filter(|(_, form)| PLURAL_FORMS.contains(form))
            {
                Some((base, _)) => {
                    let names = names.into_iter().filter(|n| n != "n");
                    let entry = out.entry(base.to_string()).or_default();
                    entry.extend(names);
                    entry.sort();
                    entry.dedup();
                }
                None => {
                    out.insert(id, names);
                }
            }
        }
        out
    }

    #[test]
    fn both_catalogs_have_every_message_with_the_same_placeholders() {
        let en = messages(Lang::En);
        let ar = messages(Lang::Ar);
        let missing: Vec<&String> = en.keys().filter(|id| !ar.contains_key(*id)).collect();
        let extra: Vec<&String> = ar.keys().filter(|id| !en.contains_key(*id)).collect();
        assert!(
            missing.is_empty(),
            "missing Arabic translations: {missing:?}"
        );
        assert!(
            extra.is_empty(),
            "Arabic messages with no English: {extra:?}"
        );
        for (id, en_names) in &en {
            assert_eq!(en_names, &ar[id], "placeholders of `{id}` differ");
        }
    }

    #[test]
    fn every_counted_message_has_an_other_form() {
        for lang in [Lang::En, Lang::Ar] {
            let ids: Vec<String> = entries(lang).into_iter().map(|(id, _)| id).collect();
            for id in &ids {
                if let Some((base, form)) = id.rsplit_once('.')
                    && PLURAL_FORMS.contains(&form)
                {
                    assert!(
                        ids.contains(&format!("{base}.other")),
                        "{id} has no `{base}.other`"
                    );
                }
            }
        }
    }

    #[test]
    fn plural_forms_follow_cldr() {
        let en: Vec<&str> = [0, 1, 2, 5].map(|n| plural_form(Lang::En, n)).to_vec();
        assert_eq!(en, ["other", "one", "other", "other"]);
        let ar: Vec<&str> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000]
            .map(|n| plural_form(Lang::Ar, n))
            .to_vec();
        assert_eq!(
            ar,
            [
                "zero", "one", "two", "few", "few", "many", "many", "other", "other", "few",
                "many", "other"
            ]
        );
    }

    #[test]
    fn counted_messages_choose_their_form() {
        let errors = |n: usize, lang| t!("count.error", n = n).text(lang);
        assert_eq!(errors(1, Lang::En), "1 error");
        assert_eq!(errors(3, Lang::En), "3 errors");
        assert_eq!(errors(2, Lang::Ar), "خطآن");
        assert_eq!(errors(4, Lang::Ar), "4 أخطاء");
        assert_eq!(errors(12, Lang::Ar), "12 خطأً");
    }

    /// The ids of every `t!(...)` in the sources (also one whose id is on
    /// the next line, as rustfmt writes a long call).
    fn used_ids() -> Vec<String> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = Vec::new();
        for entry in walkdir::WalkDir::new(&src)
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.path().extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                for (at, _) in text.match_indices("t!(") {
                    // `t!(`, not the end of `format!(` or `print!(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = text[at + 3..].trim_start();
                    let id = rest.strip_prefix('"').and_then(|r| r.split_once('"'));
                    let is_id = |id: &str| {
                        !id.is_empty()
                            && id
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
                    };
                    if let Some((id, _)) = id.filter(|(id, _)| is_id(id)) {
                        used.push(id.to_string());
                    }
                }
            }
        }
        used.sort();
        used.dedup();
        used
    }

    #[test]
    fn every_message_used_in_the_code_is_in_the_catalog() {
        let en: Vec<String> = entries(Lang::En).into_iter().map(|(id, _)| id).collect();
        let used = used_ids();
        assert!(used.len() > 300, "only {} messages found", used.len());
        let known = |id: &String| en.contains(id) || en.contains(&format!("{id}.other"));
        let unknown: Vec<&String> = used.iter().filter(|id| !known(id)).collect();
        assert!(
            unknown.is_empty(),
            "messages missing from locales/en.toml: {unknown:?}"
        );
    }

    #[test]
    fn every_message_in_the_catalog_is_used() {
        let used = used_ids();
        let unused: Vec<String> = messages(Lang::En)
            .into_keys()
            .filter(|id| !used.contains(id))
            .collect();
        assert!(
            unused.is_empty(),
            "catalog messages no code uses: {unused:?}"
        );
    }

    #[test]
    fn doubled_braces_are_braces() {
        let parts: Vec<String> = pieces("a {{b}} {c}")
            .into_iter()
            .map(|p| match p {
                Piece::Literal(t) => t.to_string(),
                Piece::Placeholder(n) => format!("<{n}>"),
            })
            .collect();
        assert_eq!(parts.concat(), "a {b} <c>");
    }

    #[test]
    fn placeholders_and_nested_messages() {
        let noun = Msg::new("noun.goal", vec![]);
        let msg = Msg::new(
            "unresolved-reference",
            vec![("kind", noun.into()), ("name", "reach-x".into())],
        );
        assert_eq!(msg.text(Lang::En), "unknown goal `reach-x`");
        assert!(msg.text(Lang::Ar).contains("`reach-x`"));
        assert!(msg.text(Lang::Ar).contains("هدف"));
    }
}
