// The function bodies of a WebAssembly module with their names (from the
// "name" custom section, which cargo's wasm output keeps until wasm-opt
// strips it): what the size report needs to say how many bytes of code a
// part of the crate costs. Reads only the sections it needs.

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

/** Skips a length-prefixed byte string (a name); returns the offset after it. */
function skipName(bytes, at) {
  const [length, next] = leb(bytes, at);
  return next + length;
}

/** Skips table or memory limits. */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = leb(bytes, at);
  if (flags & 1) [, at] = leb(bytes, at);
  return at;
}

/** How many functions the module imports (they come first in the index space). */
function importedFunctions(bytes, at, end) {
  let [count, next] = leb(bytes, at);
  at = next;
  let functions = 0;
  for (let i = 0; i < count && at < end; i++) {
    at = skipName(bytes, at);
    at = skipName(bytes, at);
    const kind = bytes[at++];
    if (kind === 0) {
      [, at] = leb(bytes, at);
      functions++;
    } else if (kind === 1) at = skipLimits(bytes, at + 1);
    else if (kind === 2) at = skipLimits(bytes, at);
    else if (kind === 3) at += 2;
    else if (kind === 4) [, at] = leb(bytes, at + 1);
    else throw new Error(`unknown import kind ${kind}`);
  }
  return functions;
}

/** Every defined function: { name, body } with its body's bytes. */
export function wasmFunctions(bytes) {
  const decoder = new TextDecoder();
  let at = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const [size, start] = leb(bytes, at);
    const end = start + size;
    if (id === 2) imported = importedFunctions(bytes, start, end);
    if (id === 10) {
      let [count, next] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, body] = leb(bytes, next);
        bodies.push(bytes.subarray(body, body + length));
        next = body + length;
      }
    }
    if (id === 0) {
      const [length, nameAt] = leb(bytes, start);
      if (decoder.decode(bytes.subarray(nameAt, nameAt + length)) === "name") {
        let sub = nameAt + length;
        while (sub < end) {
          const kind = bytes[sub++];
          const [subSize, payload] = leb(bytes, sub);
          if (kind === 1) {
            let [count, next] = leb(bytes, payload);
            for (let i = 0; i < count; i++) {
              const [index, nameStart] = leb(bytes, next);
              const [nameLength, text] = leb(bytes, nameStart);
              names.set(index, decoder.decode(bytes.subarray(text, text + nameLength)));
              next = text + nameLength;
            }
          }
          sub = payload + subSize;
        }
      }
    }
    at = end;
  }
  return bodies.map((body, i) => ({ name: names.get(imported + i) ?? "", body }));
}
