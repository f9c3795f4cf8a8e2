//! Small edits to a module's bytes, done in Rust before the browser compiles them. Pure
//! functions, tested natively against wasmi.

/// A LEB128-encoded unsigned number (the encoding of every count and size in a module).
pub fn leb128(mut value: u32, out: &mut Vec<u8>) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a LEB128 number at `at`; returns it and its length in bytes.
fn read_leb128(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (i, byte) in bytes.get(at..)?.iter().take(5).enumerate() {
        value |= u32::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// The module with a custom section named "essay-copy" holding `counter` appended. Engines
/// cache compiled code by the module's bytes; a unique copy is compiled from scratch.
pub fn unique_copy(module: &[u8], counter: u32) -> Vec<u8> {
    const NAME: &[u8] = b"essay-copy";
    let mut payload = vec![NAME.len() as u8];
    payload.extend_from_slice(NAME);
    payload.extend_from_slice(&counter.to_le_bytes());
    let mut out = module.to_vec();
    out.push(0); // custom section
    leb128(payload.len() as u32, &mut out);
    out.extend_from_slice(&payload);
    out
}

/// The module with its (single, defined) memory declared at least `pages` of 64 KiB, or None
/// when it defines no memory. Rewrites the memory section; every other byte stays as it was.
pub fn with_memory_pages(module: &[u8], pages: u32) -> Option<Vec<u8>> {
    let mut at = 8; // magic and version
    while at < module.len() {
        let id = module[at];
        let (size, size_len) = read_leb128(module, at + 1)?;
        let body = at + 1 + size_len;
        let end = body.checked_add(size as usize)?;
        if id == 5 {
            // count (1), flags, minimum, [maximum]
            let (count, count_len) = read_leb128(module, body)?;
            let flags = *module.get(body + count_len)?;
            if count != 1 || flags > 1 {
                return None;
            }
            let (_, min_len) = read_leb128(module, body + count_len + 1)?;
            let mut section = vec![1, flags];
            leb128(pages, &mut section);
            if flags == 1 {
                let (max, _) = read_leb128(module, body + count_len + 1 + min_len)?;
                leb128(max.max(pages), &mut section);
            }
            let mut out = module[..at].to_vec();
            out.push(5);
            leb128(section.len() as u32, &mut out);
            out.extend_from_slice(&section);
            out.extend_from_slice(module.get(end..)?);
            return Some(out);
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_round_trips() {
        for value in [0, 1, 127, 128, 300, 65536, u32::MAX] {
            let mut bytes = Vec::new();
            leb128(value, &mut bytes);
            assert_eq!(read_leb128(&bytes, 0), Some((value, bytes.len())));
        }
    }

    #[test]
    fn a_module_without_memory_is_left_alone() {
        let empty = b"\0asm\x01\0\0\0";
        assert_eq!(with_memory_pages(empty, 4), None);
        assert_eq!(&unique_copy(empty, 7)[..8], empty);
    }
}
