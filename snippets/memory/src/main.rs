//! Real work on bytes the page writes into the module's own linear memory: the page asks where
//! the buffer is, copies bytes there, and asks for their FNV-1a hash. The module can touch
//! nothing but this memory.
#![no_std]
#![no_main]

/// 64 KiB: one WebAssembly page.
const CAPACITY: usize = 65536;

static mut BUFFER: [u8; CAPACITY] = [0; CAPACITY];

/// Where the page should write its bytes.
#[no_mangle]
pub extern "C" fn buffer() -> *mut u8 {
    core::ptr::addr_of_mut!(BUFFER).cast()
}

#[no_mangle]
pub extern "C" fn capacity() -> u32 {
    CAPACITY as u32
}

/// The 32-bit FNV-1a hash of the first `len` bytes of the buffer (at most its capacity).
#[no_mangle]
pub extern "C" fn fnv1a(len: u32) -> u32 {
    let bytes = unsafe { &*core::ptr::addr_of!(BUFFER) };
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in &bytes[..(len as usize).min(CAPACITY)] {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
