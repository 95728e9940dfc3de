//! The exports folder, walked once: every file in it classified once — a
//! platform's export, an ad export, a measure's records, a peers'
//! monitoring export, `followers.yaml`, `peers.yaml`, or a file not used
//! (and why). Every reader takes its files from here; none walks the
//! folder itself, and none needs to know another reader's files.

use super::problems::{Decision, Problem};
use crate::plan::model::Plan;
use crate::plan::model::measures::MeasureFrom;
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::i18n::Msg;
use std::path::{Path, PathBuf};

/// What a file of the exports folder is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A platform's export of posts, account days or inquiries (which
    /// format, its reader finds from the header).
    Platform,
    /// An ad platform's export (CSV or workbook).
    Ads,
    /// The charity's own records, read by these CSV measures.
    Measure(Vec<String>),
    /// A monitoring tool's export of the peers' accounts.
    Monitoring,
    /// Follower totals written by hand (`followers.yaml`).
    Followers,
    /// The peers' figures written by hand (`peers.yaml`).
    PeersByHand,
    /// A file no reader takes, and why.
    NotUsed(Msg),
    /// Something that could not be looked at (its problem says why).
    Unreadable,
}

impl Kind {
    /// The kind's id, as JSON and the GitHub format carry it.
    pub fn id(&self) -> &'static str {
        match self {
            Kind::Platform => "platform",
            Kind::Ads => "ads",
            Kind::Measure(_) => "measure",
            Kind::Monitoring => "monitoring",
            Kind::Followers => "followers",
            Kind::PeersByHand => "peers",
            Kind::NotUsed(_) => "not-used",
            Kind::Unreadable => "unreadable",
        }
    }
}

/// One file of the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    /// As shown in messages (`/` between parts).
    pub shown: String,
    /// Relative to the exports folder, as file patterns match it.
    pub relative: String,
    pub kind: Kind,
}

/// What the plan says some files are: its CSV measures' and its monitoring
/// exports' file patterns.
#[derive(Debug, Clone, Default)]
pub struct Kinds {
    measures: Vec<(String, globset::GlobMatcher)>,
    monitoring: Option<globset::GlobMatcher>,
}

impl Kinds {
    /// The plan's patterns (one that cannot be read is a plan problem,
    /// and matches nothing here).
    pub fn of(plan: &Plan) -> Kinds {
        let measures = plan
            .measures
            .iter()
            .flat_map(|m| &m.data.measures)
            .filter(|m| m.from.get() == Some(&MeasureFrom::Csv))
            .filter_map(|m| Some((m.id.value.clone(), matcher(&m.files.as_ref()?.value)?)))
            .collect();
        let monitoring = plan
            .strategy
            .as_ref()
            .and_then(|s| s.data.monitoring.as_ref())
            .and_then(|m| matcher(&m.files.value));
        Kinds {
            measures,
            monitoring,
        }
    }

    fn measures_of(&self, relative: &str) -> Vec<String> {
        self.measures
            .iter()
            .filter(|(_, m)| m.is_match(relative))
            .map(|(id, _)| id.clone())
            .collect()
    }
}

/// A file pattern of the plan as a matcher (`*` stays within a folder,
/// `**` crosses folders, letters match either case); `None` when the
/// pattern cannot be read.
pub(crate) fn matcher(pattern: &str) -> Option<globset::GlobMatcher> {
    globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .case_insensitive(true)
        .build()
        .ok()
        .map(|glob| glob.compile_matcher())
}

/// Every file of an exports folder, in path order, and what could not be
/// looked at.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

impl Inventory {
    /// Walks `dir` once and classifies each file. Fails only when `dir`
    /// itself cannot be read.
    pub fn take(dir: &Path, kinds: &Kinds) -> std::io::Result<Inventory> {
        std::fs::read_dir(dir)?;
        let mut inventory = Inventory {
            dir: dir.to_path_buf(),
            ..Inventory::default()
        };
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if entry.file_type().is_dir() => {
                    if by_name(dir, entry.path(), kinds).is_some() {
                        let what = t!("what.folder");
                        inventory.unreadable(entry.path(), t!("export.not-a-file", what = what));
                    }
                }
                Ok(entry) if entry.file_type().is_file() => {
                    let path = entry.into_path();
                    let kind = classify(dir, &path, kinds);
                    inventory.add(path, kind);
                }
                Ok(entry) => {
                    // A FIFO would never end, a socket cannot be read: only
                    // a file is opened.
                    if by_name(dir, entry.path(), kinds).is_some() {
                        let what = crate::plan::load::what_it_is(entry.file_type());
                        inventory.unreadable(entry.path(), t!("export.not-a-file", what = what));
                    }
                }
                Err(error) => {
                    let path = error.path().unwrap_or(dir).to_path_buf();
                    inventory.unreadable(&path, walk_error(&error, &path));
                }
            }
        }
        inventory.entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(inventory)
    }

    /// Tells the ad exports among the delimited files taken for platforms'
    /// exports by their name, with `is_ads` (which looks at the header).
    pub fn tell_ads(&mut self, is_ads: impl Fn(&Path) -> bool) {
        for entry in &mut self.entries {
            if entry.kind == Kind::Platform && is_ads(&entry.path) {
                entry.kind = Kind::Ads;
            }
        }
    }

    fn add(&mut self, path: PathBuf, kind: Kind) {
        let relative = relative(&self.dir, &path);
        self.entries.push(Entry {
            shown: shown(&path),
            relative,
            path,
            kind,
        });
    }

    fn unreadable(&mut self, path: &Path, message: Msg) {
        self.problems.push(Problem {
            rule: &rule::EXPORT_UNREADABLE,
            path: shown(path),
            line: None,
            column: None,
            field: None,
            message,
            decision: Decision::FileSkipped,
        });
        self.add(path.to_path_buf(), Kind::Unreadable);
    }

    /// The files of one kind, in path order.
    pub fn of_kind(&self, wanted: fn(&Kind) -> bool) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| wanted(&e.kind))
    }

    /// The file at `relative` (a name at the top of the folder), if any.
    pub fn named(&self, relative: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.relative == relative)
    }
}

