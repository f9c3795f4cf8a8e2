// The JavaScript twin of snippets/kernel/src/mandelbrot.rs, written by hand and shipped as
// modules/kernel.js. Same f64 operations in the same order, so the checksums match exactly;
// the only difference is the engine that runs them. Also the FNV-1a twin of snippets/memory.

export const MAX_ITERATIONS = 200;

// Escape-time iterations summed over rows y0..y1 of a size×size grid spanning
// [-2, 1] × [-1.5, 1.5]: the checksum of that band of the Mandelbrot set.
export function mandelbrotRows(size, y0, y1) {
  const scale = 3.0 / size;
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    const ci = y * scale - 1.5;
    for (let x = 0; x < size; x++) {
      const cr = x * scale - 2.0;
      let zr = 0.0;
      let zi = 0.0;
      let i = 0;
      while (i < MAX_ITERATIONS && zr * zr + zi * zi <= 4.0) {
        const next = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = next;
        i++;
      }
      sum = (sum + i) >>> 0;
    }
  }
  return sum;
}

// The 32-bit FNV-1a hash of a Uint8Array.
export function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}
