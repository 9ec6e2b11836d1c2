"""Browser tests: Debian's Chromium, driven by Playwright, against the built site on localhost."""
import functools
import re
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import os

# SITE_DIR lets several people test private builds side by side (mkdocs build -d DIR).
SITE = Path(os.environ.get("SITE_DIR", Path(__file__).resolve().parents[2] / "site"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
BOOT_TIMEOUT_MS = 60_000  # a cold Pyodide boot on a shared 2-core machine


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path, host="127.0.0.1", port=0):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def built_address() -> tuple[str, int]:
    """The host and port the site was built for: the first <loc> of its sitemap."""
    sitemap = (SITE / "sitemap.xml").read_text(encoding="utf-8")
    location = urlsplit(re.search(r"<loc>(.*?)</loc>", sitemap).group(1))
    return location.hostname, location.port or 80


@pytest.fixture(scope="session")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail("The site is not built: run `make test`, which builds it for the tests.")
    host, port = built_address()
    try:
        server = serve(SITE, host, port)
    except OSError as problem:
        pytest.fail(f"Cannot serve the site at {host}:{port}, the address it was built for: {problem}")
    yield f"http://{host}:{port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def requests_seen(page):
    """Every URL the page requests; each test ends by checking none left the local server."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    yield seen
    foreign = [url for url in seen if urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))]
    assert not foreign, f"requests left the site's origin: {foreign}"


def widget(page, calculator_id):
    return page.locator(f'[data-calculator="{calculator_id}"]')


def wait_for_browser_result(page, calculator_id):
    page.wait_for_selector(
        f'[data-calculator="{calculator_id}"][data-state="ready"] .calc-result[data-source="browser"]:not([data-stale])',
        timeout=BOOT_TIMEOUT_MS,
    )


def output_values(page, calculator_id) -> dict:
    import json

    cells = widget(page, calculator_id).locator("[data-output]")
    return {cells.nth(i).get_attribute("data-output"): json.loads(cells.nth(i).get_attribute("data-value"))
            for i in range(cells.count())}


def choose_rules(page, calculator_id, rules):
    """Pick a rule set in a widget that offers more than one (the newest is the default)."""
    choice = widget(page, calculator_id).locator("[data-rules-select]")
    if choice.count():
        choice.select_option(rules)
