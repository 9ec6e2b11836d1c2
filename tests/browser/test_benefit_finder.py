"""'What can I get?' in a real browser (issue 14).

The questionnaire on a phone, step by step, to an answer whose every benefit is what
pycalc.find_benefits gives for the same situation, with links that open each calculator with the
reader's figures; a shared link opening with its answers at once (the form never shows first);
a bad answer giving its message by the field, a summary of links and the focus; Back keeping
answers; the printout one clean record; axe in both schemes; nothing requested from another origin.
"""
import re
from urllib.parse import urlsplit

import pytest

import pycalc
from pycalc.errors import InputError
from pycalc.money import nok
from conftest import BOOT_TIMEOUT_MS, SITE, widget

PATH = "/what-can-i-get/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Issue 14's single mother of two who has just lost her job; the youngest at home, the eldest in kindergarten.
MOTHER = {"age": "34", "single_parent": "true", "children_ages": "1, 4", "children_in_kindergarten_hours": "0, 40",
          "annual_income": "300 000", "events": "lost_job"}
MOTHER_LINK = ("#situation?age=34&annual_income=300000&children_ages=1,4&children_in_kindergarten_hours=0,40"
               "&single_parent=true&events=lost_job")
ANSWERED = "[data-benefit-finder][data-state='answered']"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A build that could not make the Pyodide snapshot ships without it; a page on a fast link would still
# ask for it (calculator-runtime.js), so such a build is tested as from a link that does not ask.
NO_SNAPSHOT_LINK = "Object.defineProperty(navigator, 'connection', {value: {saveData: false, effectiveType: '4g', rtt: 300}})"


