"""The 'What can I get?' questionnaire (issue 14), rendered at build time for the marker
``{{ benefit_finder }}``: one topic a step, every question optional, the answer computed by
pycalc.find_benefits in the calculators' worker (docs/javascripts/benefit-finder.js).

Without JavaScript only a note shows (nothing can be computed). With it, the script shows the form
one step at a time, or, for a shared link (#situation?age=34&...), the answer straight away: the form
is hidden in the HTML, so it never flashes before the link's answer.
"""
import json
from html import escape

import pycalc
from pycalc.benefit_finder import EVENTS

# (name, kind, label, help). Kinds: "number" (whole numbers), "money", "list" (numbers separated by
# commas), "check" (a yes), "events" (the boxes of what happened). Every field is sent as typed.
STEPS = (
    ("about", "About you", (
        ("age", "number", "Your age", "In whole years."),
        ("years_in_norway", "number", "Years you have lived in Norway since you were 16",
         "Leave empty if you have always lived here."),
    )),
    ("family", "Your family", (
        ("partner", "check", "I live with a spouse, registered partner or cohabitant", ""),
        ("single_parent", "check", "I care for my children alone", ""),
        ("children_ages", "list", "Your children's ages", "Separate them with commas, for example 1, 4. A baby under 1 is 0."),
        ("children_in_kindergarten_hours", "list", "Hours a week each child is in kindergarten",
         "In the same order as the ages, for example 0, 40. Leave empty if none is."),
        ("monthly_childcare_costs", "money", "What child care costs you a month",
         "Kindergarten and after-school care together. Leave empty if you pay none."),
    )),
    ("work", "Work and income", (
        ("annual_income", "money", "Your income from work last year",
         "Wages and income from your own business, before tax. For example 450 000."),
        ("income_year_2", "money", "Your income from work the year before", "Before tax. Leave empty if you do not know."),
        ("income_year_3", "money", "Your income from work three years ago", "Before tax. Leave empty if you do not know."),
    )),
    ("events", "What has happened", (
        ("events", "events", "What has happened to you, or will happen soon?", "Tick all that apply, or none."),
        ("hours_reduction_percent", "number", "If your working hours were cut: by how many percent",
         "For example 60. Leave empty if your hours were not cut."),
        ("pension_account", "money", "If you are retiring: your pension account (pensjonsbeholdning)",
         "Log in on nav.no and open 'Din pensjon' to see it. Leave empty if you do not know."),
    )),
)
# A benefit we need one more figure for ("ask"): the question that gives it.
ASK_FIELDS = {"child_care_benefit": "monthly_childcare_costs"}


def _label_text(label: str) -> str:
    return label[0].upper() + label[1:]


def _field(name: str, kind: str, label: str, help_text: str) -> str:
    fid = f"finder-{name}"
    help_html = f'<p class="calc-help" id="{fid}-help">{escape(help_text)}</p>' if help_text else ""
    error = f'<p class="calc-field-error" id="{fid}-error" data-error-for="{name}" hidden></p>'
    described = " ".join([f"{fid}-help"] * bool(help_text) + [f"{fid}-error"])
    if kind == "check":
        return (f'<div class="calc-field calc-field--check"><input type="checkbox" id="{fid}" name="{name}" value="true"'
                f' aria-describedby="{described}"><label for="{fid}">{escape(label)}</label>{help_html}{error}</div>')
    if kind == "events":
        # The group's error is tied to the first box, where the summary's link leads.
        first_box = f' aria-describedby="{fid}-error"'
        boxes = "".join(
            f'<div class="calc-field calc-field--check"><input type="checkbox" id="{fid}-{key}" name="events" value="{key}"'
            f'{first_box if index == 0 else ""}><label for="{fid}-{key}">{escape(_label_text(words))}</label></div>'
            for index, (key, words) in enumerate(EVENTS.items()))
        return (f'<fieldset class="finder-events" id="{fid}" aria-describedby="{fid}-help">'
                f'<legend>{escape(label)}</legend>{help_html}<div class="finder-event-boxes">{boxes}</div>{error}</fieldset>')
    inputmode = {"money": "decimal", "number": "numeric"}.get(kind, "text")
    control = (f'<input type="text" id="{fid}" name="{name}" inputmode="{inputmode}" autocomplete="off" '
               f'spellcheck="false" aria-describedby="{described}">')
    if kind == "money":
        control = (f'<span class="calc-input-unit">{control}<span class="calc-unit" id="{fid}-unit">NOK</span></span>')
        control = control.replace(f'aria-describedby="{described}"', f'aria-describedby="{fid}-unit {described}"')
    return f'<div class="calc-field"><label for="{fid}">{escape(label)}</label>{help_html}{control}{error}</div>'


