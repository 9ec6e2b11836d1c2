"""MkDocs hooks: expand calculator markers, and ship pycalc and Pyodide with the site.

A page places a calculator with a marker alone on its line:  {{ calculator: child_benefit }}
Markers without arguments draw a figure: {{ basic_amount_chart }}, {{ calculator_list }} (every
calculator, grouped by what happened to the reader, from reader_index.toml) and {{ key_figures }}
(G's multiples today and in the guide); {{ benefit_finder }} places the 'What can I get?'
questionnaire (site_scripts/benefit_finder_page.py). Any other {{ ... }} marker, or an unknown calculator, fails
the build; so does a calculator with no group in reader_index.toml.

For search: each page in reader_index.toml's [norwegian_names] shows those names under its title,
and every calculator widget is marked data-search-exclude, so results never show form text.
"""
import json
import logging
import re
import shutil
import sys
import tomllib
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pycalc  # noqa: E402
from pycalc import parameters  # noqa: E402
from pycalc.money import nok  # noqa: E402
from site_scripts import benefit_finder_page, bundle, g_chart, widget  # noqa: E402

log = logging.getLogger("mkdocs.hooks.calculators")
MARKER = re.compile(r"\{\{(.*?)\}\}", re.S)
CALCULATOR_MARKER = re.compile(r"\s*calculator:\s*([a-z0-9_]+)\s*")
PLACEHOLDER = "CALCULATOR-WIDGET-{}"
FINDER_MARKER, FINDER_PLACEHOLDER = "benefit_finder", "BENEFIT-FINDER"
PYODIDE_TARGET = "assets/pyodide"
READER_INDEX = Path(__file__).resolve().parent / "reader_index.toml"
ALONE_MARKER = re.compile(r"^\{\{\s*calculator:\s*([a-z0-9_]+)\s*\}\}\s*$", re.M)

_state = {}


def widget_anchor(calculator_id: str) -> str:
    """The id of a calculator's widget on its page (the first one placed): see widget.render's uid."""
    return f"calc-{calculator_id}"


def reader_index() -> dict:
    """reader_index.toml, checked: every calculator has a group that exists, and no entry is stale."""
    data = tomllib.loads(READER_INDEX.read_text(encoding="utf-8"))
    groups = [g["key"] for g in data["groups"]]
    known = [c["id"] for c in pycalc.calculators()]
    table = data["calculators"]
    missing = [cid for cid in known if cid not in table]
    if missing:
        raise PluginError(f"{READER_INDEX.name}: no group for calculator(s) {', '.join(missing)}: add each under "
                          f"[calculators] with a group ({', '.join(groups)}) and the words of its home-page link")
    stale = [cid for cid in table if cid not in known]
    wrong = [cid for cid, entry in table.items() if entry.get("group") not in groups or not entry.get("words")]
    if stale or wrong:
        raise PluginError(f"{READER_INDEX.name}: unknown calculator(s) {stale} or bad group/words for {wrong}")
    return data


def calculator_list() -> str:
    """Markdown: every calculator under what happened to the reader, each linked to its widget."""
    data, placed = _state["reader_index"], _state["placed_early"]
    titles = {c["id"]: c["title"] for c in pycalc.calculators()}
    unplaced = [cid for cid in titles if cid not in placed]
    if unplaced:  # a warning, as in on_post_build: --strict builds still fail on it
        log.warning("home page: calculator(s) on no page, so not linked: %s", ", ".join(unplaced))
    parts = []
    for group in data["groups"]:
        members = [cid for cid, entry in data["calculators"].items()  # in the table's order: most asked first
                   if cid in placed and entry["group"] == group["key"]]
        if not members:
            continue
        items = "\n".join(f"- [{data['calculators'][cid]['words']}]({placed[cid]}#{widget_anchor(cid)})"
                          for cid in members)
        parts.append(f"### {group['heading']}\n\n{items}")
    return "\n\n".join(parts)


