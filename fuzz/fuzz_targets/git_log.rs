#![no_main]
//! Fuzz target: see `harness::git_log`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::git_log(harness::scratch(), data));
