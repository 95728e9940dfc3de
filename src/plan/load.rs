//! Reading a plan folder: discovering its files, decoding them, and parsing
//! each into the typed model. Every problem becomes a [`Diagnostic`]; a bad
//! file never stops the others from being read.

use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::{
    Loaded, Plan,
    audience::Audience,
    budget::Budget,
    calendar::CalendarMonth,
    coverage::Coverage,
    goals::Goals,
    measures::{Measures, Recorded},
    occasions::Occasions,
    platforms::Platforms,
    policies::Policies,
    process::Process,
    settings::PlanSettings,
    strategy::Strategy,
    team::Team,
};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::plan::source::{Sources, line_column};
use crate::t;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Plan files are small; anything larger is refused before parsing.
pub(crate) const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What reading a plan folder produced.
#[derive(Debug)]
pub struct LoadedPlan {
    pub plan: Plan,
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// A problem that prevents reading the folder at all.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    NotADirectory(PathBuf),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(
                f,
                "plan folder `{}` does not exist (use --plan DIR or set KHAIRUKUM_PLAN)",
                p.display()
            ),
            LoadError::NotADirectory(p) => write!(f, "`{}` is not a folder", p.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// The files a plan folder may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Settings,
    Team,
    Goals,
    Audience,
    Platforms,
    Process,
    Policies,
    Measures,
    Recorded,
    Coverage,
    Occasions,
    Budget,
    Strategy,
    Calendar,
}

const TOP_LEVEL: &[(&str, Kind, bool)] = &[
    ("plan", Kind::Settings, true),
    ("team", Kind::Team, true),
    ("goals", Kind::Goals, true),
    ("audience", Kind::Audience, true),
    ("platforms", Kind::Platforms, true),
    ("process", Kind::Process, true),
    ("policies", Kind::Policies, false),
    ("measures", Kind::Measures, false),
    ("coverage", Kind::Coverage, false),
    ("occasions", Kind::Occasions, false),
    ("budget", Kind::Budget, false),
    ("strategy", Kind::Strategy, false),
];

/// Folders inside a plan repository that hold no plan YAML.
const IGNORED_DIRS: &[&str] = &[
    crate::plan::model::settings::DEFAULT_EXPORTS_FOLDER,
    "schemas",
    "node_modules",
    "target",
];

/// One file's parsed content (one value per file, moved once: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Content {
    Settings(PlanSettings),
    Team(Team),
    Goals(Goals),
    Audience(Audience),
    Platforms(Platforms),
    Process(Process),
    Policies(Policies),
    Measures(Measures),
    Recorded(Recorded),
    Coverage(Coverage),
    Occasions(Occasions),
    Budget(Budget),
    Strategy(Strategy),
    Calendar(CalendarMonth),
}

struct Job {
    file: FileId,
    path: PathBuf,
    kind: Kind,
}

struct Outcome {
    file: FileId,
    text: Option<String>,
    content: Option<Content>,
    /// `content` lacks the items that miss a required field: not to be used.
    partial: bool,
    diagnostics: Vec<Diagnostic>,
}

/// Reads every plan file under `dir`.
pub fn load(dir: &Path) -> Result<LoadedPlan, LoadError> {
    load_selected(dir, |_, _| true)
}

/// Reads the plan-wide files under `dir`, then only the calendar months for
/// which `select` (given the plan read so far) says yes. Calendar files not
/// named after a month are always read, so their problem is reported.
pub fn load_selected(
    dir: &Path,
    select: impl Fn(&Plan, crate::text::dates::Month) -> bool,
) -> Result<LoadedPlan, LoadError> {
    let Folder {
        mut plan,
        mut sources,
        mut diagnostics,
        calendar,
    } = open(dir)?;
    let chosen: Vec<&MonthJob> = calendar
        .iter()
        .filter(|job| calendar_month(&job.path).is_none_or(|month| select(&plan, month)))
        .collect();
    let read = crate::parallel::map(&chosen, |job| read_month(job));
    plan.calendar_incomplete = read.iter().any(|r| r.month.is_none());
    plan.months_left_unread = chosen.len() < calendar.len();
    for month in read {
        if let Some(text) = month.text {
            sources.set_text(month.file, text);
        }
        diagnostics.extend(month.diagnostics);
        if let Some(data) = month.month {
            plan.months.push(Loaded {
                file: month.file,
                data,
            });
        }
        if let Some(data) = month.partial {
            plan.partial_months.push(Loaded {
                file: month.file,
                data,
            });
        }
    }
    Ok(LoadedPlan {
        plan,
        sources,
        diagnostics,
    })
}

