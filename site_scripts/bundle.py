"""Packs pycalc for the browser (one zip) and finds the self-hosted Pyodide files."""
import gzip
import hashlib
import io
import json
import logging
import os
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# The core of Pyodide is all a standard-library-only pycalc needs.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
_FIXED_TIME = (2013, 5, 1, 0, 0, 0)  # fixed timestamps: same sources, same bytes, same hash
SNAPSHOT_MAKER = Path(__file__).with_name("make_snapshot.mjs")
SNAPSHOT_CACHE = ROOT / "build" / "snapshot-cache"
log = logging.getLogger("mkdocs.hooks.calculators")


def pycalc_zip() -> bytes:
    """pycalc's sources in one zip, stored (not deflated), with brotli and gzip copies beside it
    (precompress): 107 KB with brotli, 140 KB with gzip, from a host that sends them, instead of
    286 KB deflated. A host that sends files as they are sends all 612 KB (the worker does not
    swap this file for its .gz copy: what is served under the zip's own name is what runs)."""
    package = ROOT / "pycalc"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
                info = zipfile.ZipInfo(str(path.relative_to(ROOT)), _FIXED_TIME)
                info.compress_type = zipfile.ZIP_STORED
                archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def pyodide_files() -> list[Path]:
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_DIR / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide files missing from {PYODIDE_DIR}: {', '.join(missing)}. Run `npm ci` (make build does)."
        )
    return [PYODIDE_DIR / name for name in PYODIDE_FILES]


def pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def trimmed_lock_file() -> str:
    """Pyodide's lock file without its package list: the site ships no package beyond the core,
    so the 120 KB list could only point at files that are not there. Pyodide checks the ABI in
    ``info`` and needs a ``packages`` key; that is all it reads at start-up."""
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}})


def snapshot_name(bundle_name: str) -> str:
    """Where the worker looks for the snapshot: next to the zip, named for it and for Pyodide.
    The file itself is never sent as it is: the host sends its .br or .gz copy (precompress), or
    the worker asks for the .gz one and unpacks it itself."""
    return bundle_name.removesuffix(".zip") + f".pyodide-{pyodide_version()}.snapshot"


def stdlib_name(bundle_name: str) -> str:
    """Where the worker looks for the trimmed standard library made with the snapshot: a folder
    named for the zip and Pyodide, with the name Pyodide gives its own (python_stdlib.zip)."""
    return bundle_name.removesuffix(".zip") + f".pyodide-{pyodide_version()}/python_stdlib.zip"


def warm_up_requests() -> list[dict]:
    """What the worker may be asked, as it is asked: every calculator's worked example under each
    rule set, with its chart, one bad input each, every case of tests/cases and every situation of
    tests/situations ('What can I get?'). The trimmed standard
    library must hold all that these import, and the snapshot must answer all as a normal boot does."""
    import pycalc
    requests = []
    for calculator in pycalc.calculators():
        example = {k: v if isinstance(v, bool) else str(v) for k, v in pycalc.example_inputs(calculator["id"]).items()}
        for rules in calculator["rule_sets"]:
            asked = {"calculator": calculator["id"], "rules": rules, "inputs": example}
            requests += [dict(asked, warm=True), dict(asked, chart=True, uid="warm")]
        for field in calculator["inputs"][:1]:
            requests.append({"calculator": calculator["id"], "inputs": {field["name"]: "five hundred"}})
    cases = ROOT / "tests" / "cases"
    for path in sorted(cases.glob("*.toml")) if cases.is_dir() else ():
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            requests.append({"calculator": path.stem, "rules": case.get("rules", "2013"), "inputs": case["input"]})
    situations = ROOT / "tests" / "situations" / "what_can_i_get.toml"
    if situations.is_file():
        for case in tomllib.loads(situations.read_text(encoding="utf-8"))["situation"]:
            requests.append({"situation": case["situation"]})
    return requests


def trimmed_stdlib(imported: list[str]) -> bytes:
    """Pyodide's standard library zip holding only the files in ``imported``, stored (not deflated),
    so that the host's brotli or gzip packs the whole file: 0.73 MB deflated becomes about 0.45 MB."""
    keep = set(imported)
    buffer = io.BytesIO()
    with zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip") as full, zipfile.ZipFile(buffer, "w") as trimmed:
        for info in full.infolist():
            if info.filename in keep:
                stored = zipfile.ZipInfo(info.filename, info.date_time)
                stored.compress_type = zipfile.ZIP_STORED
                stored.external_attr = info.external_attr
                trimmed.writestr(stored, full.read(info))
    return buffer.getvalue()


