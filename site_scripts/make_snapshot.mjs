// Makes what the calculator worker boots from, and proves it before the build ships it. Run by
// site_scripts/bundle.py during the build, in two steps:
//
//   node make_snapshot.mjs imports  PYODIDE_DIR PYCALC_ZIP REQUESTS.json OUT.json
//   node make_snapshot.mjs snapshot PYODIDE_DIR PYCALC_ZIP REQUESTS.json IMPORTS.json TRIMMED_STDLIB.zip OUT
//
// "imports" boots Python the normal way with Pyodide's whole standard library, runs every request
// (each calculator's worked example under each rule set, every case of tests/cases, charts and bad
// inputs) and writes the standard-library files that were imported, with the answers. bundle.py
// makes a standard library zip of just those files (0.8 MB instead of 2.5 MB: a phone downloads
// it on every first visit).
// "snapshot" proves that zip gives the same answers to every request on a normal boot, then saves
// Python started with that zip, pycalc imported and warmed up, as a memory snapshot, boots the
// snapshot once, as the worker does, and requires the same answers again. Nothing is written unless
// all agree. Before it is saved, the contents of the free blocks of the C heap are zeroed (a freed
// block's old bytes are never read again), and the file leaves out the memory pages that are
// still as the wasm file sets them up (docs/javascripts/pycalc-snapshot.mjs): 31 MB of memory
// becomes a file that compresses to under 3 MB. bundle.py makes its .gz and .br copies.
// The snapshot records the SHA-256 of the zip: the worker keeps the imported pycalc only when the
// zip it downloads is that one, so the snapshot saves time but never decides which code computes.
// The option names (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are Pyodide's private API
// (see node_modules/pyodide/pyodide.d.ts), hence the proof.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [step, pyodideDir, zipPath, requestsPath, ...rest] = process.argv.slice(2);
if (!["imports", "snapshot"].includes(step) || !requestsPath || rest.length !== (step === "imports" ? 1 : 3)) {
  console.error("usage: node make_snapshot.mjs imports|snapshot PYODIDE_DIR PYCALC_ZIP REQUESTS.json [IMPORTS.json STDLIB.zip] OUT");
  process.exit(2);
}
const { loadPyodide, version } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const createPyodide = (await import(pathToFileURL(path.join(pyodideDir, "pyodide.asm.mjs")).href)).default;
const snapshotFormat = await import(new URL("../docs/javascripts/pycalc-snapshot.mjs", import.meta.url).href);
const BUNDLE_DIR = "/home/pyodide/bundle"; // the same place the worker unpacks the zip
const bundle = new Uint8Array(readFileSync(zipPath));
const requests = readFileSync(requestsPath, "utf-8");
const quiet = { stdout: () => {}, stderr: (line) => console.error(line) };
const options = (more) => ({ indexURL: pyodideDir + path.sep, ...quiet, ...more });

// Every request, answered as the browser's worker answers it.
// The snapshot itself is warmed with the requests marked "warm" only (each calculator's worked
// example): Python's memory grows with every request it answers, and what the others leave behind
// would only make the file bigger. (A snapshot larger than the memory the wasm declares restores
// all the same: pycalc-snapshot.mjs grows the memory first; Pyodide alone fails, "offset is out
// of bounds".)
const ANSWER = (onlyWarm) => `
import json
from pycalc.browser import handle_json
json.dumps([handle_json(json.dumps(r)) for r in json.loads(REQUESTS) if ${onlyWarm ? "r.get('warm')" : "True"}])`;

function withPycalc(pyodide, onlyWarm = false) {
  pyodide.unpackArchive(bundle, "zip", { extractDir: BUNDLE_DIR });
  pyodide.runPython(`import sys\nif "${BUNDLE_DIR}" not in sys.path: sys.path.insert(0, "${BUNDLE_DIR}")`);
  pyodide.globals.set("REQUESTS", requests);
  const answers = JSON.parse(pyodide.runPython(ANSWER(onlyWarm)));
  pyodide.globals.delete("REQUESTS");
  return answers;
}

function write(file, data) {
  writeFileSync(file + ".partial", data);
  renameSync(file + ".partial", file);
}

// Which files of the standard library zip the run imported (as paths inside the zip).
const IMPORTED = `
import json, sys
zip_prefix = next(p for p in sys.path if p.endswith(".zip")) + "/"
json.dumps(sorted({m.__spec__.origin[len(zip_prefix):] for m in list(sys.modules.values())
                   if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(zip_prefix)}))`;

