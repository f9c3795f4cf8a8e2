//! A WASI program without the standard library: it imports one function of
//! `wasi_snapshot_preview1`, `fd_write`, and prints two lines to standard output. Any WASI host
//! runs it: the essay's small host in the page, or a runtime on a server.
#![no_std]
#![no_main]

/// One buffer to write: where it starts in linear memory and how long it is (WASI's `ciovec`).
#[repr(C)]
struct Ciovec {
    buf: *const u8,
    buf_len: usize,
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    /// Writes the buffers in order to file descriptor `fd`; stores the bytes written in
    /// `nwritten` and answers an errno (0 on success).
    fn fd_write(fd: u32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize) -> u16;
}

const STDOUT: u32 = 1;
const ENGLISH: &str = "Hello from a .wasm file that runs in a browser and on a server.\n";
const CHINESE: &str = "你好：同一个 .wasm 文件，浏览器里能跑，服务器上也能跑。\n";

/// WASI's entry point. Two buffers in one call, so a host must walk the list, not just read one.
#[no_mangle]
pub extern "C" fn _start() {
    let lines = [
        Ciovec {
            buf: ENGLISH.as_ptr(),
            buf_len: ENGLISH.len(),
        },
        Ciovec {
            buf: CHINESE.as_ptr(),
            buf_len: CHINESE.len(),
        },
    ];
    let mut written = 0;
    let errno = unsafe { fd_write(STDOUT, lines.as_ptr(), lines.len(), &mut written) };
    if errno != 0 || written != ENGLISH.len() + CHINESE.len() {
        // Nowhere to report it: stop with a trap, which every host shows.
        core::arch::wasm32::unreachable()
    }
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
