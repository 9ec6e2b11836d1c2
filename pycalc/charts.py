"""Charts of an amount against income, so a reader sees where they stand and where the caps bite.

Each chart is a series of real calculations (the same formula the result came from) and is
drawn as SVG here, in Python, so the page at build time and the browser draw the same thing.
"""
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from .money import nok, number
from .parameters import Rules, load
from .registry import _find, calculate
from .rule_sets import all_rule_sets

SAMPLES = 24  # evenly spaced points; the kinks at each mark are added exactly
HEADROOM = Decimal("1.25")  # the axis runs a quarter past the highest mark or the reader's figure
WIDTH, HEIGHT = 420, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 14, 44, 40
LABEL_ROWS = 3  # mark labels take turns on three rows so that close marks do not overlap
TABLE_ROWS = 6


@dataclass(frozen=True)
class Chart:
    x: str  # the input along the axis
    y: str  # the output drawn
    marks: tuple[str, ...] = ()  # parameters (NOK or G) marked on the axis


CHARTS = {
    "unemployment_benefit": Chart("income_year_1", "annual_rate", (
        "unemployment.minimum_income_last_year", "unemployment.long_period_minimum_income", "unemployment.maximum_basis")),
    "sickness_benefit": Chart("annual_income", "daily_rate", ("sickness.minimum_income", "sickness.maximum_basis")),
    "parental_benefit": Chart("annual_income", "weekly_amount", ("parental.minimum_income", "parental.maximum_basis")),
    "work_assessment_allowance": Chart("income_year_1", "annual_amount", ("work_assessment.maximum_basis",)),
    "pension_points": Chart("annual_income", "points"),
    "earnings_pension_accrual": Chart("annual_income", "annual_accrual"),
    "old_age_pension": Chart("average_pension_points", "annual_pension"),
    "invalidity_pension": Chart("average_pension_points", "annual_pension"),
    "disability_benefit": Chart("income_this_year", "annual_paid", (
        "disability.income_allowance", "disability.income_allowance_after_two_years")),
    "survivors_pension": Chart("survivor_income", "annual_pension", ("survivors.income_exemption",)),
    "nursing_home_charge": Chart("annual_income", "annual_charge", ("long_term_care.lower_band_limit",)),
}


def _mark(name: str, rules: Rules) -> tuple[Decimal, str]:
    unit = load(name).unit
    if unit == "G":
        return rules.g_times(name), rules.g_words(name)
    return rules(name), ""


def chart_data(calculator_id: str, inputs: dict, rules: str | None = None) -> dict | None:
    """The series for one reader's inputs, or None for a calculator without a chart."""
    spec = CHARTS.get(calculator_id)
    if spec is None:
        return None
    reader = calculate(calculator_id, inputs, rules)
    date = all_rule_sets()[reader["rules"]]["date"]
    calculator = _find(calculator_id)
    field = next(f for f in calculator.inputs if f.name == spec.x)
    output = next(o for o in calculator.outputs if o.name == spec.y)
    marks = [_mark(name, Rules(date)) for name in spec.marks]
    reader_x = Decimal(str(reader["inputs"][spec.x]))
    highest = max([m for m, _ in marks] + [reader_x])
    top = min(highest * HEADROOM, field.max) if highest > 0 else field.max
    # Each mark is sampled with the point just before it, so a step at a limit is drawn upright.
    just_before = Decimal(1) if field.type == "money" else Decimal("0.01")
    edges = {e for m, _ in marks if m <= top for e in (m, max(m - just_before, Decimal(0)))}
    xs = sorted({top * i / SAMPLES for i in range(SAMPLES + 1)} | edges | {reader_x})
    points = []
    for x in xs:
        outputs = calculate(calculator_id, {**reader["inputs"], spec.x: x}, reader["rules"])
        points.append((x, Decimal(str(outputs["outputs"][spec.y]))))
    return {
        "x_label": field.label, "y_label": output.label, "x_money": field.type == "money",
        "y_money": output.unit.startswith("NOK"),
        "y_display": output.display, "points": points,
        "reader": (reader_x, Decimal(str(reader["outputs"][spec.y]))),
        "marks": [(x, words) for x, words in marks if x <= top],
    }


