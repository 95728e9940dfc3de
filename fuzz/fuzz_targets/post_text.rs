#![no_main]
//! Fuzz target: see `harness::post_text`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::post_text(harness::scratch(), data));