if (step === "imports") {
  const [output] = rest;
  const python = await loadPyodide(options({}));
  const answers = withPycalc(python);
  write(output, JSON.stringify({ imported: JSON.parse(python.runPython(IMPORTED)), answers }));
  console.log(JSON.stringify({ pyodide: version, requests: answers.length }));
} else {
  const [importsPath, stdlib, output] = rest;
  const expected = JSON.parse(readFileSync(importsPath, "utf-8")).answers;
  const same = (answers, what) => {
    if (JSON.stringify(answers) !== JSON.stringify(expected)) throw new Error(`${what} does not give the same answers`);
  };
  same(withPycalc(await loadPyodide(options({ stdLibURL: stdlib }))), "the trimmed standard library");

  const digest = createHash("sha256").update(bundle).digest("hex");
  let fresh = null; // the memory as the wasm sets it up, before anything runs
  const maker = await loadPyodide(options({
    stdLibURL: stdlib, _makeSnapshot: true,
    createPyodideModule: snapshotFormat.createModule(createPyodide, { onMemory: (memory) => { fresh = memory; } }),
  }));
  withPycalc(maker, true);
  maker.runPython(`
import gc
import pycalc.browser
PYCALC_BUNDLE_SHA256 = "${digest}"  # read by the worker: which zip the imported pycalc came from
for name in ("json", "handle_json"):
    globals().pop(name, None)
gc.collect()
`);
  const zeroed = zeroFreeChunks(maker._module);
  const snapshot = maker.makeMemorySnapshot();
  const { packed, heldPages, pages } = snapshotFormat.packSnapshot(snapshot, fresh);
  const unpacked = snapshotFormat.unpackSnapshot(packed);
  const restored = await loadPyodide(options({
    stdLibURL: stdlib, _loadSnapshot: unpacked.image,
    createPyodideModule: snapshotFormat.createModule(createPyodide, { snapshot: unpacked }),
  }));
  if (restored.globals.get("PYCALC_BUNDLE_SHA256") !== digest) throw new Error("the snapshot lost its bundle digest");
  same(withPycalc(restored), "the snapshot");
  write(output, packed);
  console.log(JSON.stringify({ pyodide: version, snapshotBytes: snapshot.length, packedBytes: packed.length,
                               pagesHeld: heldPages, pages, freeBytesZeroed: zeroed,
                               gzipBytes: gzipSync(packed, { level: 6 }).length, requestsChecked: expected.length }));
}

// Zeroes what the free chunks of the C heap (dlmalloc) still hold, so that the snapshot compresses
// better. Walks the chunks from the heap's start to the top chunk; the walk is used only if it adds
// up to the free bytes dlmalloc itself reports (mallinfo), otherwise nothing is changed. A free
// chunk keeps its header and list links (16 bytes; 32 for the large ones dlmalloc keeps in a tree).
function zeroFreeChunks(module) {
  const heap = new Uint8Array(module.HEAP8.buffer);
  const u32 = new Uint32Array(module.HEAP8.buffer);
  const info = module._malloc(64);
  module._mallinfo(info);
  const reportedFree = u32[(info >>> 2) + 8]; // fordblks
  const end = u32[module._emscripten_get_sbrk_ptr() >>> 2];
  for (let start = module.___heap_base; start < module.___heap_base + 64; start += 4) {
    const free = [];
    let at = start;
    let freeBytes = 0;
    let previousInUse = true;
    let ok = true;
    while (at + 8 <= end) {
      const head = u32[(at + 4) >>> 2];
      const size = head & ~7;
      if ((head & 1) !== (previousInUse ? 1 : 0) || size < 16 || at + size > end) { ok = false; break; }
      const inUse = (head & 2) !== 0;
      if (!inUse) {
        free.push([at, size]);
        freeBytes += size;
      }
      if (!inUse && at + size + 64 >= end) { at = end; break; } // the top chunk, then dlmalloc's footer
      previousInUse = inUse;
      at += size;
    }
    if (!ok || at !== end || reportedFree - freeBytes < 0 || reportedFree - freeBytes > 128) continue; // + dlmalloc's footer
    for (const [chunk, size] of free) heap.fill(0, chunk + (size >= 256 ? 32 : 16), chunk + size);
    return freeBytes;
  }
  console.error("the free chunks of the heap were not found; the snapshot keeps their old bytes");
  return 0;
}
