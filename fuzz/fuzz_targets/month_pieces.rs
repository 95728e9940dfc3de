#![no_main]
//! Fuzz target: see `harness::month_pieces`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::month_pieces(harness::scratch(), data));
