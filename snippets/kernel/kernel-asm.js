// The kernel once more, as asm.js: the typed subset of JavaScript that Mozilla published in
// 2013, the step before WebAssembly. Written by hand from snippets/kernel/src/mandelbrot.rs,
// the same f64 operations in the same order, so its checksum matches kernel.wasm's bit for bit.
//
// The "use asm" directive asks the engine to check the module against asm.js's rules and
// compile it ahead of time. Every value carries its type in its syntax: `x | 0` is an int,
// `+x` a double, `x >>> 0` an unsigned int when converted. asm.js has no `&&`, so the escape
// test is a `break`. If a rule were broken the engine would say so only in its console, and
// run the code as ordinary JavaScript, with the same results.
//
// The page imports this file as a module (a same-origin script: no eval, so a strict Content
// Security Policy holds) and then calls `KernelAsm()` to link it.

export function KernelAsm() {
  'use asm';

  function mandelbrotRows(size, y0, y1) {
    size = size | 0;
    y0 = y0 | 0;
    y1 = y1 | 0;
    var scale = 0.0, ci = 0.0, cr = 0.0, zr = 0.0, zi = 0.0, next = 0.0;
    var sum = 0, y = 0, x = 0, i = 0;
    scale = 3.0 / +(size >>> 0);
    y = y0;
    while ((y | 0) < (y1 | 0)) {
      ci = +(y >>> 0) * scale - 1.5;
      x = 0;
      while ((x | 0) < (size | 0)) {
        cr = +(x >>> 0) * scale - 2.0;
        zr = 0.0;
        zi = 0.0;
        i = 0;
        // MAX_ITERATIONS is 200, as in the Rust source.
        while ((i | 0) < 200) {
          if (!(zr * zr + zi * zi <= 4.0)) break;
          next = zr * zr - zi * zi + cr;
          zi = 2.0 * zr * zi + ci;
          zr = next;
          i = (i + 1) | 0;
        }
        sum = (sum + i) | 0;
        x = (x + 1) | 0;
      }
      y = (y + 1) | 0;
    }
    return sum | 0;
  }

  return { mandelbrotRows: mandelbrotRows };
}
