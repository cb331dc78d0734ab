import os
import shutil
import threading
import time

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium (Debian's package); skipped where none is installed, never in CI."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CARNET_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required for the browser tests (apt-get install chromium).")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's sync API refuses to run inside an event loop; Django's async-unsafe guard must allow it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """Opens a page in a browser of its own (own cookies) asking for `locale`: one per person in a journey."""
    contexts = []

    def open_page(locale="en-GB"):
        context = browser.new_context(locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    wait_for_live_server_requests()


def wait_for_live_server_requests(timeout=15):
    """Waits for the requests the closed pages left running (a draft saved every few seconds, a preview):
    one still writing when the test's database is flushed locks SQLite's tables and fails the teardown."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def log_in(live_server):
    """Logs `page` in through the admin's login form."""

    def log_in(page, username, password="secret-password"):  # noqa: S107 - the factories' test password
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.locator("#user-tools").wait_for()

    return log_in
