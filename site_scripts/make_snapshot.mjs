// Makes the Pyodide memory snapshot the calculator worker boots from (issue: Fast), and proves
// it works before the build ships it. Run by site_scripts/hooks.py during the build:
//
//   node site_scripts/make_snapshot.mjs PYODIDE_DIR PYCALC_ZIP OUTPUT.gz
//
// The snapshot is Python already started, with pycalc imported from the zip and warmed up by one
// calculation of every calculator's worked example. It records the SHA-256 of that zip: the
// worker uses the imported pycalc only when the zip it downloads has the same digest, and
// otherwise imports pycalc afresh from the zip, so the snapshot saves time but never decides
// which code computes a result.
// The option names (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are Pyodide's private API
// (see node_modules/pyodide/pyodide.d.ts), hence the proof: the snapshot is booted here once and
// must give the same answers as the Python that made it, or nothing is written.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, zipPath, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node make_snapshot.mjs PYODIDE_DIR PYCALC_ZIP OUTPUT.gz");
  process.exit(2);
}
const { loadPyodide, version } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const BUNDLE_DIR = "/home/pyodide/bundle"; // the same place the worker unpacks the zip
const bundle = new Uint8Array(readFileSync(zipPath));
const quiet = { stdout: () => {}, stderr: (line) => console.error(line) };

// Every calculator's worked example, as the browser would ask for it.
const EXAMPLES = `
import json, pycalc
from pycalc.browser import handle_json
json.dumps([
    handle_json(json.dumps({"calculator": c["id"], "rules": None,
                            "inputs": {k: v if isinstance(v, bool) else str(v)
                                       for k, v in pycalc.example_inputs(c["id"]).items()}}))
    for c in pycalc.calculators()
])`;

function withPycalc(pyodide) {
  pyodide.unpackArchive(bundle, "zip", { extractDir: BUNDLE_DIR });
  pyodide.runPython(`import sys\nif "${BUNDLE_DIR}" not in sys.path: sys.path.insert(0, "${BUNDLE_DIR}")`);
  return JSON.parse(pyodide.runPython(EXAMPLES));
}

const digest = createHash("sha256").update(bundle).digest("hex");
const maker = await loadPyodide({ indexURL: pyodideDir + path.sep, _makeSnapshot: true, ...quiet });
const expected = withPycalc(maker);
maker.runPython(`
import gc
import pycalc.browser
PYCALC_BUNDLE_SHA256 = "${digest}"  # read by the worker: which zip the imported pycalc came from
for name in ("json", "handle_json", "c"):
    globals().pop(name, None)
gc.collect()
`);
const snapshot = maker.makeMemorySnapshot();

// The proof: boot from the snapshot as the worker will, and compare every answer.
const restored = await loadPyodide({ indexURL: pyodideDir + path.sep, _loadSnapshot: snapshot, ...quiet });
if (restored.globals.get("PYCALC_BUNDLE_SHA256") !== digest) throw new Error("the snapshot lost its bundle digest");
const answers = withPycalc(restored);
if (JSON.stringify(answers) !== JSON.stringify(expected) || !answers.every((a) => JSON.parse(a).ok)) {
  throw new Error("the snapshot does not give the same answers as a normal boot");
}

const compressed = gzipSync(snapshot, { level: 6 });
writeFileSync(output + ".partial", compressed);
renameSync(output + ".partial", output);
console.log(JSON.stringify({ pyodide: version, snapshotBytes: snapshot.length, compressedBytes: compressed.length,
                             calculatorsChecked: answers.length }));
