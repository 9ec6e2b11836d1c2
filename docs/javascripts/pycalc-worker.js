// Runs pycalc in Pyodide, off the main thread. One worker serves every widget on the site
// and lives on across MkDocs Material's instant navigation.
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";

const BUNDLE_DIR = "/home/pyodide/bundle";
let handleJson = null;

// Pyodide can hang instead of failing when one of its files does not arrive, so every
// request it makes is watched and the first failure ends the boot at once.
let reportFailedRequest = () => {};
const failedRequest = new Promise((_, reject) => {
  reportFailedRequest = (url, why) => reject(new Error(`a file it needs did not load (${url.split("/").pop()}: ${why})`));
});
const realFetch = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  try {
    const response = await realFetch(resource, options);
    if (!response.ok) reportFailedRequest(url, `HTTP ${response.status}`);
    return response;
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

async function boot(bundleUrl) {
  // The bundle downloads while Pyodide compiles: neither waits for the other.
  const loading = Promise.all([loadPyodide(), fetchBundle(bundleUrl)]);
  const [pyodide, bundle] = await Promise.race([loading, failedRequest]);
  pyodide.unpackArchive(bundle, "zip", { extractDir: BUNDLE_DIR });
  pyodide.runPython(`import sys; sys.path.insert(0, "${BUNDLE_DIR}")`);
  handleJson = pyodide.pyimport("pycalc.browser").handle_json;
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
      await boot(data.bundleUrl);
      self.postMessage({ type: "ready", bootMs: performance.now() - started });
    } catch (error) {
      self.postMessage({ type: "boot-error", message: String((error && error.message) || error) });
    }
  } else if (data.type === "calculate") {
    self.postMessage({ type: "answer", id: data.id, answer: calculate(data.request) });
  }
});
