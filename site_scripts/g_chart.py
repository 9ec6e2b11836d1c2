"""The chart of the basic amount G by year, drawn at build time from pycalc's own parameter file."""
from html import escape

from pycalc import parameters

WIDTH, HEIGHT = 420, 250
LEFT, RIGHT, TOP, BOTTOM = 48, 10, 12, 36


def render() -> str:
    values = parameters.load("basic_amount").values
    highest = max(v.value for v in values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(values)
    bars = []
    for i, v in enumerate(values):
        height = float(v.value / highest) * plot_h
        x = LEFT + i * slot
        bars.append(
            f'<rect class="g-chart-bar" x="{x + slot * 0.15:.1f}" y="{TOP + plot_h - height:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{height:.1f}"><title>{v.since.year}: NOK {v.value:,.0f}</title></rect>'
        )
        if (len(values) - 1 - i) % 2 == 0:  # every other year, ending on the newest
            bars.append(f'<text class="calc-chart-tick" x="{x + slot / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" '
                        f'text-anchor="middle">{v.since.year}</text>')
    for fraction in (0, 0.5, 1):
        y = TOP + plot_h * (1 - fraction)
        bars.append(f'<line class="calc-chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        bars.append(f'<text class="calc-chart-tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
                    f'{highest * int(fraction * 100) / 100 / 1000:,.0f}k</text>')
    first, last = values[0], values[-1]
    description = (f"G rose every year, from NOK {first.value:,.0f} in {first.since.year} "
                   f"to NOK {last.value:,.0f} in {last.since.year}. The table below gives every year.")
    return (f'<figure class="calc-chart"><svg class="calc-chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="g-chart-title g-chart-desc"><title id="g-chart-title">The basic amount G by year</title>'
            f'<desc id="g-chart-desc">{escape(description)}</desc>{"".join(bars)}</svg>'
            f'<figcaption>The basic amount G from 1 May each year, in kroner.</figcaption></figure>')