def foreign(urls):
    return [u for u in urls if urlsplit(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:"))]


@pytest.fixture
def open_page(browser):
    """A page on a phone or a desktop; no request may leave the site's origin."""
    contexts, seen = [], []

    def make(viewport=PHONE, **options):
        if viewport == PHONE:
            options.update(is_mobile=True, has_touch=True)
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        if not any(SITE.glob("assets/pycalc-*.snapshot.gz")):
            context.add_init_script(NO_SNAPSHOT_LINK)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("request", lambda request: seen.append(request.url))
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.script_errors = errors
        return page

    yield make
    for context in contexts:
        context.close()
    assert not foreign(seen), f"requests left the site's origin: {foreign(seen)}"


def finder(page):
    return page.locator("[data-benefit-finder]")


def visible_step(page) -> str:
    steps = page.locator(".finder-step:visible")
    assert steps.count() == 1, "exactly one step shows at a time"
    return steps.get_attribute("data-step")


def expected_answer(situation: dict) -> list[dict]:
    return pycalc.find_benefits(situation)


def check_answer(page, situation: dict):
    """Each benefit the page shows is find_benefits' for the same situation, in its order, with its
    headline, its why and a month and a year; the household total is find_benefits' total."""
    found = expected_answer(situation)
    answer = page.locator("[data-finder-answer]")
    shown = [(answer.locator("[data-benefit]").nth(i).get_attribute("data-benefit"),
              answer.locator("[data-benefit]").nth(i).get_attribute("data-status"))
             for i in range(answer.locator("[data-benefit]").count())]
    assert shown == [(e["calculator"], e["status"]) for e in found]
    likely = [e for e in found if e["status"] == "likely"]
    cards = answer.locator("[data-benefit][data-status='likely']")
    for i, entry in enumerate(likely):
        card = cards.nth(i)
        assert card.locator("[data-headline]").inner_text() == entry["result"]["headline"], entry["calculator"]
        text = card.inner_text()
        assert entry["why"] in text
        assert f"{nok(entry['monthly_amount'])} a month" in text and f"{nok(entry['annual_amount'])} a year" in text
        link = card.locator("a[href*='#calc-']").get_attribute("href")
        assert f"#calc-{entry['calculator']}?rules={entry['result']['rules']}" in link, link
    total = pycalc.household_monthly_total(found)
    assert answer.locator("[data-total]").get_attribute("data-value") == str(total)
    assert f"{nok(total)} a month" in answer.locator("[data-total]").inner_text()
    for entry in found:
        if entry["status"] == "unlikely":
            assert entry["why"].split(": ", 1)[-1] in answer.locator(
                f"[data-benefit='{entry['calculator']}'][data-status='unlikely']").first.inner_text()
    return found


# ---------------------------------------------------------------- the questionnaire, step by step

def test_the_single_mother_answers_step_by_step_on_a_phone(open_page, site_url):
    page = open_page(PHONE)
    page.goto(site_url + PATH)
    form = page.locator("[data-finder-form]")
    form.wait_for(state="visible")
    assert visible_step(page) == "about"
    assert page.locator(".finder-step:visible legend").inner_text().startswith("Step 1 of 4")

    page.fill("#finder-age", MOTHER["age"])
    page.click(".finder-step:visible [data-next]")
    assert visible_step(page) == "family"
    assert page.evaluate("document.activeElement.id") == "finder-step-family", "the new step takes the focus"
    page.check("#finder-single_parent")
    page.fill("#finder-children_ages", MOTHER["children_ages"])
    page.fill("#finder-children_in_kindergarten_hours", MOTHER["children_in_kindergarten_hours"])
    page.click(".finder-step:visible [data-next]")
    assert visible_step(page) == "work"
    page.fill("#finder-annual_income", MOTHER["annual_income"])
    page.click(".finder-step:visible [data-next]")
    assert visible_step(page) == "events"
    page.check("#finder-events-lost_job")
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click(".finder-step:visible [data-submit]")

    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    assert not form.is_visible()
    found = check_answer(page, MOTHER)
    assert [e["calculator"] for e in found if e["status"] == "likely"] == \
        ["unemployment_benefit", "cash_benefit_small_children", "child_benefit"]
    assert page.evaluate("document.activeElement.id") == "finder-answer-title", "the answer takes the focus"
    page.wait_for_function("() => document.querySelector('[data-live]').textContent.includes('a month')")
    total = pycalc.household_monthly_total(found)
    assert nok(total) in page.locator("[data-live]").inner_text(), "the live region reads the total"
    # The address now holds the situation, as typed.
    assert page.evaluate("location.hash").startswith("#situation?")
    in_address = page.evaluate("Object.fromEntries(new URLSearchParams(location.hash.split('?')[1]))")
    assert in_address == MOTHER
    assert page.script_errors == []

    # The one benefit that needs a figure opens the form at its question, answers kept.
    page.click("[data-benefit='child_care_benefit'] [data-ask-field]")
    assert visible_step(page) == "family"
    assert page.evaluate("document.activeElement.id") == "finder-monthly_childcare_costs"
    assert page.input_value("#finder-children_ages") == MOTHER["children_ages"]

    # Once answered, every step can show the answer again; each benefit's link opens its calculator
    # with her figures, and the calculator gives the same answer.
    page.click(".finder-step:visible [data-submit-early]")
    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    page.click("[data-benefit='unemployment_benefit'] a[href*='#calc-']")
    page.wait_for_url("**/unemployment/#calc-unemployment_benefit?*")
    calculator = widget(page, "unemployment_benefit")
    page.wait_for_selector("[data-calculator='unemployment_benefit'] .calc-result[data-source='browser']:not([data-stale])",
                           timeout=BOOT_TIMEOUT_MS)
    assert calculator.locator("[name='income_year_1']").input_value() == "300000"
    assert calculator.locator("[data-headline]").inner_text() == found[0]["result"]["headline"]


def test_back_keeps_every_answer_and_enter_continues(open_page, site_url):
    page = open_page(DESKTOP)
    # From the home page's first link (Material's instant navigation swaps the page in): the form mounts.
    page.goto(site_url + "/")
    page.locator("article a[href$='what-can-i-get/']").first.click()
    page.locator("[data-finder-form]").wait_for(state="visible")
    assert page.evaluate("location.pathname") == PATH
    page.fill("#finder-age", "41")
    page.fill("#finder-years_in_norway", "12")
    page.press("#finder-years_in_norway", "Enter")  # Enter goes on to the next step, it does not submit
    assert visible_step(page) == "family"
    page.check("#finder-partner")
    page.fill("#finder-children_ages", "3")
    page.click(".finder-step:visible [data-next]")
    page.fill("#finder-annual_income", "kr 550 000")
    page.click(".finder-step:visible [data-back]")
    assert visible_step(page) == "family"
    assert page.is_checked("#finder-partner") and page.input_value("#finder-children_ages") == "3"
    page.click(".finder-step:visible [data-back]")
    assert visible_step(page) == "about"
    assert page.input_value("#finder-age") == "41" and page.input_value("#finder-years_in_norway") == "12"
    assert page.locator(".finder-step:visible [data-back]").count() == 0, "no Back on the first step"
    for _ in range(3):
        page.click(".finder-step:visible [data-next]")
    assert visible_step(page) == "events"
    page.click(".finder-step:visible [data-back]")
    assert page.input_value("#finder-annual_income") == "kr 550 000"
    assert page.locator("[data-finder-answer]").is_hidden()


# ---------------------------------------------------------------- a shared link

def test_a_shared_link_opens_with_its_answers_at_once(open_page, site_url):
    page = open_page(DESKTOP)
    # Before every frame is painted: does the form (empty or not) ever show?
    page.add_init_script("""(() => {
        window.formShown = false;
        const look = () => {
            const form = document.querySelector('[data-finder-form]');
            if (form && form.getClientRects().length) window.formShown = true;
            requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
    })()""")
    page.goto(site_url + PATH + MOTHER_LINK)
    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("window.formShown") is False, "the form flashed before the link's answers"
    situation = {**MOTHER, "children_ages": "1,4", "children_in_kindergarten_hours": "0,40", "annual_income": "300000"}
    check_answer(page, situation)
    # The form holds the link's answers, for "Change your answers".
    page.click("[data-change]")
    assert visible_step(page) == "about" and page.input_value("#finder-age") == "34"
    assert page.is_checked("#finder-single_parent") and page.is_checked("#finder-events-lost_job")
    assert page.script_errors == []


def test_copy_link_gives_a_link_that_opens_the_same_answers(open_page, site_url):
    page = open_page(DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(site_url + PATH + "#situation?age=67&years_in_norway=15&events=retiring")
    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    page.click("[data-copy-link]")
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent.includes('Link copied')")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(site_url + PATH + "#situation?") and "years_in_norway=15" in link
    other = page.context.new_page()
    other.goto(link)
    other.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    check_answer(other, {"age": "67", "years_in_norway": "15", "events": "retiring"})


# ---------------------------------------------------------------- errors

def test_a_bad_answer_gives_its_message_a_summary_and_the_focus(open_page, site_url):
    page = open_page(PHONE)
    page.goto(site_url + PATH)
    page.locator("[data-finder-form]").wait_for(state="visible")
    page.fill("#finder-age", "34")
    page.click(".finder-step:visible [data-next]")
    page.fill("#finder-children_ages", "1, four")
    page.click(".finder-step:visible [data-next]")
    page.fill("#finder-annual_income", "lots")
    page.click(".finder-step:visible [data-next]")
    page.click(".finder-step:visible [data-submit]")

    with pytest.raises(InputError) as problem:
        pycalc.find_benefits({"age": "34", "children_ages": "1, four", "annual_income": "lots"})
    messages = {e["field"]: e["message"] for e in problem.value.errors}
    assert set(messages) == {"children_ages", "annual_income"}

    summary = page.locator("[data-error-summary]")
    summary.wait_for(state="visible", timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("document.activeElement.id") == "finder-errors", "the focus moves to the summary"
    assert visible_step(page) == "family", "the step with the first bad answer shows"
    assert page.locator("#finder-children_ages-error").inner_text() == messages["children_ages"]
    assert page.get_attribute("#finder-children_ages", "aria-invalid") == "true"
    assert "finder-children_ages-error" in page.get_attribute("#finder-children_ages", "aria-describedby")
    links = summary.locator("a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [messages["children_ages"], messages["annual_income"]], \
        "the summary lists the answers in the form's order"
    assert page.locator("[data-finder-answer]").is_hidden()

    # The summary's link to the other step's answer opens that step at the field.
    summary.locator("a[href='#finder-annual_income']").click()
    assert visible_step(page) == "work"
    assert page.evaluate("document.activeElement.id") == "finder-annual_income"
    assert page.evaluate("location.pathname") == PATH, "the link did not navigate away"
    assert page.locator("#finder-annual_income-error").inner_text() == messages["annual_income"]

    # Corrected, the answer comes and the messages go.
    page.fill("#finder-annual_income", "300000")
    page.click(".finder-step:visible [data-next]")
    page.click(".finder-step:visible [data-submit]")
    assert summary.is_visible(), "the other answer is still wrong"
    assert visible_step(page) == "family"
    page.fill("#finder-children_ages", "1, 4")
    for _ in range(2):
        page.click(".finder-step:visible [data-next]")
    page.click(".finder-step:visible [data-submit]")
    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    assert summary.is_hidden() and page.locator("[data-error-for]:visible").count() == 0
    check_answer(page, {"age": "34", "children_ages": "1, 4", "annual_income": "300000"})


def test_a_link_with_a_bad_answer_shows_the_form_at_it(open_page, site_url):
    page = open_page(DESKTOP)
    page.goto(site_url + PATH + "#situation?age=34&years_in_norway=50")
    page.locator("[data-error-summary]").wait_for(state="visible", timeout=BOOT_TIMEOUT_MS)
    assert visible_step(page) == "about"
    assert "cannot be more than your age" in page.locator("#finder-years_in_norway-error").inner_text()


# ---------------------------------------------------------------- print, accessibility

def test_the_printout_is_one_clean_record(open_page, site_url):
    page = open_page(DESKTOP)
    page.goto(site_url + PATH + MOTHER_LINK)
    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    page.evaluate("window.print = () => { window.printed = true; }")
    page.click("[data-print]")
    assert page.evaluate("window.printed === true")
    pdf = page.pdf(format="A4")  # Chromium's own printing ends with 'afterprint': the page is whole again
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, f"the answer takes {pages} pages"
    page.click("[data-print]")
    page.emulate_media(media="print")
    visible_buttons = page.eval_on_selector_all(
        "button, .md-button", "els => els.filter((e) => e.getClientRects().length).map((e) => e.outerHTML.slice(0, 80))")
    assert visible_buttons == [], "buttons in the printout"
    record = finder(page).inner_text()
    answers = page.locator("[data-print-answers]")
    assert answers.is_visible() and "300000" in answers.inner_text() and "Lost my job" in answers.inner_text()
    found = expected_answer({**MOTHER, "annual_income": "300000"})
    first = found[0]["result"]["headline"]
    assert record.index("Your answers") < record.index(first), "the record reads: your answers, then the benefits"
    assert "#situation?" in page.locator("[data-print-origin]").inner_text()
    assert not page.locator("[data-finder-form]").is_visible()
    outside = page.evaluate("""() => [...document.querySelectorAll('h1, .md-header, .md-sidebar, .md-footer')]
        .filter((e) => e.getClientRects().length).length""")
    assert outside == 0, "only the answer is printed"
    page.emulate_media(media="screen")


def run_axe(page) -> list[str]:
    from pathlib import Path
    source = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
    page.evaluate("""() => new Promise((done) => requestAnimationFrame(() => {
        for (const animation of document.getAnimations()) {
            if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
        }
        done();
    }))""")  # colours fading in (a transition) are checked as they end
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(source.read_text(encoding="utf-8") + "\n;0")
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run({include: [["[data-benefit-finder]"]]},
                {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}: ${n.failureSummary}`));
        }""", AXE_TAGS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_questionnaire_its_errors_and_its_answer(open_page, site_url, scheme):
    page = open_page(PHONE, color_scheme=scheme)
    page.goto(site_url + PATH)
    page.locator("[data-finder-form]").wait_for(state="visible")
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s",
                           arg={"light": "default", "dark": "slate"}[scheme])
    problems = {"step": run_axe(page)}
    for _ in range(3):
        page.click(".finder-step:visible [data-next]")
    problems["events"] = run_axe(page)
    page.goto(site_url + PATH + "#situation?age=old")
    page.locator("[data-error-summary]").wait_for(state="visible", timeout=BOOT_TIMEOUT_MS)
    problems["errors"] = run_axe(page)
    page.goto(site_url + PATH + MOTHER_LINK)  # the address's fragment changes: the page answers it
    page.wait_for_selector(ANSWERED, timeout=BOOT_TIMEOUT_MS)
    problems["answer"] = run_axe(page)
    found = [f"{state}: {' '.join(v.split())}" for state, violations in problems.items() for v in violations]
    assert not found, f"{len(found)} axe violation(s):\n" + "\n".join(found)
