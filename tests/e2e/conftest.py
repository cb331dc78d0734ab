import os
import shutil

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


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Browser tests run in transactions that are flushed, groups included: put them back."""
    from django.apps import apps

    from accounts.roles import PERMISSIONS, assign

    assign(apps, PERMISSIONS)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
