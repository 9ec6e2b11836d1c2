// Runs pycalc in Pyodide, off the main thread. One worker serves every widget on the site
// and lives on across MkDocs Material's instant navigation.

// Every file Pyodide needs is asked for at once, as the worker starts, before Pyodide's own
// script has arrived (a round trip each on a phone network); Pyodide is handed the responses.
// Scripts too are imported when the boot starts, not before this module runs (a static import
// would cost a round trip before anything else is asked for).
const snapshotFormat = import("./pycalc-snapshot.mjs");
snapshotFormat.catch(() => {}); // awaited in boot
const PYODIDE_DIR = new URL("../assets/pyodide/", import.meta.url).href;
const PYODIDE_VERSION = "314.0.7"; // of node_modules/pyodide; checked against Pyodide's own at boot

const BUNDLE_DIR = "/home/pyodide/bundle";
let handleJson = null;
let bootedFrom = null;
const steps = {}; // when each step of the boot ended (ms since the worker started), sent with "ready"
const step = (name) => { steps[name] = Math.round(performance.now()); };

// Pyodide can hang instead of failing when one of its files does not arrive, so every
// request it makes is watched and the first failure ends the boot at once.
let reportFailedRequest = () => {};
const failedRequest = new Promise((_, reject) => {
  reportFailedRequest = (url, why) => reject(new Error(`a file it needs did not load (${url.split("/").pop()}: ${why})`));
});
let requestFailure = null;
failedRequest.catch((error) => { requestFailure = error; });
const realFetch = self.fetch.bind(self);

// Progress, so the page can tell a slow download from a hung one: every step and, at most twice a
// second, the bytes received so far.
let received = 0;
let lastReport = 0;
function reportProgress(step) {
  const now = performance.now();
  if (!step && now - lastReport < 500) return;
  lastReport = now;
  self.postMessage({ type: "progress", step: step || "downloading", bytes: received });
}

