"""Command line: `python -m pycalc list`, `python -m pycalc calc ID name=value ...` and
`python -m pycalc find name=value ...` (what can I get?)."""
import argparse
import json
import sys

from .errors import InputError
from .benefit_finder import find_benefits
from .registry import calculate, calculators, rule_sets

EXIT_BAD_INPUT = 2


def _pairs(words):
    inputs, errors = {}, []
    for word in words:
        name, sep, value = word.partition("=")
        if not sep or not name:
            errors.append({"field": word[:40], "message": f"Write each input as name=value, not {word[:40]!r}."})
        else:
            inputs[name] = value
    return inputs, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pycalc", description="Norwegian National Insurance calculators.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the calculators and their inputs as JSON")
    commands.add_parser("rules", help="list the rule sets as JSON")
    calc = commands.add_parser("calc", help="run a calculator: calc ID name=value ...")
    calc.add_argument("calculator")
    calc.add_argument("inputs", nargs="*", metavar="name=value")
    calc.add_argument("--rules", default=None, help="rule set, e.g. 2013 (default: the newest the calculator has)")
    calc.add_argument("--text", action="store_true", help="print the answer, outputs and steps as text, not JSON")
    find = commands.add_parser("find", help="every benefit that may apply: find age=34 annual_income=300000 "
                                            "children_ages=1,4 single_parent=true events=lost_job")
    find.add_argument("situation", nargs="*", metavar="name=value")
    args = parser.parse_args(argv)

    if args.command == "list":
        print(json.dumps(calculators(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "rules":
        print(json.dumps(rule_sets(), indent=2, ensure_ascii=False))
        return 0
    inputs, errors = _pairs(args.situation if args.command == "find" else args.inputs)
    try:
        if args.command == "find":
            result = find_benefits(inputs)
        else:
            result = calculate(args.calculator, inputs, rules=args.rules)
    except InputError as problem:
        errors += problem.errors
    if errors:
        for error in errors:
            print(f"{error['field']}: {error['message']}", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = args.command == "calc" and args.text
    print(as_text(result) if text else json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def as_text(result: dict) -> str:
    """A result as a reader reads it: the answer, the figures, the steps with their sources, the notes."""
    labels = {o["name"]: o["label"] for c in calculators() if c["id"] == result["calculator"] for o in c["outputs"]}
    lines = [result["headline"], "", f"Rules: {result['rules_label']}.", ""]
    lines += [f"{labels.get(name, name)}: {shown}" for name, shown in result["display"].items()]
    lines += ["", "How this was worked out:"]
    for number, step in enumerate(result["steps"], 1):
        lines.append(f"{number}. {step['text']}")
        lines += [f"   {c['text']}: {c['url']}" for c in step["citations"]]
        if step.get("reference"):
            lines.append(f"   NAV's code: {step['reference']}")
    if result["notes"]:
        lines += ["", "Good to know:"] + [f"- {note}" for note in result["notes"]]
    return "\n".join(lines)
