#![no_main]
//! Fuzz target: see `harness::export_file`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::export_file(harness::scratch(), data));