/// A plan folder with its plan-wide files read and its calendar files
/// listed, not yet read.
pub(crate) struct Folder {
    /// The plan-wide files; no calendar month yet.
    pub(crate) plan: Plan,
    pub(crate) sources: Sources,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The calendar files, in file-name order.
    pub(crate) calendar: Vec<MonthJob>,
}

/// A calendar file to read.
pub(crate) struct MonthJob {
    pub(crate) file: FileId,
    pub(crate) path: PathBuf,
}

/// One calendar file as read: its text, its month when it could be
/// decoded, its problems, and when it was last changed.
pub(crate) struct MonthFile {
    pub(crate) file: FileId,
    pub(crate) text: Option<String>,
    pub(crate) month: Option<CalendarMonth>,
    /// When the month cannot be used because some items miss a required
    /// field: its whole items, for the rules of one item.
    pub(crate) partial: Option<CalendarMonth>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) stamp: Option<Stamp>,
}

/// A file's size and modification time: if both are unchanged when it is
/// read again, it is the file that was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// Decodes a calendar file's bytes, named `name` (`calendar/2026-11.yaml`),
/// as `read_month` would read the file: the month when it decodes whole.
pub fn decode_month(name: &Path, bytes: Vec<u8>) -> Option<CalendarMonth> {
    decode_month_text(name, utf8_text(bytes)?)
}

/// A file's bytes as text, without a UTF-8 byte-order mark; `None` when
/// they are no UTF-8.
fn utf8_text(bytes: Vec<u8>) -> Option<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).ok()
}

/// Decodes a calendar file's text (without its byte-order mark) as
/// [`decode_month`] decodes its bytes.
pub fn decode_month_text(name: &Path, text: String) -> Option<CalendarMonth> {
    let job = Job {
        file: FileId(0),
        path: name.to_path_buf(),
        kind: Kind::Calendar,
    };
    let outcome = Outcome {
        file: job.file,
        text: None,
        content: None,
        partial: false,
        diagnostics: Vec::new(),
    };
    match parse_text(&job, text, outcome) {
        Outcome {
            content: Some(Content::Calendar(month)),
            partial: false,
            ..
        } => Some(month),
        _ => None,
    }
}

/// A calendar file's bytes as its text is decoded: without a byte-order
/// mark, control escapes neutralised; `None` when it is no UTF-8 or blank,
/// which no month is read from.
pub fn month_text(bytes: Vec<u8>) -> Option<String> {
    let text = utf8_text(bytes)?;
    if is_blank(&text) {
        return None;
    }
    let (clean, _) = crate::plan::control::neutralise(&text, FileId(0));
    match clean {
        std::borrow::Cow::Owned(clean) => Some(clean),
        std::borrow::Cow::Borrowed(_) => Some(text),
    }
}

/// Reads and decodes one calendar file.
pub(crate) fn read_month(job: &MonthJob) -> MonthFile {
    let stamp = Stamp::of(&job.path);
    let outcome = parse_one(&Job {
        file: job.file,
        path: job.path.clone(),
        kind: Kind::Calendar,
    });
    let month = match outcome.content {
        Some(Content::Calendar(month)) => Some(month),
        _ => None,
    };
    let (month, partial) = if outcome.partial {
        (None, month)
    } else {
        (month, None)
    };
    MonthFile {
        file: outcome.file,
        text: outcome.text,
        month,
        partial,
        diagnostics: outcome.diagnostics,
        stamp,
    }
}

/// Finds the plan files under `dir` and reads the plan-wide ones.
pub(crate) fn open(dir: &Path) -> Result<Folder, LoadError> {
    let meta = std::fs::metadata(dir).map_err(|_| LoadError::NotFound(dir.to_path_buf()))?;
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory(dir.to_path_buf()));
    }
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let jobs = find_files(dir, &mut sources, &mut diagnostics);
    for (name, kind, required) in TOP_LEVEL {
        if *required && !jobs.iter().any(|j| j.kind == *kind) {
            let path = display_path(dir, Path::new(&format!("{name}.yaml")));
            diagnostics.push(
                Diagnostic::new(&rule::MISSING_FILE, t!("missing-file", path = &path))
                    .help(t!("missing-file.help", path = &path)),
            );
        }
    }
    let (calendar, top): (Vec<Job>, Vec<Job>) =
        jobs.into_iter().partition(|j| j.kind == Kind::Calendar);
    let plan = read_plan_wide(&top, &mut sources, &mut diagnostics);
    Ok(Folder {
        plan,
        sources,
        diagnostics,
        calendar: calendar
            .into_iter()
            .map(|job| MonthJob {
                file: job.file,
                path: job.path,
            })
            .collect(),
    })
}

