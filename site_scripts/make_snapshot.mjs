// Makes what the calculator worker boots from, and proves it before the build ships it. Run by
// site_scripts/bundle.py during the build, in two steps:
//
//   node make_snapshot.mjs imports  PYODIDE_DIR PYCALC_ZIP REQUESTS.json OUT.json
//   node make_snapshot.mjs snapshot PYODIDE_DIR PYCALC_ZIP REQUESTS.json IMPORTS.json TRIMMED_STDLIB.zip OUT.gz
//
// "imports" boots Python the normal way with Pyodide's whole standard library, runs every request
// (each calculator's worked example under each rule set, every case of tests/cases, charts and bad
// inputs) and writes the standard-library files that were imported, with the answers. bundle.py
// makes a standard library zip of just those files (0.8 MB instead of 2.5 MB: a phone downloads
// it on every first visit).
// "snapshot" proves that zip gives the same answers to every request on a normal boot, then saves
// Python started with that zip, pycalc imported and warmed up, as a memory snapshot, boots the
// snapshot once and requires the same answers again. Nothing is written unless all agree.
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
const BUNDLE_DIR = "/home/pyodide/bundle"; // the same place the worker unpacks the zip
const bundle = new Uint8Array(readFileSync(zipPath));
const requests = readFileSync(requestsPath, "utf-8");
const quiet = { stdout: () => {}, stderr: (line) => console.error(line) };
const options = (more) => ({ indexURL: pyodideDir + path.sep, ...quiet, ...more });

// Every request, answered as the browser's worker answers it.
// The snapshot itself is warmed with the requests marked "warm" only (each calculator's worked
// example): Python's memory grows with every request it answers, and a snapshot larger than the
// memory Pyodide starts with does not restore ("offset is out of bounds").
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
  const maker = await loadPyodide(options({ stdLibURL: stdlib, _makeSnapshot: true }));
  withPycalc(maker, true);
  maker.runPython(`
import gc
import pycalc.browser
PYCALC_BUNDLE_SHA256 = "${digest}"  # read by the worker: which zip the imported pycalc came from
for name in ("json", "handle_json"):
    globals().pop(name, None)
gc.collect()
`);
  const snapshot = maker.makeMemorySnapshot();
  const restored = await loadPyodide(options({ stdLibURL: stdlib, _loadSnapshot: snapshot }));
  if (restored.globals.get("PYCALC_BUNDLE_SHA256") !== digest) throw new Error("the snapshot lost its bundle digest");
  same(withPycalc(restored), "the snapshot");
  const compressed = gzipSync(snapshot, { level: 6 });
  write(output, compressed);
  console.log(JSON.stringify({ pyodide: version, snapshotBytes: snapshot.length, compressedBytes: compressed.length,
                               requestsChecked: expected.length }));
}