def _step(index: int, key: str, title: str, questions) -> str:
    last = index == len(STEPS) - 1
    back = '<button type="button" class="md-button" data-back>Back</button>' if index else ""
    forward = ('<button type="submit" class="md-button md-button--primary" data-submit>See what you can get</button>'
               if last else
               '<button type="button" class="md-button md-button--primary" data-next>Continue</button>'
               # Once the reader has seen an answer, every step can show it again at once.
               '<button type="submit" class="md-button" data-submit data-submit-early hidden>See what you can get</button>')
    return (f'<fieldset class="finder-step" data-step="{key}" id="finder-step-{key}" tabindex="-1"'
            f'{" hidden" if index else ""}>'
            f'<legend class="finder-legend"><span class="finder-progress">Step {index + 1} of {len(STEPS)}</span> '
            f'<span class="finder-step-title">{escape(title)}</span></legend>'
            f'{"".join(_field(*q) for q in questions)}'
            f'<div class="finder-nav">{back}{forward}</div></fieldset>')


def render(bundle_path: str, placed: dict) -> str:
    """The questionnaire and its answer area. ``placed`` maps a calculator id to the address of the
    page it is on, relative to the site's root (e.g. "unemployment/"), for the links with figures."""
    titles = {c["id"]: c["title"] for c in pycalc.calculators()}
    links = {cid: {"title": titles[cid], "page": url} for cid, url in placed.items() if cid in titles}
    steps = "".join(_step(i, *step) for i, step in enumerate(STEPS))
    return f"""<div class="finder" id="finder" data-benefit-finder data-state="prerendered" data-bundle="{escape(bundle_path)}"
 data-calculators="{escape(json.dumps(links, sort_keys=True))}" data-ask-fields="{escape(json.dumps(ASK_FIELDS))}">
<noscript><p class="finder-nojs">This questionnaire runs in your browser and needs JavaScript. Without it, each
chapter's calculator still shows a worked example.</p></noscript>
<p class="calc-runtime finder-status" data-runtime-status role="status"></p>
<div class="calc-error-summary" id="finder-errors" tabindex="-1" data-error-summary hidden>
<h2 class="finder-error-title">There is a problem with your answers</h2><ul data-error-list></ul></div>
<form class="finder-form" novalidate data-finder-form hidden>
{steps}
</form>
<section class="finder-answer" aria-labelledby="finder-answer-title" data-finder-answer hidden>
<h2 id="finder-answer-title" tabindex="-1" data-answer-title>What you may get</h2>
<p class="finder-total" data-total></p>
<div class="finder-print-only">
<h3>Your answers</h3>
<dl class="finder-print-answers" data-print-answers></dl>
</div>
<div class="finder-likely" data-likely></div>
<div class="finder-ask-part" data-ask-part hidden>
<h3>We need one more figure from you</h3>
<div data-ask></div>
</div>
<div data-unlikely-part hidden>
<h3>Benefits that look unlikely, and why</h3>
<ul class="finder-unlikely" data-unlikely></ul>
</div>
<p class="finder-not-judged">We cannot judge social assistance (økonomisk sosialhjelp: ask your local NAV office) or
housing allowance (bostøtte: ask Husbanken or your municipality)<span class="finder-screen-only">: see
<a href="#what-we-cannot-judge">what we cannot judge</a> below</span>.</p>
<p class="finder-rules" data-rules></p>
<p class="finder-print-origin" data-print-origin></p>
<div class="finder-actions">
<button type="button" class="md-button" data-change>Change your answers</button>
<button type="button" class="md-button" data-copy-link>Copy link to these answers</button>
<button type="button" class="md-button" data-print>Print or save as PDF</button>
<span class="finder-copy-status" data-copy-status role="status"></span>
</div>
</section>
<div class="calc-live" aria-live="polite" data-live></div>
</div>"""
