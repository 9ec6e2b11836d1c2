"""MkDocs hook: one stripped page per calculator at /embed/<id>/, framed by partners' sites.

Each generated page holds only the calculator marker (expanded by hooks.py, which must be
listed before this file in mkdocs.yml) and a link back to the chapter page. The loader
docs/embed.js gets the calculators' ids, titles and input names baked in here, so a partner's
page never needs to fetch anything from us cross-origin before it can build an iframe.
"""
import json
import re
import sys
from pathlib import Path

from html import escape

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pycalc  # noqa: E402

CALCULATOR_MARKER = re.compile(r"^\{\{\s*calculator:\s*([a-z0-9_]+)\s*\}\}\s*$", re.M)
LOADER = "embed.js"
LOADER_PLACEHOLDER = "/*CALCULATORS*/ {}"
SITE_PLACEHOLDER = "https://OUR-SITE/"
EMBED_DIR = "embed"

_state = {}


def _chapter_pages(files) -> dict:
    """calculator id -> the File of the first chapter page that places it."""
    placed = {}
    for file in files.documentation_pages():
        if file.generated_by or file.src_uri.startswith(f"{EMBED_DIR}/"):
            continue
        for calculator_id in CALCULATOR_MARKER.findall(file.content_string):
            placed.setdefault(calculator_id, file)
    return placed


def _nav_titles(nav, found=None) -> dict:
    """src_uri -> title, from mkdocs.yml's nav (e.g. "X. Unemployment")."""
    found = {} if found is None else found
    for item in nav or []:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    found.setdefault(target, title)
                else:
                    _nav_titles(target, found)
    return found


def _page_markdown(meta: dict, src_uri: str, chapter_file, chapter_title: str, site_name: str, config) -> str:
    front = {
        "template": "embed.html",
        "title": f"{meta['title']} calculator",
        "description": meta["summary"],
        "search": {"exclude": True},
        "embed_calculator": meta["id"],
    }
    lines = ["---"] + [f"{key}: {json.dumps(value)}" for key, value in front.items()] + ["---", ""]
    lines += [f"{{{{ calculator: {meta['id']} }}}}", ""]
    if chapter_file is not None:
        # Raw HTML (the widget's id is not an anchor MkDocs can see); opens outside the frame.
        here = File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls).url
        link = f"{get_relative_url(chapter_file.url, here)}#calc-{meta['id']}"
        text = f"Read the whole chapter “{chapter_title}” in {site_name} (opens in a new tab)"
        lines.append(f'<p class="embed-back"><a class="embed-back" href="{escape(link)}" target="_blank" '
                     f'rel="noopener">{escape(text)}</a></p>')
    return "\n".join(lines) + "\n"


def on_files(files, config):
    calculators = pycalc.calculators()
    chapters = _chapter_pages(files)
    titles = _nav_titles(config["nav"])
    _state["pages"] = {}
    for meta in calculators:
        src_uri = f"{EMBED_DIR}/{meta['id']}.md"
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} would be overwritten by the generated embed page")
        chapter = chapters.get(meta["id"])
        title = titles.get(chapter.src_uri, meta["chapter"]) if chapter else ""
        page_file = File.generated(config, src_uri, content=_page_markdown(meta, src_uri, chapter, title, config.site_name, config),
                                   inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(page_file)
        _state["pages"][meta["id"]] = {"embed": page_file.url, "page": chapter.url if chapter else None}

    loader = files.get_file_from_path(LOADER)
    if loader is None:
        raise PluginError(f"docs/{LOADER} (the partners' loader) is missing")
    source = loader.content_string
    if LOADER_PLACEHOLDER not in source:
        raise PluginError(f"docs/{LOADER} has lost its placeholder {LOADER_PLACEHOLDER!r}")
    known = {
        meta["id"]: {"title": meta["title"], "inputs": [f["name"] for f in meta["inputs"]], "rules": meta["rule_sets"]}
        for meta in calculators
    }
    files.remove(loader)
    source = source.replace(LOADER_PLACEHOLDER, json.dumps(known))
    if config.site_url:
        source = source.replace(SITE_PLACEHOLDER, config.site_url)  # in its comment: the snippet to paste
    files.append(File.generated(config, LOADER, content=source))
    return files


def on_page_markdown(markdown, page, config, files):
    # The snippets on the "Embed a calculator" page show the address the site is built for.
    if page.file.src_uri == "embed.md" and config.site_url:
        markdown = markdown.replace(SITE_PLACEHOLDER, config.site_url)
    return markdown


def on_post_build(config):
    """Add each calculator's embed page to assets/calculators.json (written by hooks.py)."""
    path = Path(config["site_dir"]) / "assets" / "calculators.json"
    if not path.is_file():
        raise PluginError("assets/calculators.json is missing: list site_scripts/hooks.py before embed_pages.py")
    metadata = json.loads(path.read_text(encoding="utf-8"))
    for entry in metadata:
        found = _state["pages"].get(entry["id"], {})
        entry["page"] = found.get("page")  # the chapter page, never the embed page itself
        entry["embed"] = found.get("embed")
    path.write_text(json.dumps(metadata, indent=1), encoding="utf-8")
