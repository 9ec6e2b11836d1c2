// The site's one Pyodide worker: started on demand, shared by every calculator widget, and
// kept across instant navigation because this module is evaluated once per visit.
// A worker that dies or stops answering is replaced, and unanswered requests are sent again.
const BOOT_TIME_LIMIT_MS = 90000; // a hung Pyodide load (seen when the wasm fails) must still end
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

class Runtime {
  constructor(bundleUrl) {
    this.bundleUrl = bundleUrl;
    this.nextId = 1;
    this.waiting = new Map(); // id -> { request, resolve, reject, timer }
    this.restarts = 0;
    this.start();
  }

  start() {
    const worker = new Worker(new URL("pycalc-worker.js", import.meta.url), { type: "module" });
    let booted = false;
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("it took too long to start")), BOOT_TIME_LIMIT_MS);
      worker.addEventListener("message", ({ data }) => {
        if (data.type === "ready") {
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
    this.ready.then(
      () => this.waiting.forEach((_, id) => this.send(id)),
      (error) => this.failAll(error),
    );
    worker.postMessage({ type: "boot", bundleUrl: this.bundleUrl });
  }

  calculate(request) {
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