function counted(response) {
  if (!response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      reportProgress();
      controller.enqueue(chunk);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
}

// The big files have .br and .gz copies beside them (site_scripts/bundle.py). A host that
// compresses sends one of them (Content-Encoding); one that sends files as they are (python -m
// http.server, some static hosts) would send the wasm at 9.6 MB instead of 2.7 to 3.5 MB, so then
// the worker stops that download as soon as the headers show it, asks for the .gz copy and unpacks
// it itself (DecompressionStream has gzip, not brotli). The file's own name is always asked first:
// that costs one round trip on such a host, and a file that cannot be had fails as itself.
const TYPES = { wasm: "application/wasm", zip: "application/zip" };

async function fetchSmallest(url) {
  const controller = new AbortController();
  const response = await realFetch(url, { signal: controller.signal });
  if (!response.ok || response.headers.get("content-encoding")) return response;
  controller.abort();
  const packed = await realFetch(`${url}.gz`).catch(() => null);
  if (!packed || !packed.ok || !packed.body) return realFetch(url); // no copy: the file as it is
  const type = TYPES[url.split(".").pop()] || "application/octet-stream";
  // A host may send the .gz file itself with Content-Encoding: gzip; the browser has unpacked it then.
  const body = packed.headers.get("content-encoding") ? packed.body : packed.body.pipeThrough(new DecompressionStream("gzip"));
  return new Response(body, { status: 200, headers: { "Content-Type": type } });
}

// Files asked for before Pyodide asks: each response is handed over once (a second boot asks again).
const early = new Map();
function askEarly(url) {
  const response = fetchSmallest(url);
  response.catch(() => {}); // awaited when Pyodide asks
  early.set(url, response);
  return response;
}

// The standard library: the trimmed one made with the snapshot (only what pycalc imports); if the
// build has none, Pyodide's whole one, without Pyodide noticing.
const FULL_STDLIB_URL = `${PYODIDE_DIR}python_stdlib.zip`;
let trimmedStdlibUrl = null;

async function fetchOwn(url, options) {
  const asked = early.get(url);
  early.delete(url);
  const response = await (asked || (url.endsWith(".wasm") || url === trimmedStdlibUrl
    ? fetchSmallest(url) : realFetch(url, options))).catch((error) => {
    if (url === trimmedStdlibUrl) return null;
    throw error;
  });
  if (url === trimmedStdlibUrl && !(response && response.ok)) return realFetch(FULL_STDLIB_URL, options);
  return response;
}

self.fetch = async (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  try {
    const response = await fetchOwn(url, options);
    if (!response.ok) reportFailedRequest(url, `HTTP ${response.status}`);
    reportProgress("response");
    return counted(response);
  } catch (error) {
    reportFailedRequest(url, "network error");
    throw error;
  }
};

async function fetchBundle(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the calculator code could not be downloaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}

// The build saves Python, started and warmed up, as a memory snapshot next to the pycalc zip
// (site_scripts/make_snapshot.mjs). Booting from it skips most of Python's start-up. It is an
// optimisation only: if it is missing or does not work, Python starts the normal way.
function besideBundle(bundleUrl, suffix) {
  return bundleUrl.replace(/\.zip$/, `.pyodide-${PYODIDE_VERSION}.${suffix}`);
}

// The page asks for the snapshot only on a fast link (calculator-runtime.js); one already in the
// HTTP cache costs nothing to download, so it is used whatever the link. Returns the unpacked
// snapshot's promise (see pycalc-snapshot.mjs), or null for a normal boot. boot() awaits it before
// Pyodide starts: a snapshot promise that rejected inside Pyodide would fail the boot instead of
// falling back.
async function inCache(url) {
  const cached = await realFetch(url, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
  return cached && cached.ok ? cached : null;
}

async function snapshotSource(url, wanted) {
  const encoded = await inCache(url);
  const cached = encoded && encoded.headers.get("content-encoding") ? encoded : await inCache(`${url}.gz`);
  if (!cached && !wanted) return null;
  const unpacked = (async () => {
    let response = cached ? cached : counted(await fetchSmallest(url)); // not watched: a normal boot follows
    if (!response.ok) throw new Error(`no snapshot (HTTP ${response.status})`);
    if (cached && cached !== encoded) response = new Response(cached.body.pipeThrough(new DecompressionStream("gzip")));
    const { unpackSnapshot } = await snapshotFormat;
    return unpackSnapshot(new Uint8Array(await response.arrayBuffer()));
  })();
  unpacked.catch(() => {}); // a failure means a normal boot
  return unpacked;
}

// The zip's files, unpacked in JavaScript: Python's own unzip would be the first code to run in a
// freshly restored snapshot and pay for compiling its part of the WebAssembly, which costs more
// than the unpacking itself. Reads stored and deflated entries, which is all Python's zipfile writes.
async function unzip(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("the calculator code is not a zip file");
  const count = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  const files = [];
  for (let i = 0; i < count; i += 1) {
    const method = view.getUint16(entry + 10, true);
    const size = view.getUint32(entry + 20, true);
    const nameLength = view.getUint16(entry + 28, true);
    const skip = nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + nameLength));
    const local = view.getUint32(entry + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (!name.endsWith("/")) {
      if (method === 0) files.push([name, Promise.resolve(data)]);
      else if (method === 8) {
        const inflated = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
        files.push([name, new Response(inflated).arrayBuffer().then((b) => new Uint8Array(b))]);
      } else throw new Error(`the calculator code uses an unknown compression (${method})`);
    }
    entry += 46 + skip;
  }
  return Promise.all(files.map(async ([name, data]) => [name, await data]));
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The zip, read for installing: its digest and its files.
async function readBundle(bundle) {
  const [digest, files] = await Promise.all([sha256(bundle), unzip(bundle)]);
  return { digest, files };
}

// The snapshot has pycalc imported already, from the zip whose digest it records; that pycalc is
// kept only if the downloaded zip is the same one, otherwise pycalc is imported afresh from it.
// Either way the zip's files are written out, for anything pycalc reads later.
function install(pyodide, { digest, files }) {
  const madeFrom = pyodide.globals.get("PYCALC_BUNDLE_SHA256");
  const same = madeFrom !== undefined && madeFrom === digest;
  for (const [name, data] of files) {
    const path = `${BUNDLE_DIR}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, data);
  }
  pyodide.runPython(`
import sys
if not ${same ? "True" : "False"}:
    for name in [m for m in sys.modules if m == "pycalc" or m.startswith("pycalc.")]:
        del sys.modules[name]
if "${BUNDLE_DIR}" not in sys.path:
    sys.path.insert(0, "${BUNDLE_DIR}")
sys.path_importer_cache.pop("${BUNDLE_DIR}", None)  # the directory is new: forget what was cached of it
import gc
import pycalc.browser
gc.freeze()  # what is loaded now lives as long as the worker: the collector need not walk it on every change
`);
  return pyodide.pyimport("pycalc.browser").handle_json;
}

async function boot(bundleUrl, snapshotWanted) {
  // The wasm, the standard library, the bundle and the snapshot download, and Pyodide's scripts
  // load, all at once; the bundle is unzipped while Pyodide starts.
  const stdLibURL = bundleUrl.replace(/\.zip$/, `.pyodide-${PYODIDE_VERSION}/python_stdlib.zip`);
  trimmedStdlibUrl = stdLibURL;
  const snapshotSought = snapshotSource(besideBundle(bundleUrl, "snapshot"), snapshotWanted);
  askEarly(`${PYODIDE_DIR}pyodide.asm.wasm`);
  askEarly(stdLibURL);
  const bundle = fetchBundle(bundleUrl).then(readBundle);
  bundle.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const watched = (step) => Promise.race([step, failedRequest]);
  const scripts = Promise.all([import(`${PYODIDE_DIR}pyodide.mjs`), import(`${PYODIDE_DIR}pyodide.asm.mjs`)]);
  scripts.catch(() => {});
  const [{ loadPyodide, version }, { default: create }] = await watched(scripts);
  const { createModule } = await watched(snapshotFormat);
  step("scripts");
  if (version !== PYODIDE_VERSION) throw new Error(`Pyodide ${version} is not the ${PYODIDE_VERSION} this site was built with`);
  const snapshot = await snapshotSought.then((found) => found, () => null);
  step("snapshot");
  reportProgress("starting Python");
  if (snapshot) {
    try {
      const pyodide = await watched(loadPyodide({
        _loadSnapshot: snapshot.image, stdLibURL, createPyodideModule: createModule(create, { snapshot }),
      }));
      step("python");
      reportProgress("installing the calculators");
      handleJson = install(pyodide, await watched(bundle));
      step("installed");
      bootedFrom = "snapshot";
      return;
    } catch (error) {
      if (await isFatal(bundle)) throw requestFailure || error;
      console.info("Starting Python without the snapshot:", String((error && error.message) || error));
    }
  }
  const pyodide = await watched(loadPyodide({ stdLibURL, createPyodideModule: createModule(create) }));
  step("python");
  reportProgress("installing the calculators");
  handleJson = install(pyodide, await watched(bundle));
  step("installed");
  bootedFrom = "normal start";
}

// A failure the normal boot cannot escape either: a file that did not load, or the bundle.
async function isFatal(bundle) {
  await new Promise((resolve) => setTimeout(resolve, 0)); // let a request failure be recorded
  const bundleFailed = await bundle.then(() => false, () => true);
  return requestFailure !== null || bundleFailed;
}

function calculate(request) {
  try {
    return JSON.parse(handleJson(JSON.stringify(request)));
  } catch (error) {
    return { ok: false, failure: "The calculation failed unexpectedly.", detail: String(error) };
  }
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "boot") {
    const started = performance.now();
    step("asked");
    try {
      await boot(data.bundleUrl, data.snapshot !== false);
      step("ready");
      self.postMessage({ type: "ready", bootMs: performance.now() - started, bootedFrom, steps });
    } catch (error) {
      self.postMessage({ type: "boot-error", message: String((error && error.message) || error) });
    }
  } else if (data.type === "calculate") {
    self.postMessage({ type: "answer", id: data.id, answer: calculate(data.request) });
  }
});
