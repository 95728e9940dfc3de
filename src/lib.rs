//! khairukum keeps a charity's social media operation as plan-as-code: a
//! folder of YAML files (goals, KPIs, audience, platforms, process, policies,
//! a monthly content calendar) that this library loads, checks and measures.
//! It knows nothing of the command line; the binary resolves arguments and
//! calls in here.
//!
//! The modules follow the pipeline, and imports point one way
//! (`docs/architecture.md`): [`report`] and [`tasks`] use [`exports`] and
//! [`plan`], which use [`text`]; [`output`] and [`parallel`] are leaves
//! anyone may use.

pub mod almanac;
pub mod book;
pub mod document;
pub mod exports;
pub mod output;
pub mod parallel;
pub mod plan;
pub mod report;
pub mod schedule;
pub mod tasks;
pub mod text;
