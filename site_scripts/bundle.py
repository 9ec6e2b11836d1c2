"""Packs pycalc for the browser (one zip) and finds the self-hosted Pyodide files."""
import hashlib
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# The core of Pyodide is all a standard-library-only pycalc needs.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
_FIXED_TIME = (2013, 5, 1, 0, 0, 0)  # fixed timestamps: same sources, same bytes, same hash


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
