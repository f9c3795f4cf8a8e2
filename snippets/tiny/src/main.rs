//! The smallest useful module: one export, no memory, no imports. After wasm-opt it is a few
//! dozen bytes, which is what a module costs before it does any work.
#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn answer() -> i32 {
    42
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
