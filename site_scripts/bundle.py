"""Packs pycalc for the browser (one zip) and finds the self-hosted Pyodide files."""
import gzip
import hashlib
import io
import json
import logging
import shutil
import subprocess
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
    package = ROOT / "pycalc"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
                info = zipfile.ZipInfo(str(path.relative_to(ROOT)), _FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
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
    """Where the worker looks for the snapshot: next to the zip, named for it and for Pyodide."""
    return bundle_name.removesuffix(".zip") + f".pyodide-{pyodide_version()}.snapshot.gz"


def snapshot(bundle: bytes) -> bytes | None:
    """The gzipped, verified memory snapshot for this bundle (see make_snapshot.mjs), made with
    Node once per bundle, Pyodide and maker version, then taken from build/snapshot-cache/.
    None, with a warning (an error under --strict), when it cannot be made: the site still works,
    booting Python the normal, slower way."""
    key = hashlib.sha256(bundle + pyodide_version().encode() + (PYODIDE_DIR / "pyodide.mjs").read_bytes()
                         + SNAPSHOT_MAKER.read_bytes()).hexdigest()[:16]
    cached = SNAPSHOT_CACHE / f"{key}.snapshot.gz"
    if cached.is_file():
        return cached.read_bytes()
    node = shutil.which("node")
    if not node:
        log.warning("no Node.js: the site ships without a Pyodide snapshot, so the calculators start slower")
        return None
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    zip_path = SNAPSHOT_CACHE / f"{key}.zip"
    zip_path.write_bytes(bundle)
    try:
        made = subprocess.run([node, str(SNAPSHOT_MAKER), str(PYODIDE_DIR), str(zip_path), str(cached)],
                              capture_output=True, text=True, timeout=600)
    finally:
        zip_path.unlink(missing_ok=True)
    if made.returncode != 0 or not cached.is_file():
        log.warning("the Pyodide snapshot could not be made or did not pass its check, so the site ships "
                    "without it:\n%s", (made.stderr or made.stdout)[-2000:])
        return None
    log.info("Pyodide snapshot made: %s", made.stdout.strip())
    return cached.read_bytes()


PRECOMPRESSED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs")  # 9.6 MB -> 3.5 MB, 1.2 MB -> 0.3 MB


def precompress(directory: Path) -> None:
    """Gzipped copies (name.gz) beside the big Pyodide files, for a host that serves a
    pre-compressed file when the browser accepts it (nginx ``gzip_static on``, Caddy
    ``precompressed gzip``, Netlify and Cloudflare compress by themselves). ``python -m
    http.server`` ignores them. The standard library zip is compressed already: no copy."""
    for name in PRECOMPRESSED:
        source = directory / name
        (directory / f"{name}.gz").write_bytes(gzip.compress(source.read_bytes(), 6, mtime=0))