def _compact(value: Decimal, money: bool) -> str:
    if money and value >= 10000:
        return f"{value / 1000:,.0f}k"
    if money and value >= 1000:  # one decimal, so that ticks 1,576 and 2,364 do not both read "2k"
        return f"{value / 1000:,.1f}".rstrip("0").rstrip(".") + "k"
    if money:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _plain(value: Decimal, money: bool) -> str:
    return nok(value) if money else number(value)


def render_svg(data: dict, uid: str) -> str:
    (x_max := max(x for x, _ in data["points"]) or Decimal(1))
    y_max = max(y for _, y in data["points"]) or Decimal(1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x):
        return LEFT + float(x / x_max) * plot_w

    def sy(y):
        return TOP + plot_h - float(y / y_max) * plot_h

    line = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in data["points"])
    parts = [f'<polyline class="calc-chart-line" points="{line}"/>']
    for i in range(5):
        yv, xv = y_max * i / 4, x_max * i / 4
        parts.append(f'<line class="calc-chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{sy(yv):.1f}" y2="{sy(yv):.1f}"/>')
        parts.append(f'<text class="calc-chart-tick" x="{LEFT - 6}" y="{sy(yv) + 4:.1f}" text-anchor="end">{_compact(yv, data["y_money"])}</text>')
        anchor = "end" if i == 4 else "middle"
        parts.append(f'<text class="calc-chart-tick" x="{sx(xv):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}">'
                     f'{_compact(xv, data["x_money"])}</text>')
    for row, (x, words) in enumerate(data["marks"]):
        label_y = 12 + 13 * (row % LABEL_ROWS)
        parts.append(f'<line class="calc-chart-mark" x1="{sx(x):.1f}" x2="{sx(x):.1f}" y1="{label_y + 3}" y2="{TOP + plot_h}"/>')
        if words:
            parts.append(f'<text class="calc-chart-mark-label" x="{sx(x) + 3:.1f}" y="{label_y}">{escape(words)}</text>')
    rx, ry = data["reader"]
    parts.append(f'<circle class="calc-chart-you" cx="{sx(rx):.1f}" cy="{sy(ry):.1f}" r="5"/>')
    parts.append(f'<text class="calc-chart-axis" x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 6}" text-anchor="middle">'
                 f'{escape(data["x_label"])}</text>')
    title = f"{data['y_label']} against {data['x_label'].lower()}"
    description = (f"Your figure: {_plain(rx, data['x_money'])} gives {data['y_display'](ry)}. "
                   f"Marked limits: {', '.join(w + ' = ' + _plain(x, True) for x, w in data['marks'] if w) or 'none'}.")
    return (f'<svg class="calc-chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="{uid}-chart-title {uid}-chart-desc">'
            f'<title id="{uid}-chart-title">{escape(title)}</title><desc id="{uid}-chart-desc">{escape(description)}</desc>'
            + "".join(parts) + "</svg>")


def render_table(data: dict) -> str:
    step = max(1, len(data["points"]) // TABLE_ROWS)
    rows = {x: y for x, y in data["points"][::step]}
    rows.update({x: y for x, y in data["points"] if any(x == m for m, _ in data["marks"])})
    reader_x = data["reader"][0]
    rows[reader_x] = data["reader"][1]
    body = "".join(
        f'<tr{" class=calc-chart-you-row" if x == reader_x else ""}><td>{escape(_plain(x, data["x_money"]))}'
        f'{" (your figure)" if x == reader_x else ""}</td><td>{escape(data["y_display"](y))}</td></tr>'
        for x, y in sorted(rows.items())
    )
    return (f'<table><thead><tr><th scope="col">{escape(data["x_label"])}</th>'
            f'<th scope="col">{escape(data["y_label"])}</th></tr></thead><tbody>{body}</tbody></table>')


def render_html(calculator_id: str, inputs: dict, rules: str | None, uid: str) -> str:
    """The chart and its table, or '' for a calculator without a chart."""
    data = chart_data(calculator_id, inputs, rules)
    if data is None:
        return ""
    return (render_svg(data, uid) +
            f'<details class="calc-chart-table"><summary>The chart as a table</summary>{render_table(data)}</details>')
