// The memory snapshot as the build stores it (site_scripts/make_snapshot.mjs) and as the worker
// (pycalc-worker.js) puts it back. Shared by both, so the build's proof runs the worker's code.
//
// Pyodide's snapshot is its own header followed by a copy of the WebAssembly memory. Most 4 KiB
// pages of that memory are either still what the wasm file's data segments put there or still
// zero: those are left out of the file, which lists the pages it holds, and copied back from a
// freshly instantiated memory (which has the same data segments) before Pyodide restores it.
//
// Layout (little-endian u32s): magic, length of Pyodide's snapshot, length of its header, number
// of memory pages; a bitmap of the pages held (bit set = held), padded to 4 bytes; Pyodide's
// header; the held pages, in order.
export const PAGE = 4096;
const MAGIC = 0x31534350; // "PCS1"

export function packSnapshot(snapshot, fresh) {
  const headerLength = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
  const memory = snapshot.subarray(headerLength);
  const pages = Math.ceil(memory.length / PAGE);
  const bitmap = new Uint8Array(Math.ceil(pages / 8 / 4) * 4);
  const held = [];
  for (let page = 0; page < pages; page += 1) {
    const start = page * PAGE;
    const mine = memory.subarray(start, Math.min(start + PAGE, memory.length));
    const theirs = start < fresh.length ? fresh.subarray(start, Math.min(start + PAGE, fresh.length)) : null;
    let same = true;
    for (let i = 0; i < mine.length; i += 1) {
      if (mine[i] !== (theirs && i < theirs.length ? theirs[i] : 0)) { same = false; break; }
    }
    if (!same) {
      bitmap[page >> 3] |= 1 << (page & 7);
      held.push(mine);
    }
  }
  const size = 16 + bitmap.length + headerLength + held.reduce((sum, page) => sum + page.length, 0);
  const packed = new Uint8Array(size);
  new Uint32Array(packed.buffer, 0, 4).set([MAGIC, snapshot.length, headerLength, pages]);
  packed.set(bitmap, 16);
  let at = 16 + bitmap.length;
  packed.set(snapshot.subarray(0, headerLength), at);
  at += headerLength;
  for (const page of held) {
    packed.set(page, at);
    at += page.length;
  }
  return { packed, heldPages: held.length, pages };
}

// The full snapshot, with the pages the file left out still to be copied from a fresh memory
// (fill), which createModule does once the wasm is instantiated.
export function unpackSnapshot(packed) {
  const words = new Uint32Array(packed.buffer, packed.byteOffset, 4);
  const [magic, length, headerLength, pages] = words;
  if (magic !== MAGIC) throw new Error("not a pycalc snapshot");
  const bitmapLength = Math.ceil(pages / 8 / 4) * 4;
  const bitmap = packed.subarray(16, 16 + bitmapLength);
  const image = new Uint8Array(length);
  let at = 16 + bitmapLength;
  image.set(packed.subarray(at, at + headerLength), 0);
  at += headerLength;
  const memoryLength = length - headerLength;
  const left = [];
  for (let page = 0; page < pages; page += 1) {
    const start = page * PAGE;
    const size = Math.min(PAGE, memoryLength - start);
    if (bitmap[page >> 3] & (1 << (page & 7))) {
      image.set(packed.subarray(at, at + size), headerLength + start);
      at += size;
    } else left.push(page);
  }
  if (at !== packed.length) throw new Error("the snapshot file is damaged");
  const fill = (fresh) => {
    for (const page of left) {
      const start = page * PAGE;
      if (start >= fresh.length) break; // beyond the fresh memory: zero, as the image already is
      image.set(fresh.subarray(start, Math.min(start + PAGE, fresh.length, memoryLength)), headerLength + start);
    }
  };
  return { image, memoryLength, fill };
}

// Pyodide's createPyodideModule option: the module factory of pyodide.asm.mjs, with a look at the
// memory as soon as the wasm is instantiated (before any code runs in it). With a snapshot, the
// memory grows to the snapshot's size (Pyodide restores into the memory the wasm declares, which
// is smaller than what a warmed-up Python uses) and the left-out pages are copied from it.
export function createModule(create, { snapshot = null, onMemory = null } = {}) {
  return (settings) => {
    const instantiate = settings.instantiateWasm;
    if (instantiate) {
      settings.instantiateWasm = (imports, receive) => instantiate(imports, (instance, module) => {
        const memory = instance.exports.memory;
        if (onMemory) onMemory(new Uint8Array(memory.buffer).slice());
        if (snapshot) {
          snapshot.fill(new Uint8Array(memory.buffer));
          const missing = Math.ceil(snapshot.memoryLength / 65536) - memory.buffer.byteLength / 65536;
          if (missing > 0) memory.grow(missing);
        }
        receive(instance, module);
      });
    }
    return create(settings);
  };
}
