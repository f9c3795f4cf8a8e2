//! A compute kernel for the speed race: rows of the Mandelbrot set, returning a checksum.
//! The page calls it band by band, so no single call blocks the page for long.
#![no_std]
#![no_main]

mod mandelbrot;

#[no_mangle]
pub extern "C" fn mandelbrot_rows(size: u32, y0: u32, y1: u32) -> u32 {
    mandelbrot::mandelbrot_rows(size, y0, y1)
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
