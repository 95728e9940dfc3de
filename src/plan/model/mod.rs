//! The typed model of a plan folder: one module per plan file.

pub mod approval;
pub mod audience;
pub mod budget;
pub mod calendar;
pub mod coverage;
pub mod fields;
pub mod goals;
pub mod measures;
pub mod occasions;
pub mod platforms;
pub mod policies;
pub mod process;
pub mod settings;
pub mod strategy;
pub mod team;

use crate::plan::source::FileId;

pub use fields::{FieldValue, Id, Parsed, Text};

/// A file's parsed content together with the file it came from.
#[derive(Debug)]
pub struct Loaded<T> {
    pub file: FileId,
    pub data: T,
}

/// Everything a plan folder holds. A part is `None` when its file is missing
/// or could not be read; rules that need it then stay silent rather than
/// reporting consequences of the first problem.
#[derive(Debug, Default)]
pub struct Plan {
    pub settings: Option<Loaded<settings::PlanSettings>>,
    pub team: Option<Loaded<team::Team>>,
    pub goals: Option<Loaded<goals::Goals>>,
    pub audience: Option<Loaded<audience::Audience>>,
    pub platforms: Option<Loaded<platforms::Platforms>>,
    pub process: Option<Loaded<process::Process>>,
    pub policies: Option<Loaded<policies::Policies>>,
    /// The SWOT analysis, peers, recommendations and reviews (`strategy.yaml`).
    pub strategy: Option<Loaded<strategy::Strategy>>,
    /// The approved budget, its lines and the ad campaigns (`budget.yaml`).
    pub budget: Option<Loaded<budget::Budget>>,
    /// The occasions the plan keeps, marks and adds (`occasions.yaml`).
    pub occasions: Option<Loaded<occasions::Occasions>>,
    /// The media coverage log (`coverage.yaml`).
    pub coverage: Option<Loaded<coverage::Coverage>>,
    /// The charity's own measures (`measures.yaml`).
    pub measures: Option<Loaded<measures::Measures>>,
    /// The values recorded by hand (`measures/<month>.yaml`), in file-name order.
    pub recorded: Vec<Loaded<measures::Recorded>>,
    /// Calendar months, in file-name order.
    pub months: Vec<Loaded<calendar::CalendarMonth>>,
    /// The whole items of calendar months that cannot be used because some
    /// of their items miss a required field: only the rules of one item
    /// read them, so that one broken item does not hide the others' mistakes.
    pub partial_months: Vec<Loaded<calendar::CalendarMonth>>,
    /// True when some calendar file could not be read.
    pub calendar_incomplete: bool,
    /// True when the command chose to read only some calendar months
    /// (`tasks` for a window): rules that need every month hold back.
    pub months_left_unread: bool,
}

impl Plan {
    /// The charity's own measure `id`, if `measures.yaml` declares it.
    pub fn measure(&self, id: &str) -> Option<&measures::Measure> {
        self.measures
            .as_ref()?
            .data
            .measures
            .iter()
            .find(|m| m.id.value == id)
    }

    /// Every calendar item with the file it is in.
    pub fn items(&self) -> impl Iterator<Item = (FileId, &calendar::Item)> {
        self.months
            .iter()
            .flat_map(|m| m.data.items.iter().map(move |i| (m.file, i)))
    }
}