/// The extensions of files the readers take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Data {
    Delimited,
    Workbook,
}

fn data_extension(path: &Path) -> Option<Data> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" => Some(Data::Delimited),
        "xlsx" => Some(Data::Workbook),
        _ => None,
    }
}

/// What the file at `path` is: by the plan's patterns first, then by its
/// name (a delimited file is a platform's until [`Inventory::tell_ads`]).
fn classify(dir: &Path, path: &Path, kinds: &Kinds) -> Kind {
    by_name(dir, path, kinds).unwrap_or_else(|| Kind::NotUsed(not_used(path)))
}

/// What its name says the file at `path` is; `None` for a file no reader
/// takes.
fn by_name(dir: &Path, path: &Path, kinds: &Kinds) -> Option<Kind> {
    let relative = relative(dir, path);
    let measures = kinds.measures_of(&relative);
    if !measures.is_empty() {
        return Some(Kind::Measure(measures));
    }
    if kinds
        .monitoring
        .as_ref()
        .is_some_and(|m| m.is_match(&relative))
    {
        return Some(Kind::Monitoring);
    }
    match relative.as_str() {
        "followers.yaml" => return Some(Kind::Followers),
        "peers.yaml" => return Some(Kind::PeersByHand),
        _ => {}
    }
    match data_extension(path)? {
        Data::Workbook => Some(Kind::Ads),
        Data::Delimited => Some(Kind::Platform),
    }
}

/// Why a file is not read: a spreadsheet in a form no reader takes, or a
/// kind of file that holds no export.
fn not_used(path: &Path) -> Msg {
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some(ext @ ("xls" | "ods" | "numbers" | "xlsm" | "xlsb")) => {
            t!("inventory.other-spreadsheet", ext = ext)
        }
        Some("yaml" | "yml") => t!("inventory.other-yaml"),
        _ => t!("inventory.not-an-export"),
    }
}

/// Why a part of the folder could not be looked at.
fn walk_error(error: &walkdir::Error, path: &Path) -> Msg {
    if error.loop_ancestor().is_some() {
        t!("export.link-loop")
    } else if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(path).is_err()
    {
        t!("export.broken-link")
    } else {
        let cause = error
            .io_error()
            .map_or_else(|| error.to_string(), ToString::to_string);
        t!("export.cannot-look", error = cause)
    }
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `path` relative to `dir`, with `/` between its parts.
pub(crate) fn relative(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(inventory: &Inventory) -> Vec<(&str, &'static str)> {
        inventory
            .entries
            .iter()
            .map(|e| (e.relative.as_str(), e.kind.id()))
            .collect()
    }

    #[test]
    fn every_file_is_classified_once_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("b/posts.csv", "Tweet id,Tweet permalink\n1,x\n");
        write(
            "a/snapchat-ads.csv",
            "Campaign Name,Start Time,End Time,Amount Spent,Paid Impressions,Swipe Ups\n",
        );
        write("followers.yaml", "totals: []\n");
        write("peers.yaml", "figures: []\n");
        write("notes.md", "hello\n");
        write("old.xls", "binary\n");
        write("c/followers.yaml", "totals: []\n");
        let mut inventory = Inventory::take(dir.path(), &Kinds::default()).unwrap();
        assert_eq!(inventory.entries[0].kind, Kind::Platform);
        inventory.tell_ads(|path| path.ends_with("a/snapchat-ads.csv"));
        assert_eq!(
            kinds_of(&inventory),
            [
                ("a/snapchat-ads.csv", "ads"),
                ("b/posts.csv", "platform"),
                ("c/followers.yaml", "not-used"),
                ("followers.yaml", "followers"),
                ("notes.md", "not-used"),
                ("old.xls", "not-used"),
                ("peers.yaml", "peers"),
            ]
        );
        assert!(inventory.problems.is_empty());
    }

    #[test]
    fn a_folder_named_like_an_export_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("x.csv")).unwrap();
        let inventory = Inventory::take(dir.path(), &Kinds::default()).unwrap();
        assert_eq!(kinds_of(&inventory), [("x.csv", "unreadable")]);
        assert_eq!(inventory.problems.len(), 1);
        assert_eq!(inventory.problems[0].rule.code, "KH100");
    }
}
