//! The plan folder: its typed model, how it is loaded from YAML with every
//! problem located, the rules that check it, the findings they produce and
//! the renderers that show them, the tasks it implies, what changed
//! between two revisions of it, and when its tasks were done.

pub mod approve;
pub mod complete;
mod control;
pub mod diagnostic;
pub mod diff;
pub mod done;
pub mod edit;
pub mod git;
pub mod history;
pub mod init;
pub mod load;
pub mod lookup;
pub mod metrics;
pub mod model;
pub mod month_pieces;
pub mod occasions;
pub mod publish;
mod recover;
pub mod render;
pub mod rules;
pub mod schema;
pub mod source;
pub mod tasks;
pub mod validate;
pub mod workload;
mod yaml_error;
pub mod yaml_events;

/// The plan folder a command reads when none is named.
pub const DEFAULT_FOLDER: &str = "plans";
