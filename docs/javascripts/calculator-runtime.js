// The site's one Pyodide worker: started on demand, shared by every calculator widget, and
// kept across instant navigation because this module is evaluated once per visit.
// A worker that dies or stops answering is replaced, and unanswered requests are sent again.
// A slow download is not a failure: the boot fails only after this long with no progress at all
// (no byte arrived, no step finished), which is how a hung Pyodide load (seen when the wasm fails) shows.
const BOOT_STALL_LIMIT_MS = 60000;
const ANSWER_TIME_LIMIT_MS = 10000; // a calculation takes milliseconds; silence means the worker died
const MOST_RESTARTS = 3;

let current = null;

export function runtime(bundleUrl) {
  if (!current) {
    current = new Runtime(bundleUrl);
    window.__pycalcRuntime = current; // for tests and debugging in the console
  }
  return current;
}

// What the reader's connection is like. A reader who asks to save data, or whose link is slow
// (Network Information API, Chromium only), downloads nothing of Pyodide until they use a
// calculator: the worked example is there meanwhile. The memory snapshot (3.0 MB with brotli, 4.4
// MB with gzip) saves 2 to 6 seconds of CPU on a start (more on a phone's slower CPU), which pays
// for its download above about 4 Mbps (make bench, phone profiles: on fast 4G, 9 Mbps, it is ready
// sooner with it; on slow 4G, 1.6 Mbps, later). So it is fetched when the link looks fast by any
// of three measures: the page's own request came back within 50 ms; one of the page's files of
// 16 KB or more arrived at 20 Mbps or more (a local link on a busy machine can answer slowly, but
// then sends fast); Chromium estimates at least 5 Mbps down (its estimate is coarse: 1.55 Mbps /
// 100 ms before it has a sample; other browsers have none). A snapshot already in the HTTP cache
// is always used (pycalc-worker.js).
const SNAPSHOT_ROUND_TRIP_MS = 50;
const SNAPSHOT_MEASURED_MBPS = 20;
const SNAPSHOT_DOWNLINK_MBPS = 5;

function measuredMbps() {
  let fastest = 0;
  for (const file of [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]) {
    const took = file.responseEnd - file.responseStart;
    if (file.transferSize > 0 && file.encodedBodySize >= 16384 && took > 0) {
      fastest = Math.max(fastest, (file.encodedBodySize * 8) / took / 1000);
    }
  }
  return fastest;
}

function connection() {
  const info = navigator.connection;
  const saveData = Boolean(info && info.saveData);
  const slow = saveData || Boolean(info && ["slow-2g", "2g", "3g"].includes(info.effectiveType));
  const page = performance.getEntriesByType("navigation")[0];
  const roundTrip = page && page.responseStart > 0 ? page.responseStart - page.requestStart : null;
  const mbps = measuredMbps();
  let fast = !slow && (roundTrip === null || roundTrip < SNAPSHOT_ROUND_TRIP_MS || mbps >= SNAPSHOT_MEASURED_MBPS
    || Boolean(info && info.downlink >= SNAPSHOT_DOWNLINK_MBPS));
  if (window.__pycalcSnapshot === "always" || window.__pycalcSnapshot === "never") { // make bench's variants
    fast = window.__pycalcSnapshot === "always";
  }
  return { saveData, slow, fast, roundTrip, mbps: Math.round(mbps) };
}

class Runtime {
  constructor(bundleUrl) {
    this.bundleUrl = bundleUrl;
    this.nextId = 1;
    this.waiting = new Map(); // id -> { request, resolve, reject, timer }
    this.restarts = 0;
    this.link = connection();
    this.worker = null;
    let settle;
    this.ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    this.settleFirstBoot = settle;
    if (!this.link.slow) this.start();
  }

  start() {
    const worker = new Worker(new URL("pycalc-worker.js", import.meta.url), { type: "module" });
    let booted = false;
    this.worker = worker;
    const booting = new Promise((resolve, reject) => {
      let timer = null;
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => reject(new Error("it stopped downloading")), BOOT_STALL_LIMIT_MS);
      };
      watch();
      worker.addEventListener("message", ({ data }) => {
        if (data.type === "progress") {
          this.progress = data;
          watch();
        } else if (data.type === "ready") {
          clearTimeout(timer);
          booted = true;
          resolve(data);
        } else if (data.type === "boot-error") {
          clearTimeout(timer);
          reject(new Error(data.message));
        } else if (data.type === "answer") {
          this.answer(data.id, data.answer);
        }
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        clearTimeout(timer);
        if (booted) this.replace(worker);
        else reject(new Error(event.message || "its code could not be loaded"));
      });
    });
    booting.then(this.settleFirstBoot.resolve, this.settleFirstBoot.reject);
    this.ready = booting;
    booting.then(
      () => this.waiting.forEach((_, id) => this.send(id)),
      (error) => this.failAll(error),
    );
    worker.postMessage({ type: "boot", bundleUrl: this.bundleUrl, snapshot: this.link.fast });
  }

  calculate(request) {
    if (!this.worker) this.start(); // a slow link or save-data: Pyodide comes when a calculator is used
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { request, resolve, reject, timer: null });
      this.ready.then(
        () => this.send(id),
        (error) => {
          this.waiting.delete(id);
          reject(error);
        },
      );
    });
  }

  send(id) {
    const pending = this.waiting.get(id);
    if (!pending || pending.timer) return;
    const worker = this.worker;
    pending.timer = setTimeout(() => this.replace(worker), ANSWER_TIME_LIMIT_MS);
    worker.postMessage({ type: "calculate", id, request: pending.request });
  }

  answer(id, answer) {
    const pending = this.waiting.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.waiting.delete(id);
    pending.resolve(answer);
  }

  // A worker that crashed after booting is replaced; its unanswered requests go to the new one.
  replace(deadWorker) {
    if (deadWorker !== this.worker) return;
    deadWorker.terminate();
    if (this.restarts >= MOST_RESTARTS) {
      this.failAll(new Error("it stopped working repeatedly"));
      return;
    }
    this.restarts += 1;
    for (const pending of this.waiting.values()) {
      clearTimeout(pending.timer);
      pending.timer = null;
    }
    this.start();
  }

  failAll(error) {
    for (const pending of this.waiting.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.waiting.clear();
  }
}