def key_figures() -> str:
    """Markdown: multiples of G today (the newest rule set) first, the guide's (2013) beside them."""
    sets = sorted(pycalc.rule_sets(), key=lambda r: r["date"], reverse=True)
    today, guide = sets[0], sets[-1]
    g_param = parameters.load("basic_amount")
    g_today = g_param.at(date.fromisoformat(today["date"]))
    g_guide = g_param.at(date.fromisoformat(guide["date"]))
    rows = [("½ G", Decimal(1) / 2, "lowest yearly income that gives sickness benefit"),
            ("1 G", Decimal(1), "the unit most limits are written in"),
            ("1.5 G", Decimal(3) / 2, "income in the last 12 months that opens unemployment benefit"),
            ("6 G", Decimal(6), "highest income counted for sickness, parental and unemployment benefits")]
    head = (f"| Multiple of G | Today (G = {nok(g_today.value)} from {_day(g_today.since)}) "
            f"| The guide (G = {nok(g_guide.value)} on {_day(date.fromisoformat(guide['date']))}) | Used for, for example |\n"
            "|---|---|---|---|\n")
    body = "".join(f"| {name} | **{nok(g_today.value * k)}** | {nok(g_guide.value * k)} | {use} |\n"
                   for name, k, use in rows)
    return head + body


def _day(when: date) -> str:
    return f"{when.day} {when:%B %Y}"


FIGURES = {  # markers without arguments, each drawing one figure
    "basic_amount_chart": g_chart.render,
    "calculator_list": calculator_list,
    "key_figures": key_figures,
}


def on_config(config):
    _state["zip"] = bundle.pycalc_zip()
    _state["bundle_path"] = f"assets/pycalc-{bundle.content_hash(_state['zip'])}.zip"
    _state["placed"] = {}
    _state["reader_index"] = reader_index()
    return config


def on_files(files, config):
    """Where each calculator is placed, known before any page is built (the home page links them all)."""
    placed = {}
    for file in files.documentation_pages():
        for calculator_id in ALONE_MARKER.findall(Path(file.abs_src_path).read_text(encoding="utf-8")):
            placed.setdefault(calculator_id, file.src_uri)
    _state["placed_early"] = placed
    return files


def _with_norwegian_names(markdown: str, page) -> str:
    """The Norwegian names readers search for, shown under the page title (search finds them there)."""
    names = _state["reader_index"]["norwegian_names"].get(page.file.src_uri)
    if not names:
        return markdown
    line = ('<p class="norwegian-names" lang="no"><span lang="en">In Norwegian:</span> '
            + ", ".join(escape(n) for n in names) + "</p>")
    title = re.search(r"^# .*$", markdown, re.M)
    if not title:
        return line + "\n\n" + markdown
    return markdown[: title.end()] + "\n\n" + line + "\n" + markdown[title.end():]


def _searchless(widget_html: str) -> str:
    """A widget Material's search leaves out: wrapped in an element of a tag used nowhere inside it
    (Material's parser matches elements by tag, so an excluded <div> stops being excluded at the first
    inner </div>), and each heading with an id marked too (a heading starts a search section of its
    own, even inside an excluded element). display: contents keeps the wrapper out of the layout."""
    widget_html = re.sub(r"<(h[1-6]) id=", r"<\1 data-search-exclude id=", widget_html)
    return f'<calc-search-skip data-search-exclude style="display: contents">{widget_html}</calc-search-skip>'


def on_page_markdown(markdown, page, config, files):
    known = {c["id"] for c in pycalc.calculators()}
    widgets = []

    def expand(match):
        if match.group(1).strip() == FINDER_MARKER:
            if page.meta.get("benefit_finder"):
                raise PluginError(f"{page.file.src_path}: {{{{ benefit_finder }}}} may be placed only once on a page")
            page.meta["benefit_finder"] = True
            return "\n\n" + FINDER_PLACEHOLDER + "\n\n"
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

    markdown = _with_norwegian_names(MARKER.sub(expand, markdown), page)
    page.meta["calculator_widgets"] = widgets
    return markdown


def on_page_content(html, page, config, files):
    if page.meta.get("benefit_finder"):
        placeholder = f"<p>{FINDER_PLACEHOLDER}</p>"
        if placeholder not in html:
            raise PluginError(f"{page.file.src_path}: the {{{{ benefit_finder }}}} marker must stand alone on its line")
        # Every calculator's page (known before any page is built), for the answer's links with figures.
        pages = {cid: files.get_file_from_path(src).url for cid, src in _state["placed_early"].items()}
        html = html.replace(placeholder, _searchless(benefit_finder_page.render(_state["bundle_path"], pages)))
    for index, (calculator_id, uid) in enumerate(page.meta.get("calculator_widgets", [])):
        placeholder = f"<p>{PLACEHOLDER.format(index)}</p>"
        if placeholder not in html:
            raise PluginError(f"{page.file.src_path}: calculator marker for {calculator_id} must stand alone on its line")
        html = html.replace(placeholder, _searchless(widget.render(calculator_id, uid, _state["bundle_path"], page_url=page.url)))
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