/// The plan's YAML files under `dir` (hidden and ignored folders left
/// out), each with its kind; what cannot be read or is no plan file is
/// a finding.
fn find_files(dir: &Path, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) -> Vec<Job> {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(name.starts_with('.')
                || e.depth() == 1
                    && e.file_type().is_dir()
                    && IGNORED_DIRS.contains(&name.as_ref()))
        });
    let mut jobs = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => jobs.extend(job_of(dir, &entry, sources, diagnostics)),
            Err(err) => diagnostics.push(walk_error(dir, &err, sources)),
        }
    }
    jobs
}

/// A folder entry that cannot be read (a symlink loop, a permission).
fn walk_error(dir: &Path, err: &walkdir::Error, sources: &mut Sources) -> Diagnostic {
    let path = err.path().unwrap_or(dir);
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let shown = display_path(dir, rel);
    let file = sources.add(shown.clone(), String::new());
    let why = if err.loop_ancestor().is_some() {
        t!("symlink-loop")
    } else {
        t!(
            "io-error",
            error = err
                .io_error()
                .map_or_else(|| err.to_string(), std::string::ToString::to_string)
        )
    };
    Diagnostic::new(
        &rule::UNREADABLE,
        t!("cannot-read-path", path = shown, why = why),
    )
    .at(Span::file_start(file))
}

