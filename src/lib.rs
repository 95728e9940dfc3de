//! khairukum keeps a charity's social media operation as plan-as-code: a
//! folder of YAML files (goals, KPIs, audience, platforms, process, policies,
//! a monthly content calendar) that this library loads, checks and measures.
//! It knows nothing of the command line; the binary resolves arguments and
//! calls in here.

pub mod arabic;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod exports;
pub mod git;
pub mod i18n;
pub mod init;
pub mod load;
pub mod metrics;
pub mod model;
pub mod output;
pub mod parallel;
pub mod post_text;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;
pub mod tasks;
pub mod validate;
mod yaml_error;
