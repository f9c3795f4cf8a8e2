//! Functions that go wrong on purpose, each with the WebAssembly trap it names. None of them is
//! a Rust panic in disguise: each compiles to the one instruction that traps, and the engine
//! stops the instance there. The host sees an exception; the page and other instances go on.
#![no_std]
#![no_main]

use core::arch::wasm32;

/// Reads the four bytes just past the end of linear memory: an out-of-bounds memory access.
/// `read_volatile` keeps the load, which the optimiser could otherwise drop or fold away.
#[no_mangle]
pub extern "C" fn read_past_end() -> i32 {
    let end = wasm32::memory_size(0) * 65536;
    unsafe { core::ptr::read_volatile(end as *const i32) }
}

/// Divides with the compiler's own zero check removed: Rust would panic on zero, here the
/// `i32.div_u` instruction itself traps with "divide by zero". (Unsigned, so the one other
/// check Rust makes on division, for overflow, has nothing to guard.)
#[no_mangle]
pub extern "C" fn divide(a: u32, b: u32) -> u32 {
    // SAFETY: not safe at all; that is the demonstration. The promise lets the compiler drop
    // its check, and the WebAssembly engine is what catches the division by zero.
    unsafe { core::hint::assert_unchecked(b != 0) };
    a / b
}

/// The `unreachable` instruction: the trap every Rust panic becomes in these snippets.
#[no_mangle]
pub extern "C" fn reach_unreachable() {
    wasm32::unreachable()
}

/// Recursion with no end in sight: the engine's call stack runs out. The work after the
/// recursive calls keeps the compiler from turning them into a loop, and no local lives in
/// linear memory, so it is the engine's stack, not the module's, that overflows.
#[no_mangle]
pub extern "C" fn exhaust_stack(n: u32) -> u32 {
    if n < 2 {
        n
    } else {
        exhaust_stack(n - 1).wrapping_add(exhaust_stack(n - 2))
    }
}

/// A function that works: after a trap, a fresh instance of this module still answers.
#[no_mangle]
pub extern "C" fn still_here() -> i32 {
    42
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    wasm32::unreachable()
}
