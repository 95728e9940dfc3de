//! The allocator the binary runs on, and the one setting `report` changes.

#![allow(
    unsafe_code,
    reason = "mimalloc's options are set through its C functions; the only unsafe code of the crate"
)]

/// Parsing a plan allocates many small strings on several threads; mimalloc
/// handles that markedly faster than the system allocator. Transparent huge
/// pages are off: they only inflated resident memory here.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option: its place in `mi_option_e` (mimalloc.h,
/// the same in v2 and v3; the Rust bindings give it no name).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// mimalloc v3's default for it (the version these bindings build), by
/// which we know the number still names that option.
const PURGE_DELAY_DEFAULT_MS: std::ffi::c_long = 1000;

/// Gives memory back to the system as soon as it is freed rather than a
/// second later. `report` streams large exports on several threads, each
/// freeing its buffers soon after: purging at once lowers its peak memory
/// by about a third at the same speed (`benches/report.sh`). `plan validate`
/// is slower with it, so only `report` asks for it.
pub(crate) fn purge_freed_memory_at_once() {
    // SAFETY: reading and setting an option is safe at any time; both
    // functions take plain integers.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == PURGE_DELAY_DEFAULT_MS {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_has_the_number_we_use() {
        // SAFETY: as in `purge_freed_memory_at_once`.
        let before = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(before, PURGE_DELAY_DEFAULT_MS);
        purge_freed_memory_at_once();
        // SAFETY: as in `purge_freed_memory_at_once`.
        let after = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(after, 0);
    }
}
