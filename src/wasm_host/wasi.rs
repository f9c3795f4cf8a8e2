//! The one WASI function the page's host gives wasi.wasm, `fd_write`, as a plain function over
//! the module's memory: the browser hands it a copy of that memory, and the native tests hand
//! it buffers laid out the way a module would.

/// `errno` values of `wasi_snapshot_preview1`.
pub const SUCCESS: u32 = 0;
pub const BADF: u32 = 8;
pub const FAULT: u32 = 21;

/// What the module has written so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    pub bytes: Vec<u8>,
    /// Calls to `fd_write`, and the buffers they handed over.
    pub calls: u32,
    pub buffers: u32,
}

/// `fd_write(fd, iovs, iovs_len, nwritten) -> errno`: walks the list of (pointer, length) pairs
/// at `iovs`, copies each buffer out of `memory`, and stores the count written at `nwritten`.
/// Every address comes from the module, so each is checked against its memory first; standard
/// output and standard error are the only files.
pub fn fd_write(
    memory: &mut [u8],
    written: &mut Written,
    [fd, iovs, iovs_len, nwritten]: [u32; 4],
) -> u32 {
    let range = |at: u32, len: u32| {
        let start = usize::try_from(at).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        (end <= memory.len()).then_some(start..end)
    };
    let word = |memory: &[u8], at: usize| {
        u32::from_le_bytes([memory[at], memory[at + 1], memory[at + 2], memory[at + 3]])
    };
    if fd != 1 && fd != 2 {
        return BADF;
    }
    // Every address is checked before anything is written: a call that faults writes nothing.
    let mut buffers = Vec::new();
    for i in 0..iovs_len {
        let Some(entry) = range(iovs.wrapping_add(i.wrapping_mul(8)), 8) else {
            return FAULT;
        };
        let (ptr, len) = (word(memory, entry.start), word(memory, entry.start + 4));
        let Some(buffer) = range(ptr, len) else {
            return FAULT;
        };
        buffers.push(buffer);
    }
    let Some(count) = range(nwritten, 4) else {
        return FAULT;
    };
    let mut total = 0u32;
    for buffer in buffers {
        total = total.wrapping_add(buffer.len() as u32);
        written.bytes.extend_from_slice(&memory[buffer]);
        written.buffers += 1;
    }
    written.calls += 1;
    memory[count].copy_from_slice(&total.to_le_bytes());
    SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A memory of 64 bytes holding "Hello, " at 32 and "Wasm\n" at 48, and at 0 the list of
    /// the two (pointer, length) pairs.
    fn memory() -> Vec<u8> {
        let mut memory = vec![0u8; 64];
        for (i, value) in [32u32, 7, 48, 5].into_iter().enumerate() {
            memory[4 * i..4 * i + 4].copy_from_slice(&value.to_le_bytes());
        }
        memory[32..39].copy_from_slice(b"Hello, ");
        memory[48..53].copy_from_slice(b"Wasm\n");
        memory
    }

    #[test]
    fn writes_every_buffer_and_stores_the_count() {
        let (mut memory, mut written) = (memory(), Written::default());
        assert_eq!(fd_write(&mut memory, &mut written, [1, 0, 2, 16]), SUCCESS);
        assert_eq!(written.bytes, b"Hello, Wasm\n");
        assert_eq!((written.calls, written.buffers), (1, 2));
        assert_eq!(memory[16..20], 12u32.to_le_bytes());
    }

    #[test]
    fn refuses_other_files_and_addresses_outside_memory() {
        let mut written = Written::default();
        assert_eq!(fd_write(&mut memory(), &mut written, [3, 0, 2, 16]), BADF);
        // The list runs past the end; a buffer does; the count would.
        assert_eq!(fd_write(&mut memory(), &mut written, [1, 60, 1, 16]), FAULT);
        let mut past_end = memory();
        past_end[4..8].copy_from_slice(&40u32.to_le_bytes());
        assert_eq!(fd_write(&mut past_end, &mut written, [1, 0, 1, 16]), FAULT);
        assert_eq!(fd_write(&mut memory(), &mut written, [1, 0, 2, 62]), FAULT);
        // An address near 4 GiB must not wrap around to the start of memory.
        assert_eq!(
            fd_write(&mut memory(), &mut written, [1, u32::MAX - 3, 1, 16]),
            FAULT
        );
        // None of those calls wrote anything, not even the buffers before the fault.
        assert_eq!(written, Written::default());
    }
}
