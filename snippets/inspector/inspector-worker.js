// Runs inspector.wasm off the page's main thread. Reading a module is quick, but a file of
// 8 MiB can hold a million imports, and the page must stay responsive however long that takes.
// One message in (the file's bytes, transferred), one message out: the inspector's lines, or
// the text of what went wrong. The page starts a worker per file and ends it after.
const compiled = fetch(new URL('inspector.wasm', self.location))
  .then((response) => {
    if (!response.ok) throw new Error(`inspector.wasm: HTTP ${response.status}`);
    return response.arrayBuffer();
  })
  .then((bytes) => WebAssembly.compile(bytes));

self.onmessage = async ({ data }) => {
  try {
    const { exports } = await WebAssembly.instantiate(await compiled, {});
    const bytes = new Uint8Array(data);
    const at = exports.input(bytes.length);
    // Taken after `input`, which may have grown the memory and replaced its buffer.
    new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
    const length = exports.inspect();
    const text = new Uint8Array(exports.memory.buffer, exports.output(), length);
    self.postMessage({ lines: new TextDecoder().decode(text) });
  } catch (error) {
    self.postMessage({ error: `${error.name}: ${error.message}` });
  }
};
