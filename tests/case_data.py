"""Test cases as data: tests/cases/<calculator id>.toml, one named case per scenario."""
import tomllib
from pathlib import Path

CASES_DIR = Path(__file__).parent / "cases"


def load_cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield path.stem, case
