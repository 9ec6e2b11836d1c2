"""How steps cite the guide: chapter and section, as a reader would look them up."""

GUIDE = "Your social security rights in Norway (2013)"

# The guide's chapters and this site's page for each, relative to the site root (the pages are in
# mkdocs.yml's nav; a test checks the two agree). Steps that cite "chapter III" link here.
CHAPTER_PAGES = {
    "Membership": "membership/",
    "I": "financing/",
    "II": "healthcare/",
    "III": "sickness-benefits/",
    "IV": "parental-benefits/",
    "V": "invalidity/",
    "VI": "old-age/",
    "VII": "survivors/",
    "VIII": "occupational-injury/",
    "IX": "family-benefits/",
    "X": "unemployment/",
    "XI": "minimum-resources/",
    "XII": "long-term-care/",
}


def guide(chapter: str, section: str) -> str:
    return f"{GUIDE}, chapter {chapter}, '{section}'"
