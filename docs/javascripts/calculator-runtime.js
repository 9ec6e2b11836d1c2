// The site's one Pyodide worker: started on demand, shared by every calculator widget,
// and kept across instant navigation because this module is evaluated once per visit.
const BOOT_TIME_LIMIT_MS = 90000; // a hung Pyodide load must still end in a clear message

let current = null;

export function runtime(bundleUrl) {
  if (!current) current = start(bundleUrl);
  return current;
}

function start(bundleUrl) {
  const worker = new Worker(new URL("pycalc-worker.js", import.meta.url), { type: "module" });
  const waiting = new Map();
  let nextId = 1;

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("it took too long to start")), BOOT_TIME_LIMIT_MS);
    function fail(error) {
      clearTimeout(timer);
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    }
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        clearTimeout(timer);
        resolve(data);
      } else if (data.type === "boot-error") {
        fail(new Error(data.message));
      } else if (data.type === "answer") {
        const pending = waiting.get(data.id);
        waiting.delete(data.id);
        if (pending) pending.resolve(data.answer);
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(new Error(event.message || "its code could not be loaded"));
    });
  });
  ready.catch(() => {}); // each caller handles the failure; this only silences the console

  worker.postMessage({ type: "boot", bundleUrl });
  return {
    ready,
    calculate(request) {
      return ready.then(
        () =>
          new Promise((resolve, reject) => {
            const id = nextId++;
            waiting.set(id, { resolve, reject });
            worker.postMessage({ type: "calculate", id, request });
          }),
      );
    },
  };
}
