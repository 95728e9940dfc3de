//! The integration tests, in one binary: the command run as staff run it
//! (golden cases, languages, tasks, hostile input), the documents kept in
//! step with the code, and the official conformance data.

mod ads;
mod approve;
mod architecture;
mod book;
mod charts;
mod common;
mod conformance;
mod diff;
mod docs;
mod done;
mod exports;
mod fuzz_corpus;
mod golden;
mod hostile;
mod hostile_ads;
mod hostile_git;
mod init;
mod insights;
mod lang;
mod licences;
mod mutations;
mod occasions;
mod oracle;
mod publish;
mod safety;
mod sarif;
mod schedule;
mod schema;
mod sections;
mod sheets;
mod summary;
mod tasks;
mod team;
mod unseen;
mod workflows;
