// Runs pycalc in Pyodide, off the main thread. One worker serves every widget on the site
// and lives on across MkDocs Material's instant navigation.
import { loadPyodide, version } from "../assets/pyodide/pyodide.mjs";

const BUNDLE_DIR = "/home/pyodide/bundle";
let handleJson = null;
let bootedFrom = null;

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

// The standard library: the trimmed one made with the snapshot (only what pycalc imports), asked
// for early; if the build has none, Pyodide's whole one, without Pyodide noticing.
const FULL_STDLIB_URL = new URL("../assets/pyodide/python_stdlib.zip", import.meta.url).href;
let trimmedStdlib = null; // { url, response: Promise<Response> }

async function fetchOwn(url, options) {
  if (trimmedStdlib && url === trimmedStdlib.url) {
    const response = await trimmedStdlib.response.catch(() => null);
    if (response && response.ok) return response;
    return realFetch(FULL_STDLIB_URL, options);
  }
  return realFetch(url, options);
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
  return bundleUrl.replace(/\.zip$/, `.pyodide-${version}.${suffix}`);
}

// The page asks for the snapshot only on a fast link (calculator-runtime.js); one already in the
// HTTP cache costs nothing to download, so it is used whatever the link. Returns the unpacked
// snapshot's promise, or null for a normal boot.
async function snapshotSource(url, wanted) {
  const cached = await realFetch(url, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
  if (!(cached && cached.ok) && !wanted) return null;
  // Its status is known before Pyodide starts: a snapshot promise that rejects inside Pyodide ends
  // as an unhandled rejection in the worker, which fails the boot instead of falling back.
  const response = cached && cached.ok ? cached : await realFetch(url).catch(() => null); // not watched
  if (!(response && response.ok)) return null;
  const unpacked = new Response(counted(response).body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
    .then((buffer) => new Uint8Array(buffer));
  unpacked.catch(() => {});
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
`);
  return pyodide.pyimport("pycalc.browser").handle_json;
}

async function boot(bundleUrl, snapshotWanted) {
  // The bundle, the standard library and the snapshot download, and the bundle is unzipped, while
  // Pyodide loads.
  const stdLibURL = besideBundle(bundleUrl, "stdlib.zip");
  trimmedStdlib = { url: stdLibURL, response: realFetch(stdLibURL) };
  trimmedStdlib.response.catch(() => {});
  const bundle = fetchBundle(bundleUrl).then(readBundle);
  bundle.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const watched = (step) => Promise.race([step, failedRequest]);
  const snapshot = await snapshotSource(besideBundle(bundleUrl, "snapshot.gz"), snapshotWanted);
  reportProgress("starting Python");
  if (snapshot) {
    try {
      const pyodide = await watched(loadPyodide({ _loadSnapshot: snapshot, stdLibURL }));
      reportProgress("installing the calculators");
      handleJson = install(pyodide, await watched(bundle));
      bootedFrom = "snapshot";
      return;
    } catch (error) {
      if (await isFatal(bundle)) throw requestFailure || error;
      console.info("Starting Python without the snapshot:", String((error && error.message) || error));
    }
  }
  const pyodide = await watched(loadPyodide({ stdLibURL }));
  reportProgress("installing the calculators");
  handleJson = install(pyodide, await watched(bundle));
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
    try {
      await boot(data.bundleUrl, data.snapshot !== false);
      self.postMessage({ type: "ready", bootMs: performance.now() - started, bootedFrom });
    } catch (error) {
      self.postMessage({ type: "boot-error", message: String((error && error.message) || error) });
    }
  } else if (data.type === "calculate") {
    self.postMessage({ type: "answer", id: data.id, answer: calculate(data.request) });
  }
});
