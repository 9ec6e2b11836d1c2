"""How steps cite the guide: chapter and section, as a reader would look them up."""

GUIDE = "Your social security rights in Norway (2013)"


def guide(chapter: str, section: str) -> str:
    return f"{GUIDE}, chapter {chapter}, '{section}'"
