"""How the live calculator loads (issue 13: fast on a phone): what is downloaded, and when."""
from conftest import SITE, output_values, wait_for_browser_result, widget

PYODIDE = ("/assets/pyodide/", "/assets/pycalc-")

SAVE_DATA = """
Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true,
  get: () => ({ saveData: true, effectiveType: "4g", rtt: 50, downlink: 10,
                addEventListener() {}, removeEventListener() {} }),
});
"""


def test_a_reader_who_saves_data_downloads_no_pyodide_until_they_type(page, site_url, requests_seen):
    page.add_init_script(SAVE_DATA)
    page.goto(f"{site_url}/unemployment/", wait_until="networkidle")
    page.wait_for_timeout(2000)  # idle-time work, if any, gets its chance
    assert page.evaluate("navigator.connection.saveData") is True
    assert widget(page, "unemployment_benefit").get_attribute("data-state") != "error"
    assert output_values(page, "unemployment_benefit")["daily_rate"] > 0, "the worked example is there"
    before = [url for url in requests_seen if any(mark in url for mark in PYODIDE)]
    assert before == [], f"Pyodide files requested before the reader used the calculator: {before}"

    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "400000")
    wait_for_browser_result(page, "unemployment_benefit")
    assert output_values(page, "unemployment_benefit")["daily_rate"] == 960
    assert any("/assets/pyodide/pyodide.asm.wasm" in url for url in requests_seen)
    assert page.evaluate("window.__pycalcRuntime.link.saveData") is True


def test_a_host_that_sends_files_as_they_are_gets_asked_for_the_gzip_copies(page, site_url, requests_seen):
    # The test server is python's http.server: no Content-Encoding, so the worker stops the 9.6 MB
    # wasm at its headers and takes the 3.5 MB .gz beside it, unpacking it itself.
    sizes = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, response.headers.get("content-length")))
    page.goto(f"{site_url}/unemployment/")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "400000")
    wait_for_browser_result(page, "unemployment_benefit")
    assert any(url.endswith("/assets/pyodide/pyodide.asm.wasm.gz") for url in requests_seen)
    stdlib = next(url for url in requests_seen if url.endswith("/python_stdlib.zip") and "/assets/pycalc-" in url)
    assert f"{stdlib}.gz" in requests_seen, "the trimmed standard library, stored, comes as its .gz copy"
    if next((SITE / "assets").glob("pycalc-*.snapshot.gz"), None):
        booted = page.evaluate("window.__pycalcRuntime.ready")
        assert booted["bootedFrom"] == "snapshot", "a local link fetches the snapshot and boots from it"
