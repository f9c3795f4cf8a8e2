//! A module that can do nothing by itself. Everything it does beyond arithmetic — know the time,
//! read a secret, say something — goes through a function its host hands it at instantiation.
//! A host that leaves one out gets a `LinkError`; a host that hands over a refusal (a function
//! that answers -1) sees the module carry on without it.
#![no_std]
#![no_main]

#[link(wasm_import_module = "host")]
extern "C" {
    /// Milliseconds since the page loaded, or -1 if the host refuses.
    fn clock() -> i32;
    /// A secret only the host knows, or -1 if the host refuses.
    fn read_secret() -> i32;
    /// Shows a number to the reader; answers 0, or -1 if the host refuses.
    fn log(value: i32) -> i32;
}

/// Asks for each capability once and reports what it was refused: a bit per import
/// (1 clock, 2 read_secret, 4 log), so 0 means it was given everything it asked for.
#[no_mangle]
pub extern "C" fn run() -> i32 {
    let mut refused = 0;
    let now = unsafe { clock() };
    if now < 0 {
        refused |= 1;
    }
    let secret = unsafe { read_secret() };
    if secret < 0 {
        refused |= 2;
    }
    // It says what it learned: the secret if it has one, else the time, else nothing.
    let news = if secret >= 0 { secret } else { now };
    if unsafe { log(news) } < 0 {
        refused |= 4;
    }
    refused
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