/// The job reading `entry`, if it is a plan file; a `.yaml` folder, a
/// `.yaml` that is no regular file and an unknown file are findings.
fn job_of(
    dir: &Path,
    entry: &walkdir::DirEntry,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Job> {
    let rel = entry
        .path()
        .strip_prefix(dir)
        .unwrap_or(entry.path())
        .to_path_buf();
    let is_yaml = matches!(
        rel.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    if !is_yaml {
        return None;
    }
    let shown = display_path(dir, &rel);
    let file = sources.add(shown.clone(), String::new());
    if entry.file_type().is_dir() {
        diagnostics.push(
            Diagnostic::new(&rule::UNREADABLE, t!("folder-not-file", path = &shown))
                .at(Span::file_start(file))
                .help(t!("folder-not-file.help")),
        );
        return None;
    }
    if !entry.file_type().is_file() {
        // A FIFO would never end and a device never stop: only files are read.
        let what = what_it_is(entry.file_type());
        diagnostics.push(
            Diagnostic::new(
                &rule::UNREADABLE,
                t!("plan.not-a-file", path = &shown, what = what),
            )
            .at(Span::file_start(file)),
        );
        return None;
    }
    let Some(kind) = classify(&rel) else {
        diagnostics.push(unknown_file(&rel, file, &shown));
        return None;
    };
    Some(Job {
        file,
        path: entry.path().to_path_buf(),
        kind,
    })
}

/// The plan-wide files read on all cores; a file lacking an item is not used.
fn read_plan_wide(top: &[Job], sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) -> Plan {
    let mut plan = Plan::default();
    for outcome in crate::parallel::map(top, parse_one) {
        if let Some(text) = outcome.text {
            sources.set_text(outcome.file, text);
        }
        diagnostics.extend(outcome.diagnostics);
        if !outcome.partial {
            place(&mut plan, outcome.file, outcome.content);
        }
    }
    // The strategy's recommendations and reviews become steps, once the
    // plan's start is known.
    let start = plan
        .settings
        .as_ref()
        .and_then(|s| s.data.period())
        .map(|(s, _)| s);
    if let Some(strategy) = &mut plan.strategy {
        strategy.data.steps = strategy.data.steps_of(start);
    }
    plan
}

/// Puts a plan-wide file's content in its place in `plan`.
fn place(plan: &mut Plan, file: FileId, content: Option<Content>) {
    match content {
        Some(Content::Settings(data)) => plan.settings = Some(Loaded { file, data }),
        Some(Content::Team(data)) => plan.team = Some(Loaded { file, data }),
        Some(Content::Goals(data)) => plan.goals = Some(Loaded { file, data }),
        Some(Content::Audience(data)) => plan.audience = Some(Loaded { file, data }),
        Some(Content::Platforms(data)) => plan.platforms = Some(Loaded { file, data }),
        Some(Content::Process(data)) => plan.process = Some(Loaded { file, data }),
        Some(Content::Policies(data)) => plan.policies = Some(Loaded { file, data }),
        Some(Content::Measures(data)) => plan.measures = Some(Loaded { file, data }),
        Some(Content::Recorded(data)) => plan.recorded.push(Loaded { file, data }),
        Some(Content::Coverage(data)) => plan.coverage = Some(Loaded { file, data }),
        Some(Content::Occasions(data)) => plan.occasions = Some(Loaded { file, data }),
        Some(Content::Budget(data)) => plan.budget = Some(Loaded { file, data }),
        Some(Content::Strategy(data)) => plan.strategy = Some(Loaded { file, data }),
        Some(Content::Calendar(_)) | None => {}
    }
}

/// `plans` + `calendar/2026-11.yaml` → `plans/calendar/2026-11.yaml`.
fn display_path(dir: &Path, rel: &Path) -> String {
    let joined = if dir == Path::new(".") {
        rel.to_path_buf()
    } else {
        dir.join(rel)
    };
    joined.to_string_lossy().replace('\\', "/")
}

fn classify(rel: &Path) -> Option<Kind> {
    let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
    let stem = rel.file_stem()?.to_string_lossy();
    match parts.as_slice() {
        [_] => TOP_LEVEL
            .iter()
            .find(|(n, _, _)| *n == stem)
            .map(|(_, k, _)| *k),
        [dir, _] if dir == "calendar" => Some(Kind::Calendar),
        [dir, _] if dir == "measures" => Some(Kind::Recorded),
        _ => None,
    }
}

fn unknown_file(rel: &Path, file: FileId, shown: &str) -> Diagnostic {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let known = TOP_LEVEL.iter().map(|(n, _, _)| *n);
    let help = if rel.components().count() == 1 {
        crate::plan::diagnostic::closest(&stem, known).map_or_else(
            || t!("unknown-file.help"),
            |name| t!("unknown-file.did-you-mean", name = name),
        )
    } else {
        t!("unknown-file.help-folder")
    };
    Diagnostic::new(&rule::UNKNOWN_FILE, t!("unknown-file", path = shown))
        .at(Span::file_start(file))
        .help(help)
}

fn parse_one(job: &Job) -> Outcome {
    let mut outcome = Outcome {
        file: job.file,
        text: None,
        content: None,
        partial: false,
        diagnostics: Vec::new(),
    };
    let text = match read_text(&job.path, job.file) {
        Ok(text) => text,
        Err(diagnostic) => {
            outcome.diagnostics.push(*diagnostic);
            return outcome;
        }
    };
    parse_text(job, text, outcome)
}

/// Decodes one plan file's text (read from `job.path`, or given).
fn parse_text(job: &Job, text: String, mut outcome: Outcome) -> Outcome {
    let at = Span::file_start(job.file);
    if is_blank(&text) {
        outcome.diagnostics.push(
            Diagnostic::new(&rule::EMPTY_FILE, t!("empty-file"))
                .at(at)
                .help(t!("empty-file.help")),
        );
        outcome.text = Some(text);
        return outcome;
    }
    // Control characters escaped into a string are said, and read as spaces.
    let (clean, control) = crate::plan::control::neutralise(&text, job.file);
    outcome.diagnostics.extend(control);
    let result = decode(job, &clean, &mut outcome);
    outcome.content = result.value;
    outcome.partial = result.partial;
    outcome.diagnostics.extend(result.problems);
    outcome.text = Some(text);
    outcome
}

/// Decodes one plan file's text as its kind.
fn decode(job: &Job, text: &str, outcome: &mut Outcome) -> crate::plan::recover::Decoded<Content> {
    match job.kind {
        Kind::Settings => parse::<PlanSettings>(text, job.file).map(Content::Settings),
        Kind::Team => parse::<Team>(text, job.file).map(Content::Team),
        Kind::Goals => parse::<Goals>(text, job.file).map(Content::Goals),
        Kind::Audience => parse::<Audience>(text, job.file).map(Content::Audience),
        Kind::Platforms => parse::<Platforms>(text, job.file).map(Content::Platforms),
        Kind::Process => parse::<Process>(text, job.file).map(Content::Process),
        Kind::Policies => parse::<Policies>(text, job.file).map(Content::Policies),
        Kind::Measures => parse::<Measures>(text, job.file).map(Content::Measures),
        Kind::Coverage => parse::<Coverage>(text, job.file).map(Content::Coverage),
        Kind::Occasions => parse::<Occasions>(text, job.file).map(Content::Occasions),
        Kind::Budget => parse::<Budget>(text, job.file).map(Content::Budget),
        Kind::Strategy => parse::<Strategy>(text, job.file).map(Content::Strategy),
        Kind::Recorded => parse::<Recorded>(text, job.file).map(|mut recorded| {
            recorded.file_month = month_of_file(
                job,
                (t!("measures-file-name"), t!("measures-file-name.help")),
                outcome,
            );
            Content::Recorded(recorded)
        }),
        Kind::Calendar => parse::<CalendarMonth>(text, job.file).map(|mut month| {
            month.file_month = month_of_file(
                job,
                (t!("calendar-file-name"), t!("calendar-file-name.help")),
                outcome,
            );
            Content::Calendar(month)
        }),
    }
}

/// The month a monthly file is named after; a finding (`said`: the message
/// and the help saying how such files are named) when its name is no month.
fn month_of_file(
    job: &Job,
    said: (crate::text::i18n::Msg, crate::text::i18n::Msg),
    outcome: &mut Outcome,
) -> Option<crate::text::dates::Month> {
    let month = calendar_month(&job.path);
    if month.is_none() {
        outcome.diagnostics.push(
            Diagnostic::new(&rule::INVALID_DATE, said.0)
                .at(Span::file_start(job.file))
                .help(said.1),
        );
    }
    month
}

pub(crate) fn calendar_month(path: &Path) -> Option<crate::text::dates::Month> {
    crate::text::dates::Month::parse(&path.file_stem()?.to_string_lossy()).ok()
}

/// What a thing that is neither a file nor a folder is, in words.
pub(crate) fn what_it_is(kind: std::fs::FileType) -> crate::text::i18n::Msg {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return t!("what.fifo");
        }
        if kind.is_socket() {
            return t!("what.socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return t!("what.device");
        }
    }
    let _ = kind;
    t!("what.irregular")
}

/// Reads a file as UTF-8 (a UTF-8 byte-order mark is allowed).
fn read_text(path: &Path, file: FileId) -> Result<String, Box<Diagnostic>> {
    let at = Span::file_start(file);
    let unreadable = |e: std::io::Error| {
        Box::new(Diagnostic::new(&rule::UNREADABLE, t!("cannot-read-file", error = e)).at(at))
    };
    let too_large = |size: u64| {
        Box::new(
            Diagnostic::new(
                &rule::RESOURCE_LIMIT,
                t!(
                    "file-too-large",
                    size = format!("{:.1}", size as f64 / 1e6),
                    limit = MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .at(at)
            .help(t!("file-too-large.help")),
        )
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    // Never more than the limit, whatever the size said (a file still
    // growing, a file of /proc): one byte over it is enough to know.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let handle = std::fs::File::open(path).map_err(unreadable)?;
    std::io::Read::read_to_end(
        &mut std::io::Read::take(handle, MAX_FILE_BYTES + 1),
        &mut bytes,
    )
    .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Box::new(
            Diagnostic::new(&rule::NOT_UTF8, t!("utf16-file"))
                .at(at)
                .help(t!("save-as-utf8")),
        ));
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        let text = String::from_utf8_lossy(&bytes[..valid]);
        let (line, column) = line_column(&text, valid);
        Box::new(
            Diagnostic::new(
                &rule::NOT_UTF8,
                t!(
                    "not-utf8",
                    byte = format!("0x{:02X}", bytes[valid]),
                    line = line,
                    column = column
                ),
            )
            .at(Span {
                file,
                line,
                column,
                byte_start: 0,
                byte_len: 0,
            })
            .help(t!("save-as-utf8")),
        )
    })
}

/// True when a file has nothing but blank lines, comments and document markers.
fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 16_000_000;
    budget.max_aliases = 1_000;
    budget.max_depth = 64;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // Errors are rendered by us. (Comments are never read into the model:
    // the crate is built without its `comments` feature.)
    options.with_snippet = false;
    options
}

/// Decodes `text` as `T` with the full YAML reader alone (no recovery, no
/// lean path): what [`crate::plan::yaml_events::decode`] is checked against.
pub fn decode_full<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_saphyr::from_str_with_options(text, options()).ok()
}

/// Decodes one plan file, going on past each shape problem to find the
/// next (`recover`): the value when the file may be used, and every problem.
fn parse<T: DeserializeOwned>(text: &str, file: FileId) -> crate::plan::recover::Decoded<T> {
    if let Some(value) = crate::plan::yaml_events::decode(text) {
        return crate::plan::recover::Decoded {
            value: Some(value),
            partial: false,
            problems: Vec::new(),
        };
    }
    crate::plan::recover::decode_all(
        text,
        |work| serde_saphyr::from_str_with_options::<T>(work, options()),
        |err, work| {
            (
                crate::plan::yaml_error::to_diagnostic(err, file, work),
                crate::plan::yaml_error::shape_of(err),
            )
        },
    )
}
