"""The rule sets pycalc knows, read from rule_sets.toml."""
import functools
import tomllib
from importlib import resources


@functools.cache
def all_rule_sets() -> dict:
    text = (resources.files("pycalc") / "rule_sets.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def newest(ids) -> str:
    known = all_rule_sets()
    return max(ids, key=lambda i: known[i]["date"])
