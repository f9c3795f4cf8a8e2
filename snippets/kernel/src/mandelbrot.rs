// The compute kernel, shared by the snippet and the native tests (its reference). Mirrored line
// by line in modules/kernel.js and, as asm.js, in modules/kernel-asm.js: the same f64
// operations in the same order give the same result bit for bit, so the checksums must match
// exactly.

/// The most iterations a point may take before it counts as inside the set.
pub const MAX_ITERATIONS: u32 = 200;

/// Escape-time iterations summed over rows `y0..y1` of a `size`×`size` grid spanning
/// [-2, 1] × [-1.5, 1.5]: the checksum of that band of the Mandelbrot set.
pub fn mandelbrot_rows(size: u32, y0: u32, y1: u32) -> u32 {
    let scale = 3.0 / size as f64;
    let mut sum: u32 = 0;
    let mut y = y0;
    while y < y1 {
        let ci = y as f64 * scale - 1.5;
        let mut x = 0;
        while x < size {
            let cr = x as f64 * scale - 2.0;
            let (mut zr, mut zi, mut i) = (0.0f64, 0.0f64, 0u32);
            while i < MAX_ITERATIONS && zr * zr + zi * zi <= 4.0 {
                let next = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = next;
                i += 1;
            }
            sum = sum.wrapping_add(i);
            x += 1;
        }
        y += 1;
    }
    sum
}
