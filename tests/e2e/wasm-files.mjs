// Wasm files made up for the tests and the bench: valid modules of chosen shapes, built byte by
// byte from the binary format (https://webassembly.github.io/spec/core/binary/modules.html).

const leb = (n) => { const out = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return out; };
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const name = (s) => { const b = [...Buffer.from(s)]; return [...leb(b.length), ...b]; };
export const HEADER = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];

/** A valid module: `imports` function imports and a custom section of `padding` bytes. */
export function bigModule(imports, padding) {
  const list = [...leb(imports)];
  for (let i = 0; i < imports; i++) list.push(...name('env'), ...name(`f${i}`), 0, 0);
  const custom = [...name('padding')];
  const head = Buffer.from([...HEADER, ...section(1, [1, 0x60, 0, 0]), ...section(2, list), 0, ...leb(custom.length + padding), ...custom]);
  return Buffer.concat([head, Buffer.alloc(padding)]);
}

/** A valid module of nearly 8 MiB: a million function imports, all from module `a`. */
export function hugeModule(count) {
  const entries = [];
  for (let i = 0; i < count; i++) {
    const fieldName = Buffer.from((i % 4096).toString(16));
    entries.push(Buffer.from([1, 0x61, fieldName.length]), fieldName, Buffer.from([0, 0]));
  }
  const list = Buffer.concat([Buffer.from(leb(count)), ...entries]);
  return Buffer.concat([Buffer.from([...HEADER, ...section(1, [1, 0x60, 0, 0]), 2, ...leb(list.length)]), list]);
}

