#![no_main]
//! Fuzz target: see `harness::lean_reader`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::lean_reader(harness::scratch(), data));