def boot_files(bundle: bytes) -> dict | None:
    """The verified memory snapshot (packed, see make_snapshot.mjs) and the trimmed standard library it was made with
    (see make_snapshot.mjs), made with Node once per bundle, requests, Pyodide and maker version,
    then taken from build/snapshot-cache/. None, with a warning (an error under --strict), when
    they cannot be made: the site still works, booting Python the normal, slower way."""
    requests = json.dumps(warm_up_requests(), sort_keys=True).encode()
    key = hashlib.sha256(bundle + requests + pyodide_version().encode() + (PYODIDE_DIR / "pyodide.mjs").read_bytes()
                         + SNAPSHOT_MAKER.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]
    snapshot, stdlib = SNAPSHOT_CACHE / f"{key}.snapshot", SNAPSHOT_CACHE / f"{key}.stdlib.zip"
    if snapshot.is_file() and stdlib.is_file():
        return {"snapshot": snapshot.read_bytes(), "stdlib": stdlib.read_bytes()}
    node = shutil.which("node")
    if not node:
        log.warning("no Node.js: the site ships without a Pyodide snapshot, so the calculators start slower")
        return None
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    # Work files named for this process too: two builds at once (make test beside make bench) must
    # not write each other's files.
    work = {name: SNAPSHOT_CACHE / f"{key}.{os.getpid()}.{name}"
            for name in ("zip", "requests.json", "imports.json", "stdlib.partial")}
    work["zip"].write_bytes(bundle)
    work["requests.json"].write_bytes(requests)
    common = [node, str(SNAPSHOT_MAKER)]
    arguments = [str(PYODIDE_DIR), str(work["zip"]), str(work["requests.json"])]
    try:
        made = subprocess.run(common + ["imports"] + arguments + [str(work["imports.json"])],
                              capture_output=True, text=True, timeout=600)
        if made.returncode == 0:
            imports = json.loads(work["imports.json"].read_text(encoding="utf-8"))
            work["stdlib.partial"].write_bytes(trimmed_stdlib(imports["imported"]))
            made = subprocess.run(common + ["snapshot"] + arguments
                                  + [str(work["imports.json"]), str(work["stdlib.partial"]), str(snapshot)],
                                  capture_output=True, text=True, timeout=900)
        if made.returncode == 0 and snapshot.is_file():
            work["stdlib.partial"].rename(stdlib)
    finally:
        for path in work.values():
            path.unlink(missing_ok=True)
    if made.returncode != 0 or not snapshot.is_file() or not stdlib.is_file():
        log.warning("the Pyodide snapshot could not be made or did not pass its check, so the site ships "
                    "without it:\n%s", (made.stderr or made.stdout)[-2000:])
        return None
    log.info("Pyodide snapshot and trimmed standard library made: %s", made.stdout.strip())
    return {"snapshot": snapshot.read_bytes(), "stdlib": stdlib.read_bytes()}


PRECOMPRESSED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs")  # 9.6 MB -> 3.5 MB gz, 2.7 MB br
BROTLI_MAKER = Path(__file__).with_name("brotli.mjs")
BROTLI_CACHE = ROOT / "build" / "brotli-cache"


def precompress(directory: Path, names=PRECOMPRESSED) -> None:
    """Gzipped and brotli copies (name.gz, name.br) beside the big files, for a host that serves a
    pre-compressed file when the browser accepts it (nginx ``gzip_static on`` / ``brotli_static
    on``, Caddy ``precompressed br gzip``; Netlify and Cloudflare compress by themselves). ``python
    -m http.server`` ignores them; the worker then asks for the .gz copies itself and unpacks them
    (all but pyodide.asm.mjs, which Pyodide imports). Brotli is made with Node once per file content
    (build/brotli-cache/).

    Called with the site's assets/pyodide/ directory once the pycalc zip is in assets/: the zip,
    the memory snapshot and the trimmed standard library made for it get their copies here too
    (the last two are written here as well, with the bytes the build writes after)."""
    worker = (ROOT / "docs" / "javascripts" / "pycalc-worker.js").read_text(encoding="utf-8")
    if f'const PYODIDE_VERSION = "{pyodide_version()}";' not in worker:
        log.warning("pycalc-worker.js names another Pyodide version than node_modules/pyodide %s: "
                    "it would not find the snapshot", pyodide_version())
    files = [directory / name for name in names]
    for bundle_path in sorted(directory.parent.glob("pycalc-*.zip")):
        files.append(bundle_path)
        made = boot_files(bundle_path.read_bytes())
        if made:
            for name, data in ((snapshot_name(bundle_path.name), made["snapshot"]),
                               (stdlib_name(bundle_path.name), made["stdlib"])):
                (bundle_path.parent / name).parent.mkdir(parents=True, exist_ok=True)
                (bundle_path.parent / name).write_bytes(data)
                files.append(bundle_path.parent / name)
    missing = []
    for path in files:
        data = path.read_bytes()
        Path(f"{path}.gz").write_bytes(gzip.compress(data, 6, mtime=0))
        cached = BROTLI_CACHE / (hashlib.sha256(data).hexdigest()[:24] + ".br")
        if not cached.is_file():
            missing.append((path, cached))
    node = shutil.which("node")
    if missing and node:
        BROTLI_CACHE.mkdir(parents=True, exist_ok=True)
        made = subprocess.run([node, str(BROTLI_MAKER)] + [str(p) for pair in missing for p in pair],
                              capture_output=True, text=True, timeout=900)
        if made.returncode != 0:
            log.warning("brotli copies could not be made: %s", made.stderr[-500:])
    for path in files:
        cached = BROTLI_CACHE / (hashlib.sha256(path.read_bytes()).hexdigest()[:24] + ".br")
        if cached.is_file():
            shutil.copyfile(cached, f"{path}.br")
