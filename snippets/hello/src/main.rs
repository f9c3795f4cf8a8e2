//! The essay's first module: one exported function, no imports, no standard library.
//! The page fetches it, instantiates it and calls `add`, to show a module is just bytes.
#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

// Nothing here can panic; if something ever did, trap instead of looping forever in the page.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
