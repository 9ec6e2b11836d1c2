"""Benchmark the calculators against a naive main-thread Pyodide baseline (issue: Fast).

Run it with `make bench` (which builds the site for the port it is served from). It drives
Debian's headless Chromium through Playwright against the built site on localhost and, in the
same run and interleaved with it, against a copy of that site (site-naive/, next to it) whose
calculator script is the naive one in bench_naive_calculator.js. It writes
benchmarks/results/bench.json and benchmarks/results/bench.md and prints the table.

Every run starts Chromium with a new, empty user-data-dir and measures, per calculator page:
  cold  the first visit;
  warm  a second visit to the same page, same profile (HTTP cache, code cache);
  nav   a second calculator page reached from the first by instant navigation.
Times are from the start of navigation (for nav, from the click) in the page's own clock.
This is a script, not a test: it reports figures and checks, it never fails on a figure.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import io
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
DEFAULT_PAGES = ["/unemployment/", "/family-benefits/"]
PAGES_WITHOUT_CALCULATOR = ["/", "/addresses/"]
NAIVE_SCRIPT = Path(__file__).with_name("bench_naive_calculator.js")
RESULTS = ROOT / "benchmarks" / "results"
TIMEOUT_MS = 120_000
SETTLE_MS = 2_000  # between the first browser result and the recompute sample
PYODIDE_MARKS = ("/assets/pyodide/", "/assets/pycalc-")

# Installed before any script of the page runs: long tasks, paints, the moment each widget
# first shows a browser-computed result, and the reader's input events, all in page time.
PROBE = r"""
(() => {
  if (window.top !== window || window.__bench) return;
  const bench = window.__bench = { longtasks: [], frameScripts: [], paints: {}, results: [], inputs: [] };
  const watch = (type, record) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({ type, buffered: true }); }
    catch (error) { bench[type + "Unsupported"] = String(error); }
  };
  watch("longtask", (e) => bench.longtasks.push([e.startTime, e.duration]));
  watch("paint", (e) => { bench.paints[e.name] = e.startTime; });
  // Long animation frames name the scripts that made them long: that is how a long task is
  // pinned on Pyodide (or the calculator code) rather than on the page.
  watch("long-animation-frame", (e) => e.scripts.forEach((s) =>
    bench.frameScripts.push([s.startTime, s.duration, s.sourceURL || s.invoker || ""])));
  const shown = new WeakSet();
  const check = () => {
    for (const widget of document.querySelectorAll('[data-calculator][data-state="ready"]')) {
      if (shown.has(widget)) continue;
      if (widget.querySelector('.calc-result[data-source="browser"]:not([data-stale])')) {
        shown.add(widget);
        bench.results.push({ calculator: widget.dataset.calculator, t: performance.now() });
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-source", "data-stale"],
  });
  document.addEventListener("input", () => bench.inputs.push(performance.now()), true);
})();
"""

RESOURCES = """() => {
  const origin = performance.timeOrigin;
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  return entries.map((e) => ({ name: e.name, start: origin + e.startTime, end: origin + e.responseEnd,
                               transfer: e.transferSize, body: e.encodedBodySize }));
}"""

# Changes as a reader makes them: each one its own task, after the browser has drawn the previous
# result (a keystroke never arrives inside the previous keystroke's task). Timed from dispatching
# the input event to the DOM update (the widget's calculator:result event, sent right after it),
# and to the start of the next frame, which paints it.
RECOMPUTE = """async ({ field, values, count }) => {
  const widget = document.querySelector("[data-calculator]");
  const input = widget.querySelector(`[name="${field}"]`);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const toDom = [];
  const toFrame = [];
  for (let i = 0; i < count; i++) {
    await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, 0));
    let updated = 0;
    const done = new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 10000);
      widget.addEventListener("calculator:result", () => { updated = performance.now(); clearTimeout(timer); resolve(true); }, { once: true });
    });
    input.value = values[i % values.length];
    const started = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    if (!(await done)) throw new Error(`no calculator:result for change ${i}`);
    toDom.push(updated - started);
    toFrame.push((await nextFrame()) - started);
  }
  return { toDom, toFrame };
}"""

CLICK_NAV = """(path) => {
  const link = [...document.querySelectorAll("nav.md-nav--primary a[href]")]
    .find((a) => new URL(a.href).pathname === path);
  if (!link) throw new Error(`no navigation link to ${path}`);
  const clicked = performance.now();
  link.click();
  return clicked;
}"""


# The site's Content-Security-Policy forbids eval, so no string predicates: these poll in the page.
# (They only decide when to go on; every time reported comes from the probe.)
WAIT_MOUNTED = """({ selector, timeout }) => new Promise((resolve, reject) => {
  const until = performance.now() + timeout;
  (function poll() {
    const widget = document.querySelector(selector);
    if (widget && (widget.calculatorWidget || widget.naiveMounted)) resolve(true);
    else if (performance.now() > until) reject(new Error(`${selector} was never mounted`));
    else setTimeout(poll, 5);
  })();
})"""

WAIT_RESULT = """({ since, calculator, timeout }) => new Promise((resolve, reject) => {
  const until = performance.now() + timeout;
  (function poll() {
    if (window.__bench.results.slice(since).some((r) => r.calculator === calculator)) resolve(true);
    else if (performance.now() > until) reject(new Error(`no browser result from ${calculator}`));
    else setTimeout(poll, 20);
  })();
})"""


# ---------------------------------------------------------------------------- serving

class Handler(http.server.SimpleHTTPRequestHandler):
    """http.server, quiet. With host_rules, it also behaves like the static host configuration
    documented in README.md: long-lived immutable caching for versioned assets, and pre-compressed
    .br/.gz siblings served with Content-Encoding when the browser accepts them."""

    host_rules = False

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.host_rules:
            for header, value in host_headers(urlsplit(self.path).path).items():
                self.send_header(header, value)
        super().end_headers()

    def send_head(self):
        if self.host_rules:
            path = self.translate_path(self.path)
            if os.path.isdir(path) and os.path.isfile(os.path.join(path, "index.html")) and self.path.split("?")[0].endswith("/"):
                path = os.path.join(path, "index.html")
            accepted = self.headers.get("Accept-Encoding", "")
            for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
                if encoding in accepted and os.path.isfile(path + suffix) and not path.endswith((".gz", ".br")):
                    return self.send_encoded(path, path + suffix, encoding)
            if "gzip" in accepted and path.endswith(TEXT_SUFFIXES) and os.path.isfile(path):
                return self.send_encoded(path, path, "gzip", on_the_fly=True)
        return super().send_head()

    def send_encoded(self, path, encoded_path, encoding, on_the_fly=False):
        if on_the_fly:  # as nginx's `gzip on` does for text (level 6 here; nginx's default is 1)
            stat = os.stat(path)
            key = (path, stat.st_mtime_ns)
            if key not in GZIPPED:
                with open(path, "rb") as source:
                    GZIPPED[key] = gzip.compress(source.read(), 6, mtime=0)
            handle = io.BytesIO(GZIPPED[key])
            size = len(GZIPPED[key])
        else:
            handle = open(encoded_path, "rb")
            stat = os.fstat(handle.fileno())
            size = stat.st_size
        modified = self.date_time_string(int(stat.st_mtime))
        if self.headers.get("If-Modified-Since") == modified:  # as http.server does for plain files
            handle.close()
            self.send_response(304)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(size))
        self.send_header("Last-Modified", modified)
        self.end_headers()
        return handle


TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt")  # compressed on the fly
GZIPPED: dict = {}

VERSIONED = re.compile(r"(-[0-9a-f]{12}\.(zip|pyodide-[0-9.]+(\.snapshot|/python_stdlib\.zip))(\.gz|\.br)?$"
                       r"|\.[0-9a-f]{8}\.min\.(js|css)$)")


def host_headers(path: str) -> dict:
    """The Cache-Control a static host should send (see README.md, Benchmark and hosting)."""
    if VERSIONED.search(path):
        return {"Cache-Control": "public, max-age=31536000, immutable"}
    return {"Cache-Control": "no-cache"}  # pages and unversioned scripts: revalidate (304) each time


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a browser hanging up is not news


def serve_forever(directory: str, port: int, host_rules: bool):
    handler = functools.partial(type("BenchHandler", (Handler,), {"host_rules": host_rules}), directory=directory)
    QuietServer(("127.0.0.1", port), handler).serve_forever()


def start_server(directory: Path, port: int, host_rules: bool) -> subprocess.Popen:
    """A server in its own process, so it never competes with this one for the GIL."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from site_scripts.bench import serve_forever; "
            f"serve_forever({str(directory)!r}, {port}, {host_rules})")
    process = subprocess.Popen([sys.executable, "-c", code])
    import socket
    for _ in range(100):
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server for {directory} did not start on port {port}")


