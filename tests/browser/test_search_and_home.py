"""Found at once (issue 12): search by Norwegian names, no form text in results, the home page's list of
every calculator, and the 404 page. These read the built site's files (no browser is started); they sit
with the browser tests because they need the build (SITE_DIR, as in conftest.py)."""
import json
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import pycalc
from conftest import SITE

ROOT = Path(__file__).resolve().parents[2]
READER_INDEX = tomllib.loads((ROOT / "site_scripts" / "reader_index.toml").read_text(encoding="utf-8"))

# What a reader types, and the page (site-relative) that must answer it.
QUERIES = {
    "sykepenger": "sickness-benefits/", "foreldrepenger": "parental-benefits/", "dagpenger": "unemployment/",
    "engangsstønad": "parental-benefits/", "barnetrygd": "family-benefits/", "kontantstøtte": "family-benefits/",
    "uføretrygd": "invalidity/", "arbeidsavklaringspenger": "invalidity/", "alderspensjon": "old-age/",
    "omstillingsstønad": "survivors/", "barnepensjon": "survivors/", "grunnbeløpet": "basic-amount/",
    "trygdeavgift": "financing/", "frikort": "healthcare/", "gravferdsstønad": "survivors/",
    "menerstatning": "occupational-injury/", "barnetilsyn": "family-benefits/",
    "supplerende stønad": "minimum-resources/",
}
# Text only a calculator widget holds: none of it may appear in a search result.
WIDGET_ONLY = ["A worked example, computed when this page was built", "Please check these figures",
               "How this was worked out", "Print or save as PDF"]


@pytest.fixture(scope="module")
def search_index():
    path = SITE / "search" / "search_index.json"
    if not path.is_file():
        pytest.fail("The site is not built: run `make test`, which builds it for the tests.")
    return json.loads(path.read_text(encoding="utf-8"))


def page_html(url: str) -> str:
    return (SITE / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("query, page", QUERIES.items())
def test_a_norwegian_name_finds_its_chapter_first_section(search_index, query, page):
    """The chapter's first search section (its title and opening) holds the name, so it ranks high."""
    first = next(d for d in search_index["docs"] if d["location"] == page)
    assert query in first["text"].lower(), f"{page}'s opening does not name {query!r}"


def test_search_knows_norwegian(search_index):
    assert "no" in search_index["config"]["lang"]


def test_no_search_result_shows_calculator_form_text(search_index):
    helps = {f["help"] for c in pycalc.calculators() for f in c["inputs"] if len(f["help"]) > 60}
    leaks = [(d["location"], text[:50]) for d in search_index["docs"]
             for text in WIDGET_ONLY + sorted(helps) if text in d["text"]]
    assert not leaks, leaks
    assert not [d["location"] for d in search_index["docs"] if "#calc-" in d["location"]]


def test_each_chapter_shows_its_norwegian_names_under_its_title():
    for source, names in READER_INDEX["norwegian_names"].items():
        html = page_html(source.removesuffix(".md"))
        line = re.search(r'<p class="norwegian-names"[^>]*>(.*?)</p>', html, re.S)
        assert line and all(name in line.group(1) for name in names), source


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def parsed(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def test_the_home_page_links_every_calculator_to_its_widget():
    home = parsed((SITE / "index.html").read_text(encoding="utf-8"))
    placed = {c["id"]: c["page"] for c in json.loads((SITE / "assets" / "calculators.json").read_text())}
    for calculator_id, page in placed.items():
        assert page, f"{calculator_id} is on no page"
        target = f"{page}#calc-{calculator_id}"
        assert target in home.hrefs, f"home page has no link to {target}"
        assert f"calc-{calculator_id}" in parsed(page_html(page)).ids


def test_the_home_page_groups_the_calculators_by_what_happened():
    html = (SITE / "index.html").read_text(encoding="utf-8")
    used = {entry["group"] for entry in READER_INDEX["calculators"].values()}
    for group in READER_INDEX["groups"]:
        if group["key"] in used:
            assert f">{group['heading']}<" in html.replace("&#39;", "'"), group["heading"]
    assert "Estimate your unemployment benefit" in html


def test_the_home_page_leads_with_todays_figures():
    html = (SITE / "index.html").read_text(encoding="utf-8")
    today, guide = html.index("NOK 136,549"), html.index("NOK 85,245")
    assert today < guide


def test_the_404_page_offers_search_and_every_chapter():
    html = (SITE / "404.html").read_text(encoding="utf-8")
    links = parsed(html)
    assert re.search(r'<label[^>]*for="__search"[^>]*>Search this site</label>', html)
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r"^  - [^:]+: ([a-z-]+)\.md$", nav, re.M)
    assert "index" in pages
    for page in (p for p in pages if p != "index"):
        assert any(href.rstrip("/").endswith(f"/{page}") for href in links.hrefs), f"404 page has no link to {page}"
