"""Content-Security-Policy and origin: the site runs with no inline script and no foreign request
(issue: Trustworthy)."""
import re

from conftest import SITE, wait_for_browser_result

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


def built_pages():
    return sorted(p for p in SITE.rglob("*.html") if p.name == "index.html" or p.name == "404.html")


def test_no_built_page_holds_an_inline_script_and_each_declares_the_policy():
    for page in built_pages():
        html = page.read_text(encoding="utf-8")
        for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            executable = "src=" not in attributes and 'type="application/json"' not in attributes
            assert not (executable and body.strip()), f"inline script in {page}: {body[:80]}"
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert policy, f"no policy in {page}"
        script_src = re.search(r"script-src ([^;]+)", policy.group(1)).group(1)
        assert script_src.split() == ["'self'", "'wasm-unsafe-eval'"]


def test_calculators_work_under_the_policy_with_no_violation(page, site_url, requests_seen):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{site_url}/unemployment/")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "400000")
    wait_for_browser_result(page, "unemployment_benefit")
    page.locator("nav.md-nav--primary a", has_text="Family benefits").first.click()
    page.fill('[data-calculator="child_benefit"] input[name="children"]', "3")
    wait_for_browser_result(page, "child_benefit")
    page.fill("input[name=query]", "basic amount") if page.locator("input[name=query]").is_visible() else None
    assert page.evaluate("window.cspViolations") == []


def test_every_page_loads_with_no_violation_and_no_foreign_request(page, site_url, requests_seen):
    page.add_init_script(RECORD_VIOLATIONS)
    for path in built_pages():
        relative = path.relative_to(SITE).parent.as_posix()
        page.goto(f"{site_url}/{'' if relative == '.' else relative + '/'}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.cspViolations") == [], relative
