"""MkDocs hooks: expand calculator markers, and ship pycalc and Pyodide with the site.

A page places a calculator with a marker alone on its line:  {{ calculator: child_benefit }}
Any other {{ ... }} marker, or an unknown calculator, fails the build.
"""
import json
import logging
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pycalc  # noqa: E402
from site_scripts import bundle, g_chart, widget  # noqa: E402

log = logging.getLogger("mkdocs.hooks.calculators")
MARKER = re.compile(r"\{\{(.*?)\}\}", re.S)
CALCULATOR_MARKER = re.compile(r"\s*calculator:\s*([a-z0-9_]+)\s*")
PLACEHOLDER = "CALCULATOR-WIDGET-{}"
FIGURES = {"basic_amount_chart": g_chart.render}  # markers without arguments, each drawing one figure
PYODIDE_TARGET = "assets/pyodide"

_state = {}


def on_config(config):
    _state["zip"] = bundle.pycalc_zip()
    _state["bundle_path"] = f"assets/pycalc-{bundle.content_hash(_state['zip'])}.zip"
    _state["placed"] = {}
    return config


def on_page_markdown(markdown, page, config, files):
    known = {c["id"] for c in pycalc.calculators()}
    widgets = []

    def expand(match):
        if match.group(1).strip() in FIGURES:
            return "\n\n" + FIGURES[match.group(1).strip()]() + "\n\n"
        found = CALCULATOR_MARKER.fullmatch(match.group(1))
        if not found:
            raise PluginError(f"{page.file.src_path}: unknown marker {match.group(0)!r}")
        calculator_id = found.group(1)
        if calculator_id not in known:
            raise PluginError(f"{page.file.src_path}: no calculator called {calculator_id!r}; known: {sorted(known)}")
        count = sum(1 for w in widgets if w[0] == calculator_id)
        uid = f"calc-{calculator_id}" + (f"-{count + 1}" if count else "")
        widgets.append((calculator_id, uid))
        _state["placed"].setdefault(calculator_id, page.url)
        return "\n\n" + PLACEHOLDER.format(len(widgets) - 1) + "\n\n"

    markdown = MARKER.sub(expand, markdown)
    page.meta["calculator_widgets"] = widgets
    return markdown


def on_page_content(html, page, config, files):
    for index, (calculator_id, uid) in enumerate(page.meta.get("calculator_widgets", [])):
        placeholder = f"<p>{PLACEHOLDER.format(index)}</p>"
        if placeholder not in html:
            raise PluginError(f"{page.file.src_path}: calculator marker for {calculator_id} must stand alone on its line")
        html = html.replace(placeholder, widget.render(calculator_id, uid, _state["bundle_path"]))
    return html


def on_post_build(config):
    site = Path(config["site_dir"])
    (site / _state["bundle_path"]).parent.mkdir(parents=True, exist_ok=True)
    (site / _state["bundle_path"]).write_bytes(_state["zip"])
    metadata = [dict(c, page=_state["placed"].get(c["id"])) for c in pycalc.calculators()]
    (site / "assets" / "calculators.json").write_text(json.dumps(metadata, indent=1), encoding="utf-8")
    target = site / PYODIDE_TARGET
    target.mkdir(parents=True, exist_ok=True)
    for path in bundle.pyodide_files():
        shutil.copyfile(path, target / path.name)
    (target / "pyodide-lock.json").write_text(bundle.trimmed_lock_file(), encoding="utf-8")
    bundle.precompress(target)
    boot_files = bundle.boot_files(_state["zip"])
    if boot_files:
        (site / bundle.snapshot_name(_state["bundle_path"])).write_bytes(boot_files["snapshot"])
        (site / bundle.stdlib_name(_state["bundle_path"])).write_bytes(boot_files["stdlib"])
    unplaced = sorted(c["id"] for c in metadata if not c["page"])
    if unplaced:
        log.warning("calculators placed on no page: %s", ", ".join(unplaced))