# ---------------------------------------------------------------------------- the two sites

def built_port(site: Path) -> int:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return urlsplit(re.search(r"<loc>(.*?)</loc>", sitemap).group(1)).port or 80


def make_naive(site: Path, port: int) -> Path:
    """A copy of the built site with the naive calculator script, for the same port plus one.
    Material's instant navigation only takes over links found in the sitemap for that port."""
    naive = site.parent / "site-naive"
    if naive.resolve() == ROOT.resolve() or naive.resolve() == site.resolve():
        raise SystemExit(f"refusing to replace {naive}")
    shutil.rmtree(naive, ignore_errors=True)
    # No snapshot and no trimmed standard library in the baseline: Pyodide's own files only.
    shutil.copytree(site, naive, ignore=shutil.ignore_patterns("pycalc-*.pyodide-*"))
    shutil.copyfile(NAIVE_SCRIPT, naive / "javascripts" / "calculator.js")
    sitemap = naive / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(f":{port}/", f":{port + 1}/"), encoding="utf-8")
    (naive / "sitemap.xml.gz").unlink(missing_ok=True)
    return naive


def calculator_pages(site: Path) -> dict[str, str]:
    """Page path -> the id of its first calculator, for every page that has one."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        found = re.search(r'data-calculator="([a-z0-9_]+)"', html.read_text(encoding="utf-8"))
        if found and "site-naive" not in html.parts:
            path = "/" + str(html.parent.relative_to(site)).replace(os.sep, "/") + "/"
            pages[path.replace("/./", "/")] = found.group(1)
    return pages


def field_plan(calculator_id: str) -> tuple[str, list[str]]:
    """The first typed field of a calculator, and values for it that each give a result."""
    sys.path.insert(0, str(ROOT))
    import pycalc

    meta = next(c for c in pycalc.calculators() if c["id"] == calculator_id)
    example = pycalc.example_inputs(calculator_id)
    def gives_result(name, value):
        try:
            return bool(pycalc.calculate(calculator_id, {**example, name: value}))
        except Exception:
            return False

    for field in meta["inputs"]:
        if field["type"] in ("integer", "money", "number", "percent"):
            base = int(example[field["name"]])
            steps = (1, 2, 3, -1, -2) if base < 1000 else (100, 200, 300, -100, -200)
            values = [str(base + step) for step in steps if gives_result(field["name"], str(base + step))][:3]
            if len(values) >= 2:
                return field["name"], values
    raise SystemExit(f"{calculator_id} has no typed field to change")


# ---------------------------------------------------------------------------- one visit

def pyodide_resource(url: str) -> bool:
    return any(mark in url for mark in PYODIDE_MARKS)


def all_resources(page) -> list[dict]:
    """Resource timing of the page and of each of its workers (absolute times, ms)."""
    entries = page.evaluate(RESOURCES)
    for worker in page.workers:
        try:
            entries += worker.evaluate(RESOURCES)
        except Exception:  # a worker that ended meanwhile
            pass
    return entries


def traffic(entries: list[dict], since: float, until: float) -> dict:
    window = [e for e in entries if since - 1 <= e["start"] <= until]
    fetched = [e for e in window if e["transfer"] > 0]
    return {
        "bytes": sum(e["transfer"] for e in window),
        "requests": len(fetched),
        "pyodide_bytes": sum(e["transfer"] for e in window if pyodide_resource(e["name"])),
        "pyodide_requests": sum(1 for e in fetched if pyodide_resource(e["name"])),
    }


PYTHON_SCRIPTS = re.compile(r"pyodide|pycalc|calculator")


def long_tasks(bench: dict, since: float, until: float) -> dict:
    tasks = [d for start, d in bench["longtasks"] if since <= start <= until and d > 50]
    python = [d for start, d, source in bench["frameScripts"]
              if since <= start <= until and PYTHON_SCRIPTS.search(source)]
    return {"long_tasks": len(tasks), "long_task_ms": sum(tasks), "longest_task_ms": max(tasks, default=0.0),
            "python_in_long_frames_ms": sum(python)}


def type_and_wait(page, calculator_id: str, field: str, value: str, since_results: int) -> float:
    """Type into the widget once it is mounted; the page time its first browser result showed."""
    selector = f'[data-calculator="{calculator_id}"]'
    page.evaluate(WAIT_MOUNTED, {"selector": selector, "timeout": TIMEOUT_MS})
    page.fill(f'{selector} [name="{field}"]', value)
    page.evaluate(WAIT_RESULT, {"since": since_results, "calculator": calculator_id, "timeout": TIMEOUT_MS})
    bench = page.evaluate("window.__bench")
    return next(r["t"] for r in bench["results"][since_results:] if r["calculator"] == calculator_id)


# How the site's worker started ("snapshot" or "normal start"); None for the naive page.
BOOTED_FROM = "() => window.__pycalcRuntime ? window.__pycalcRuntime.ready.then((d) => d.bootedFrom) : null"


def visit(page, url: str, calculator_id: str, field: str, values: list[str]) -> dict:
    """A full page load (cold or warm): first paint, ready with a browser result, traffic, long tasks."""
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_MS)
    ready = type_and_wait(page, calculator_id, field, values[0], 0)
    origin = page.evaluate("performance.timeOrigin")
    bench = page.evaluate("window.__bench")
    first_paint = bench["paints"].get("first-contentful-paint", bench["paints"].get("first-paint"))
    entries = all_resources(page)
    booted = page.evaluate(BOOTED_FROM)
    early_pyodide = sum(e["transfer"] for e in entries if pyodide_resource(e["name"]) and e["start"] - origin <= first_paint)
    return {
        "first_result_ms": first_paint,
        "pyodide_bytes_before_first_result": early_pyodide,
        "ready_ms": ready,
        "typed_at_ms": bench["inputs"][0] if bench["inputs"] else None,
        "booted_from": booted,
        **traffic(entries, origin, origin + ready),
        **long_tasks(bench, 0, ready),
    }


def navigate(page, path: str, calculator_id: str, field: str, values: list[str]) -> dict:
    """Instant navigation from the current calculator page to another one."""
    page.evaluate("window.__sameDocument = true")
    workers_before = [w for w in page.workers if "worker" in w.url and "search" not in w.url]
    results_before = len(page.evaluate("window.__bench.results"))
    clicked = page.evaluate(CLICK_NAV, path)
    ready = type_and_wait(page, calculator_id, field, values[0], results_before)
    if not page.evaluate("window.__sameDocument === true"):
        raise RuntimeError("instant navigation reloaded the page")
    origin = page.evaluate("performance.timeOrigin")
    bench = page.evaluate("window.__bench")
    workers_after = [w for w in page.workers if "worker" in w.url and "search" not in w.url]
    return {
        "ready_ms": ready - clicked,
        **traffic(all_resources(page), origin + clicked, origin + ready),
        **long_tasks(bench, clicked, ready),
        "worker_reused": bool(workers_before) and workers_after == workers_before,
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def recompute(page, field: str, values: list[str], changes: int) -> dict:
    page.wait_for_timeout(SETTLE_MS)  # typing starts once the page has settled, as it does for a reader
    times = page.evaluate(RECOMPUTE, {"field": field, "values": values, "count": changes})
    return {"recompute_median_ms": statistics.median(times["toDom"]),
            "recompute_p95_ms": percentile(times["toDom"], 0.95),
            "recompute_max_ms": max(times["toDom"]),
            "recompute_frame_median_ms": statistics.median(times["toFrame"]),
            "recompute_frame_p95_ms": percentile(times["toFrame"], 0.95)}


def one_run(playwright, base: str, path: str, next_path: str, plans: dict, changes: int) -> dict:
    """Cold visit, recompute, instant navigation to the next page, then a warm visit: one profile."""
    calculator_id, field, values = plans[path]
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context.add_init_script(PROBE)
            page = context.pages[0] if context.pages else context.new_page()
            cold = visit(page, base + path, calculator_id, field, values)
            cold.update(recompute(page, field, values, changes))
            nav = navigate(page, next_path, *plans[next_path])
            page.goto("about:blank")
            warm = visit(page, base + path, calculator_id, field, values)
        finally:
            context.close()
    return {"cold": cold, "nav": nav, "warm": warm}


# Phone networks, as Chrome DevTools emulates them (Network.emulateNetworkConditions; it throttles
# the page's dedicated worker too). Throughput in bytes a second, latency (round trip) in ms.
PHONE_PROFILES = {
    "fast 4G": {"downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8, "latency": 150},
    "slow 4G": {"downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8, "latency": 300},
}
PHONE_CASES = [("fast 4G", "host"), ("slow 4G", "host"), ("fast 4G", "plain"), ("slow 4G", "plain")]
PHONE_TIMEOUT_MS = 300_000


# Variants of the site for the phone cases beside "site" and "naive" (--phone-variants): the same
# site with the snapshot decision forced (calculator-runtime.js reads window.__pycalcSnapshot).
PHONE_VARIANTS = {"site-snapshot": "always", "site-no-snapshot": "never"}


def phone_visit(playwright, base: str, path: str, plans: dict, profile: str, snapshot: str | None = None) -> dict:
    """A cold visit over an emulated phone network: first paint, ready, bytes until ready."""
    calculator_id, field, values = plans[path]
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile_dir:
        context = playwright.chromium.launch_persistent_context(
            profile_dir, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context.add_init_script(PROBE)
            if snapshot:
                context.add_init_script(f"window.__pycalcSnapshot = {json.dumps(snapshot)};")
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(PHONE_TIMEOUT_MS)
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, **PHONE_PROFILES[profile]})
            page.goto(base + path, wait_until="domcontentloaded", timeout=PHONE_TIMEOUT_MS)
            selector = f'[data-calculator="{calculator_id}"]'
            page.evaluate(WAIT_MOUNTED, {"selector": selector, "timeout": PHONE_TIMEOUT_MS})
            page.fill(f'{selector} [name="{field}"]', values[0])
            try:
                page.evaluate(WAIT_RESULT, {"since": 0, "calculator": calculator_id, "timeout": PHONE_TIMEOUT_MS})
            except Exception:
                return {"ready_ms": None, "failed": True}
            bench = page.evaluate("window.__bench")
            ready = next(r["t"] for r in bench["results"] if r["calculator"] == calculator_id)
            origin = page.evaluate("performance.timeOrigin")
            first_paint = bench["paints"].get("first-contentful-paint", bench["paints"].get("first-paint"))
            return {"first_result_ms": first_paint, "ready_ms": ready, "failed": False,
                    **traffic(all_resources(page), origin, origin + ready)}
        finally:
            context.close()


def phone_runs(playwright, bases: dict, path: str, plans: dict, runs: int, cases=PHONE_CASES,
               variants=("site", "naive")) -> dict:
    """Every phone case, site and naive interleaved, ``runs`` times: medians of ready and bytes."""
    results = {f"{profile}, {host} host": {v: [] for v in variants} for profile, host in cases}
    for run in range(runs):
        for profile, host in cases:
            entry = results[f"{profile}, {host} host"]
            order = list(variants)[run % len(variants):] + list(variants)[:run % len(variants)]  # rotated
            for variant in order:
                started = time.monotonic()
                server = "naive" if variant == "naive" else "site"
                visit_result = phone_visit(playwright, bases[(server, host)], path, plans, profile,
                                           PHONE_VARIANTS.get(variant))
                entry[variant].append(visit_result)
                shown = "never ready" if visit_result["failed"] else f"{visit_result['ready_ms'] / 1000:.1f} s, " \
                        f"{visit_result['bytes'] / 1e6:.2f} MB"
                print(f"{path} {profile}, {host} host, run {run + 1}/{runs} {variant:5}: {shown} "
                      f"({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
    return {case: {variant: {"runs": visits,
                             "ready_ms": median([v["ready_ms"] for v in visits]),
                             "failed": sum(v["failed"] for v in visits),
                             "bytes": median([v.get("bytes") for v in visits]),
                             "first_result_ms": median([v.get("first_result_ms") for v in visits])}
                   for variant, visits in by_variant.items()}
            for case, by_variant in results.items()}


def phone_table(path: str, phone: dict) -> str:
    lines = [f"### Phone networks, cold visit to {path} (medians; ratio = site / naive)", "",
             "| Network, host | Measure | Site | Naive | Ratio |", "|---|---|--:|--:|--:|"]
    for case, by_variant in phone.items():
        naive = by_variant["naive"]
        for name, site in by_variant.items():
            if name == "naive":
                continue
            label = case if name == "site" else f"{case} ({name})"
            failed = f" ({site['failed']} never ready)" if site["failed"] else ""
            lines.append(f"| {label} | ready + first browser result{failed} | {show(site['ready_ms'], 'ms')} | "
                         f"{show(naive['ready_ms'], 'ms')} | {ratio(site['ready_ms'], naive['ready_ms'])} |")
            lines.append(f"| {label} | bytes until ready | {show(site['bytes'], 'KB')} | {show(naive['bytes'], 'KB')} | "
                         f"{ratio(site['bytes'], naive['bytes'])} |")
            if name == "site":
                lines.append(f"| {label} | first visible result | {show(site['first_result_ms'], 'ms')} | "
                             f"{show(naive['first_result_ms'], 'ms')} | "
                             f"{ratio(site['first_result_ms'], naive['first_result_ms'])} |")
    return "\n".join(lines) + "\n"


def no_calculator_check(playwright, base: str) -> dict:
    """Pages without a calculator: what they fetch of Pyodide or pycalc (should be nothing)."""
    seen = {}
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            urls = []
            page.on("request", lambda request: urls.append(request.url))
            for path in PAGES_WITHOUT_CALCULATOR:
                urls.clear()
                page.goto(base + path, wait_until="networkidle", timeout=TIMEOUT_MS)
                page.wait_for_timeout(1500)  # idle-time work, if any, gets its chance
                seen[path] = sorted({u for u in urls if pyodide_resource(u)})
        finally:
            context.close()
    return seen


# ---------------------------------------------------------------------------- report

MEASURES = [  # (visit, key, label, unit)
    ("cold", "first_result_ms", "first visible result (first contentful paint)", "ms"),
    ("cold", "pyodide_bytes_before_first_result", "Pyodide bytes before first visible result", "B"),
    ("cold", "ready_ms", "ready + first browser result after typing", "ms"),
    ("cold", "booted_from", "how the worker started (runs)", "text"),
    ("cold", "bytes", "bytes transferred until ready", "KB"),
    ("cold", "requests", "requests until ready", ""),
    ("cold", "long_tasks", "main-thread long tasks until ready", ""),
    ("cold", "long_task_ms", "main-thread long-task time until ready", "ms"),
    ("cold", "longest_task_ms", "longest main-thread task until ready", "ms"),
    ("cold", "python_in_long_frames_ms", "Pyodide/calculator script time in long frames until ready", "ms"),
    ("cold", "recompute_median_ms", "recompute per change, median", "ms"),
    ("cold", "recompute_p95_ms", "recompute per change, p95", "ms"),
    ("cold", "recompute_frame_median_ms", "recompute per change to the frame that paints it, median", "ms"),
    ("cold", "recompute_frame_p95_ms", "recompute per change to the frame that paints it, p95", "ms"),
    ("warm", "first_result_ms", "first visible result (first contentful paint)", "ms"),
    ("warm", "ready_ms", "ready + first browser result after typing", "ms"),
    ("warm", "booted_from", "how the worker started (runs)", "text"),
    ("warm", "bytes", "bytes transferred until ready", "KB"),
    ("warm", "requests", "requests until ready", ""),
    ("warm", "long_tasks", "main-thread long tasks until ready", ""),
    ("warm", "long_task_ms", "main-thread long-task time until ready", "ms"),
    ("warm", "python_in_long_frames_ms", "Pyodide/calculator script time in long frames until ready", "ms"),
    ("nav", "ready_ms", "ready + first browser result on the second page, from the click", "ms"),
    ("nav", "bytes", "bytes transferred, click to ready", "KB"),
    ("nav", "pyodide_bytes", "Pyodide bytes, click to ready", "B"),
    ("nav", "long_tasks", "main-thread long tasks, click to ready", ""),
]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(runs: list[dict]) -> dict:
    summary = {}
    for visit_name in ("cold", "warm", "nav"):
        keys = runs[0][visit_name].keys()
        summary[visit_name] = {k: median([r[visit_name][k] for r in runs]) for k in keys
                               if not isinstance(runs[0][visit_name][k], (bool, str, type(None)))}
        for k in keys:
            if any(isinstance(r[visit_name][k], str) for r in runs):
                seen = [r[visit_name][k] for r in runs]
                summary[visit_name][k] = ", ".join(f"{v} ×{seen.count(v)}" for v in dict.fromkeys(seen))
        for k in keys:
            if isinstance(runs[0][visit_name][k], bool):
                summary[visit_name][k] = all(r[visit_name][k] for r in runs)
    return summary


def show(value, unit):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if unit == "KB":
        return f"{value / 1024:,.0f} KB"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "B":
        return f"{value:,.0f} B"
    return f"{value:g}"


def ratio(site, naive):
    if site is None or naive is None or isinstance(site, str) or isinstance(naive, str):
        return "–"
    if naive == 0:
        return "=" if site == 0 else "∞"
    return f"{site / naive:.2f}×"


def table(report: dict) -> str:
    meta = report["meta"]
    lines = [
        f"# Calculator benchmark, {meta['date']}",
        "",
        f"Medians of {meta['runs']} runs, site and naive baseline interleaved in one run; "
        f"{meta['changes']} changes per recompute sample; Chromium {meta['chromium']}, {meta['cpus']} CPUs; "
        f"server: {'static-host rules (cache headers, pre-compressed files)' if meta['host_rules'] else 'plain http.server'}.",
        "Ratio = site / naive baseline (lower is better).",
        "",
        "| Page | Visit | Measure | Site | Naive baseline | Ratio |",
        "|---|---|---|--:|--:|--:|",
    ]
    for path, result in report["pages"].items():
        site, naive = result["site"]["median"], result["naive"]["median"]
        for visit_name, key, label, unit in MEASURES:
            s, n = site[visit_name].get(key), naive[visit_name].get(key)
            visit_label = {"cold": "cold", "warm": "warm", "nav": f"nav → {result['next']}"}[visit_name]
            lines.append(f"| {path} | {visit_label} | {label} | {show(s, unit)} | {show(n, unit)} | {ratio(s, n)} |")
    lines += ["", "## Targets", "", "| Target | Page | Measured | Met |", "|---|---|---|---|"]
    for target in report["targets"]:
        lines.append(f"| {target['target']} | {target['page']} | {target['measured']} | {'yes' if target['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def targets(report: dict) -> list[dict]:
    checks = []
    for path, result in report["pages"].items():
        site, naive = result["site"]["median"], result["naive"]["median"]

        def add(name, measured, met):
            checks.append({"target": name, "page": path, "measured": measured, "met": bool(met)})

        add("first visible result with 0 Pyodide bytes", show(site["cold"]["pyodide_bytes_before_first_result"], "B"),
            site["cold"]["pyodide_bytes_before_first_result"] == 0)
        for visit_name, limit in (("warm", 0.3), ("cold", 0.4)):
            r = site[visit_name]["ready_ms"] / naive[visit_name]["ready_ms"]
            add(f"time to ready {visit_name} ≤ {limit}× naive", f"{r:.2f}×", r <= limit)
        add("recompute p95 < 16 ms (with worker round trip)", show(site["cold"]["recompute_p95_ms"], "ms"),
            site["cold"]["recompute_p95_ms"] < 16)
        worst = max(r[v]["python_in_long_frames_ms"] for r in result["site"]["runs"] for v in ("cold", "warm", "nav"))
        add("no main-thread long task caused by Python: Pyodide/calculator script time in long frames "
            "< 50 ms (worst run and visit)",
            f"{show(worst, 'ms')} (naive, median cold: {show(naive['cold']['python_in_long_frames_ms'], 'ms')})",
            worst < 50)
        add("second calculator page reuses the running worker", f"{show(site['nav']['pyodide_bytes'], 'B')} of Pyodide, "
            f"worker reused: {site['nav'].get('worker_reused')}", site["nav"].get("worker_reused") and site["nav"]["pyodide_bytes"] == 0)
    phone_limits = {"fast 4G, host host": 0.5, "slow 4G, host host": 0.6, "slow 4G, plain host": 0.6}
    for case, by_variant in report.get("phone", {}).items():
        site, naive = by_variant["site"], by_variant["naive"]
        path = report["phone_page"]
        if site["failed"]:
            checks.append({"target": f"{case}: always ready", "page": path,
                           "measured": f"{site['failed']} visit(s) never ready", "met": False})
        if case in phone_limits and site["ready_ms"] and naive["ready_ms"]:
            r = site["ready_ms"] / naive["ready_ms"]
            checks.append({"target": f"{case}: time to ready cold ≤ {phone_limits[case]}× naive", "page": path,
                           "measured": f"{r:.2f}×", "met": r <= phone_limits[case]})
        if case == "fast 4G, host host" and site["bytes"] is not None:
            checks.append({"target": f"{case}: at most 4 MB sent until ready", "page": path,
                           "measured": f"{site['bytes'] / 1e6:.2f} MB", "met": site["bytes"] <= 4e6})
    for path, urls in report["no_calculator"].items():
        checks.append({"target": "page without a calculator loads no Pyodide byte", "page": path,
                       "measured": f"{len(urls)} Pyodide/pycalc requests", "met": not urls})
    return checks


# ---------------------------------------------------------------------------- main

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--runs", type=int, default=5, help="runs per page and variant (default 5)")
    parser.add_argument("--changes", type=int, default=200, help="input changes per recompute sample (default 200)")
    parser.add_argument("--all", action="store_true", help="every calculator page, not just " + ", ".join(DEFAULT_PAGES))
    parser.add_argument("--pages", nargs="+", help="these page paths instead")
    parser.add_argument("--plain-server", action="store_true",
                        help="serve with plain http.server (no cache headers, no pre-compressed files)")
    parser.add_argument("--phone-runs", type=int, default=3,
                        help="cold visits per phone case (fast and slow 4G, compressing and plain host) and "
                             "variant on the first page; 0 skips the phone profiles (default 3)")
    parser.add_argument("--phone-cases", nargs="+", metavar="CASE",
                        help="only these phone cases, e.g. 'fast 4G/host' 'slow 4G/plain' (default: all four)")
    parser.add_argument("--phone-variants", nargs="+", default=["site", "naive"],
                        choices=["site", "naive", *PHONE_VARIANTS],
                        help="variants measured in the phone cases (default: site naive)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where bench.json and bench.md go")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} is not a built site: run `make bench`")
    port = built_port(site)
    naive = make_naive(site, port)
    known = calculator_pages(site)
    paths = args.pages or (sorted(known) if args.all else DEFAULT_PAGES)
    missing = [p for p in paths if p not in known]
    if missing:
        raise SystemExit(f"no calculator on {missing}; calculator pages: {sorted(known)}")
    plans = {p: (known[p], *field_plan(known[p])) for p in known}
    host_rules = not args.plain_server
    servers = [start_server(site, port, host_rules), start_server(naive, port + 1, host_rules)]
    bases = {"site": f"http://127.0.0.1:{port}", "naive": f"http://127.0.0.1:{port + 1}"}
    phone_bases = {(v, "host" if host_rules else "plain"): bases[v] for v in bases}
    if args.phone_runs:  # the other kind of host, on the next two ports
        other = "plain" if host_rules else "host"
        servers += [start_server(site, port + 2, not host_rules), start_server(naive, port + 3, not host_rules)]
        phone_bases.update({("site", other): f"http://127.0.0.1:{port + 2}",
                            ("naive", other): f"http://127.0.0.1:{port + 3}"})
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip().split(" ")[1]

    report = {"meta": {"date": datetime.datetime.now().isoformat(timespec="seconds"), "runs": args.runs,
                       "changes": args.changes, "chromium": chromium, "cpus": os.cpu_count(),
                       "machine": platform.platform(), "host_rules": host_rules, "site": str(site)},
              "pages": {}}
    try:
        with sync_playwright() as playwright:
            for index, path in enumerate(paths):
                others = [p for p in (DEFAULT_PAGES + sorted(known)) if p != path and p in known]
                next_path = paths[(index + 1) % len(paths)] if len(paths) > 1 else others[0]
                entry = report["pages"][path] = {"calculator": known[path], "next": next_path,
                                                 "site": {"runs": []}, "naive": {"runs": []}}
                for run in range(args.runs):
                    # Alternate which goes first, so neither always gets the fresher machine.
                    order = ("site", "naive") if run % 2 == 0 else ("naive", "site")
                    for variant in order:
                        started = time.monotonic()
                        result = one_run(playwright, bases[variant], path, next_path, plans, args.changes)
                        entry[variant]["runs"].append(result)
                        print(f"{path} run {run + 1}/{args.runs} {variant:5}: ready cold {result['cold']['ready_ms']:.0f} ms "
                      f"({result['cold'].get('booted_from') or 'main thread'}), "
                              f"warm {result['warm']['ready_ms']:.0f} ms, nav {result['nav']['ready_ms']:.0f} ms, "
                              f"p95 {result['cold']['recompute_p95_ms']:.1f} ms ({time.monotonic() - started:.0f} s)",
                              file=sys.stderr, flush=True)
                if not args.runs:
                    del report["pages"][path]
                    continue
                for variant in ("site", "naive"):
                    entry[variant]["median"] = summarise(entry[variant]["runs"])
            report["no_calculator"] = no_calculator_check(playwright, bases["site"])
            if args.phone_runs:
                report["phone_page"] = paths[0]
                cases = [tuple(c.split("/")) for c in args.phone_cases] if args.phone_cases else PHONE_CASES
                variants = list(dict.fromkeys(["site", "naive", *args.phone_variants]))
                report["phone"] = phone_runs(playwright, phone_bases, paths[0], plans, args.phone_runs, cases, variants)
    finally:
        for server in servers:
            server.terminate()
    report["targets"] = targets(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    markdown = table(report)
    if report.get("phone"):
        markdown += "\n" + phone_table(report["phone_page"], report["phone"])
    (args.out / "bench.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    print(f"Written: {args.out / 'bench.json'}, {args.out / 'bench.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
