//! The `tasks` command's view of the plan's tasks: their states on a given
//! day, the filters staff ask for, and the formats they read them in. The
//! tasks themselves are derived from the plan in [`crate::plan::tasks`].

pub mod filter;
pub mod format;
pub mod state;

pub use state::State;
