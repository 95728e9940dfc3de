#![no_main]
//! Fuzz target: see `harness::plan_file`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::plan_file(harness::scratch(), data));
