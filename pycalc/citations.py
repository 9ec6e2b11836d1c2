"""Sources a reader can follow: a step's ``source`` text turned into linked citations.

A formula writes its source as words (see the house rules): a NAV file reference, then the law
section ("folketrygdloven § 8-10", "dagpengeforskriften § 7-1", "forskrift om ... § 3"), or the
guide's chapter (``sources.guide``), or a page address. ``cite(source)`` finds each of these and
returns ``[{"text": "National Insurance Act § 8-10", "url": "https://lovdata.no/lov/1997-02-28-19/§8-10"},
{"text": "The guide, chapter III: What is covered?", "url": "sickness-benefits/"}]``: laws link to
Lovdata, guide chapters to this site's page for the chapter (relative to the site root), page
addresses to themselves. ``reference(source)`` is the NAV code reference, for experts.
"""
import re
from urllib.parse import quote_plus, urlsplit

from .sources import CHAPTER_PAGES

LOVDATA = "https://lovdata.no/"

# Norwegian name (as steps write it, lower case) -> (English name, Lovdata id or None).
# Ids read from Lovdata's own references (document headers "LOV-1997-02-28-19" etc.). A name whose
# id was not verified has None and links to Lovdata's search for its name.
ACTS = {
    "folketrygdloven": ("National Insurance Act", "lov/1997-02-28-19"),
    "ftrl.": ("National Insurance Act", "lov/1997-02-28-19"),
    "national insurance act": ("National Insurance Act", "lov/1997-02-28-19"),
    "barnetrygdloven": ("Child Benefit Act", "lov/2002-03-08-4"),
    "kontantstøtteloven": ("Cash-for-Care Benefit Act", "lov/1998-06-26-41"),
    "lov om supplerende stønad til personer med kort botid i norge": (
        "Supplementary Allowance Act (short residence)", "lov/2005-04-29-21"),
    "supplerende stønad-loven": ("Supplementary Allowance Act (short residence)", "lov/2005-04-29-21"),
    "dagpengeforskriften": ("Regulation on unemployment benefit", "forskrift/1998-09-16-890"),
    "forskrift om dagpenger under arbeidsløshet": ("Regulation on unemployment benefit", "forskrift/1998-09-16-890"),
    "forskrift om egenandel for kommunale helse- og omsorgstjenester": (
        "Regulation on charges for municipal health and care services", "forskrift/2011-12-16-1349"),
    "forskrift om menerstatning ved yrkesskade": (
        "Regulation on compensation for permanent injury at work (menerstatning)", None),
}
_ACT_NAMES = sorted(ACTS, key=len, reverse=True)
_SECTION = r"\d+(?:-\d+)?(?: ?[a-z]\b)?"
_SECTIONS = r"(?P<paras>§§?)\s*(?P<first>" + _SECTION + r")(?P<more>(?:\s*(?:,|and|og|to|til|–)\s*" + _SECTION + r")*)"
_KNOWN_LAW = re.compile(
    r"(?P<act>" + "|".join(re.escape(n) for n in _ACT_NAMES) + r")(?:\s*\(\d{4}\))?"
    r"(?:\s*" + _SECTIONS + r"|\s+(?:chapter|kapittel|kap\.)\s+(?P<chapter>\d+))?",
    re.IGNORECASE,
)
# Any other act or regulation named the Norwegian way, with its section: "forskrift om ... § 3".
_OTHER_LAW = re.compile(r"(?P<act>\b(?:forskrift|lov) om [^§;:()]{3,120}?)\s*" + _SECTIONS, re.IGNORECASE)
_GUIDE = re.compile(r"\bchapter (?P<chapter>[IVX]+|Membership)\b(?:, '(?P<title>.*?)'(?=\s*(?:;|\)|,\s|$)))?")
_ADDRESS = re.compile(r"https?://[^\s'\"<>)\]]+")
_NAV_CODE = re.compile(r"\bnavikt/[A-Za-z0-9._-]+")


def _section_anchor(section: str) -> str:
    return "§" + section.replace(" ", "")


def _law_url(act_id, name: str, section: str | None = None, chapter: str | None = None) -> str:
    if act_id is None:
        return f"{LOVDATA}sok?q={quote_plus(name)}"
    if section:
        return f"{LOVDATA}{act_id}/{_section_anchor(section)}"
    if chapter:  # the chapter's first section: folketrygdloven numbers them § 3-1, § 3-2 ...
        return f"{LOVDATA}{act_id}/§{chapter}-1"
    return f"{LOVDATA}{act_id}"


def _law_matches(source: str):
    known = list(_KNOWN_LAW.finditer(source))
    taken = [range(m.start(), m.end()) for m in known]
    others = [m for m in _OTHER_LAW.finditer(source)
              if not any(m.start("act") + len(m.group("act")) - 1 in span or m.start() in span for span in taken)
              and not m.group("act").strip().lower().startswith(tuple(_ACT_NAMES))]
    return sorted(known + others, key=lambda m: m.start())


def _laws(source: str) -> list[dict]:
    found = []
    for match in _law_matches(source):
        name = match.group("act").strip().rstrip(",. ")
        known = ACTS.get(name.lower())
        english, act_id = known if known else (f"The regulation '{name}'" if name.lower().startswith("forskrift")
                                               else f"The act '{name}'", None)
        if match.group("first"):
            first = match.group("first")
            sections = [first] + re.findall(_SECTION, match.group("more") or "")
            if "-" in first:  # "§§ 4-11 and 4-12": every section has the chapter's form
                sections = [s for s in sections if "-" in s]
            for section in sections:
                found.append({"text": f"{english} § {section}", "url": _law_url(act_id, name, section=section)})
        elif match.groupdict().get("chapter"):
            found.append({"text": f"{english}, chapter {match.group('chapter')}",
                          "url": _law_url(act_id, name, chapter=match.group("chapter"))})
        elif known or name.lower().startswith(("forskrift om", "lov om")):
            found.append({"text": english, "url": _law_url(act_id, name)})
    return found


def _guide(source: str) -> list[dict]:
    found = []
    for match in _GUIDE.finditer(source):
        chapter = match.group("chapter")
        if chapter not in CHAPTER_PAGES:
            continue
        words = f"The guide, chapter {chapter}" if chapter != "Membership" else "The guide, on membership"
        if match.group("title"):
            words += f": {match.group('title')}"
        found.append({"text": words, "url": CHAPTER_PAGES[chapter]})
    return found


def _addresses(source: str) -> list[dict]:
    found = []
    for address in _ADDRESS.findall(source):
        address = address.rstrip(".,;:")
        parts = urlsplit(address)
        host = parts.hostname.removeprefix("www.") if parts.hostname else address
        found.append({"text": f"{host}{parts.path.rstrip('/')}" if len(parts.path) > 1 else host, "url": address})
    return found


def cite(source: str) -> list[dict]:
    """The law sections, guide chapters and page addresses a source names, each with a link."""
    if not isinstance(source, str):
        return []
    seen, citations = set(), []
    for citation in _laws(source) + _guide(source) + _addresses(source):
        if citation["url"] not in seen:
            seen.add(citation["url"])
            citations.append(citation)
    return citations


def reference(source: str) -> str | None:
    """The NAV code reference a source gives (repository, paths), for experts; None if it gives none."""
    if not isinstance(source, str) or not _NAV_CODE.search(source):
        return None
    start = _NAV_CODE.search(source).start()
    return source[start:].split("; ")[0].strip()
