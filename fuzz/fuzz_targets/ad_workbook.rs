#![no_main]
//! Fuzz target: see `harness::ad_workbook`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::ad_workbook(harness::scratch(), data));
