//! Allocator tuning for the reader process.
//!
//! glibc serves a freed large buffer's memory to later small allocations once its dynamic
//! mmap threshold has risen (it rises to the size of each large buffer freed, up to 32 MB).
//! On a huge article the reader frees big working buffers (the analysis's lists, layout
//! slack) and the heap then keeps their pages resident for good: on a 50 MB article that
//! was about 25 MB more at the peak. A fixed threshold keeps buffers of 256 KB and more in
//! their own mappings, returned to the system when freed and resized without copying.

/// Applies the tuning; a no-op where the allocator is not glibc's.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator; it is called before any thread
    // is started, and a refused setting (return value 0) leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}
