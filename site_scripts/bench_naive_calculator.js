// The benchmark's baseline, never part of the site: site_scripts/bench.py copies the built
// site to site-naive/ and puts this file in place of javascripts/calculator.js.
// It is the straightforward way to run pycalc in a page: Pyodide on the main thread with the
// default boot (loadPyodide from the self-hosted pyodide.mjs, then fetch the pycalc zip,
// unpack it, import pycalc), no worker, no snapshot, no preload hint; calculate on input.
// It renders a result the way the real widget does (same attributes, same calculator:result
// event), so the benchmark measures both with the same probes.
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";

const SITE_ROOT = new URL("../", import.meta.url);
const BUNDLE_DIR = "/home/pyodide/bundle";
let python = null; // one Pyodide per document: the module is evaluated once per visit

function boot(bundleUrl) {
  if (!python) {
    python = (async () => {
      const pyodide = await loadPyodide();
      const response = await fetch(bundleUrl);
      pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: BUNDLE_DIR });
      pyodide.runPython(`import sys; sys.path.insert(0, "${BUNDLE_DIR}")`);
      return pyodide.pyimport("pycalc.browser").handle_json;
    })();
  }
  return python;
}

function fieldValues(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    values[element.name] = element.type === "checkbox" ? element.checked : element.value;
  }
  return values;
}

function items(list, entries, render) {
  if (list) list.replaceChildren(...entries.map(render));
}

function mount(element) {
  const form = element.querySelector("[data-form]");
  const result = element.querySelector(".calc-result");
  const handle = boot(new URL(element.dataset.bundle, SITE_ROOT).href);
  element.dataset.state = "loading";
  handle.then(() => { element.dataset.state = "ready"; });

  async function compute() {
    result.dataset.stale = "true";
    const handleJson = await handle;
    const answer = JSON.parse(handleJson(JSON.stringify({
      calculator: element.dataset.calculator, rules: element.dataset.rules, inputs: fieldValues(form),
    })));
    if (!answer.ok) return;
    const outcome = answer.result;
    for (const output of result.querySelectorAll("[data-output]")) {
      output.dataset.value = JSON.stringify(outcome.outputs[output.dataset.output]);
      output.textContent = outcome.display[output.dataset.output];
    }
    items(result.querySelector("[data-steps]"), outcome.steps, (step) => {
      const li = document.createElement("li");
      li.textContent = `${step.text} ${step.source}`;
      return li;
    });
    items(result.querySelector("[data-notes]"), outcome.notes, (note) => {
      const li = document.createElement("li");
      li.textContent = note;
      return li;
    });
    result.dataset.source = "browser";
    delete result.dataset.stale;
    element.dataset.state = "ready";
    element.dispatchEvent(new CustomEvent("calculator:result", { bubbles: true, detail: outcome }));
  }
  form.addEventListener("input", compute);
  form.addEventListener("change", compute);
  form.addEventListener("submit", (event) => { event.preventDefault(); compute(); });
}

function mountAll() {
  for (const element of document.querySelectorAll("[data-calculator]")) {
    if (!element.naiveMounted) {
      element.naiveMounted = true;
      mount(element);
    }
  }
}

if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
