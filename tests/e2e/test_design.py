"""The reader's pages as a phone and a wide screen show them, light and dark.

Each page is saved as a screenshot under screenshots/ (see the README) and must have no
horizontal overflow, no part scrolling sideways or cutting its content (code blocks excepted),
no form control with text under 16 px (iOS zooms into those), no touch target under 44 px
(links inside a sentence excepted, as WCAG allows), no line of body text over 80 characters,
and no serious or critical axe-core violation.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from blog.models import Post
from comments.models import Comment, CommentStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]

# Runs in the page: what a designer would measure with the inspector.
MEASURE = """() => {
  const problems = [];
  const visible = (el) => {
    if (el.closest('[aria-hidden="true"], [hidden]')) return false;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && box.right > 0
      && box.left < document.documentElement.clientWidth;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`horizontal overflow: ${document.documentElement.scrollWidth}px > ${window.innerWidth}px`);
  }
  for (const el of document.querySelectorAll('body *')) {
    if (el.matches('pre, pre *, textarea, select') || !visible(el)) continue;
    if (getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`cut or scrolling sideways (${el.scrollWidth}px in ${el.clientWidth}px): ${describe(el)}`);
    }
  }
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
    if (!visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) problems.push(`form control text ${size}px: ${describe(el)}`);
  }
  const inSentence = (el) => {
    const block = el.closest('p, li, dd, td, figcaption, blockquote, h1, h2, h3, h4, legend, small');
    if (!block || block === el) return false;
    const own = (el.textContent || '').trim().length;
    return (block.textContent || '').replace(/\\s+/g, ' ').trim().length > own + 12;
  };
  for (const el of document.querySelectorAll('a[href], button, select, input:not([type=hidden]), textarea, summary')) {
    if (!visible(el) || el.closest('.skip')) continue;
    let box = el.getBoundingClientRect();
    if (el.matches('input[type=checkbox], input[type=radio]')) {
      const label = el.closest('label') || el.closest('legend') || document.querySelector(`label[for="${el.id}"]`);
      if (label) box = label.getBoundingClientRect();
    }
    if (el.matches('a') && inSentence(el)) continue;
    if (box.height < 43.5 || box.width < 43.5) {
      problems.push(`touch target ${Math.round(box.width)}x${Math.round(box.height)}px: ${describe(el)}`);
    }
  }
  const text = '.post .body p, .post-card .body p, .comment-body p, .summary p, .search-result .excerpt, .description';
  for (const p of document.querySelectorAll(text)) {
    if (!visible(p)) continue;
    const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
    const lines = Math.round(p.getBoundingClientRect().height / lineHeight);
    const chars = p.textContent.replace(/\\s+/g, ' ').trim().length;
    if (lines >= 2 && chars / lines > 80) {
      problems.push(`${Math.round(chars / lines)} characters a line: ${describe(p)}`);
    }
  }
  return problems;
}"""


@pytest.fixture
def demo(live_server):
    """The demo blog, and a longer conversation under one post (the author answers, a reply nests)."""
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 - closed with the process
    post = Post.objects.get(slug="why-i-still-keep-a-blog")
    for number in range(3):
        Comment.objects.create(
            post=post,
            author_name=f"Lectrice {number}",
            author_email=f"lectrice{number}@example.org",
            body="Merci pour ce billet : je me reconnais dans chaque ligne ! " * (number + 1),
            status=CommentStatus.APPROVED,
            language="fr",
        )
    return live_server


PAGES = {
    "home": "/",
    "post-with-comments": "/{why}",
    "republished-column": "/{column}",
    "tag": "/tag/internet/",
    "columns": "/columns/",
    "search": "/search/?q=blog",
    "year-archive": "/{year}/",
    "month-archive": "/{year}/{month}/",
    "not-found": "/no-such-page/",
}


def address(name):
    path = PAGES[name]
    if "{" in path:
        why = Post.objects.get(slug="why-i-still-keep-a-blog").get_absolute_url().lstrip("/")
        column = Post.objects.get(slug="parler-comme-un-etre-humain").get_absolute_url().lstrip("/")
        day = timezone.localtime(Post.objects.published().order_by("published_at").last().published_at)
        path = path.format(why=why, column=column, year=day.year, month=f"{day.month:02d}")
    return path


def audit(browser, url, name, problems):
    """Screenshots `url` at each width and colour scheme, collecting what is wrong in `problems`."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        for scheme in SCHEMES:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme, locale="fr-CH", bypass_csp=True
            )
            page = context.new_page()
            page.goto(url)
            page.screenshot(path=SCREENSHOTS / f"{name}-{width}-{scheme}.png", full_page=True)
            problems += [f"{name} {width}px {scheme}: {problem}" for problem in page.evaluate(MEASURE)]
            if scheme == "light" or width == WIDTHS[0]:
                problems += [f"{name} {width}px {scheme}: {v}" for v in axe_violations(page)]
            context.close()


def axe_violations(page):
    """axe-core's serious and critical violations on the page."""
    if not AXE.exists():
        if os.environ.get("CARNET_REQUIRE_BROWSER"):
            pytest.fail(f"{AXE} is missing: run npm ci (make test does).")
        return []
    page.evaluate(AXE.read_text())
    results = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"axe {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", list(PAGES))
def test_reader_pages_fit_phones_and_wide_screens_in_both_schemes(browser, demo, name):
    problems = []
    audit(browser, demo.url + address(name), name, problems)
    assert not problems, "\n".join(problems)


def test_reply_form_opens_under_the_comment_answered_with_the_author_marked(browser, demo):
    """Without JavaScript, "Reply" reloads with the form right under the comment answered."""
    post = Post.objects.get(slug="why-i-still-keep-a-blog")
    anna = Comment.objects.get(post=post, author_name="Anna")
    context = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(demo.url + post.get_absolute_url())
    page.click(f"#comment-{anna.pk} .reply a")
    form = page.locator(f"#comment-{anna.pk} > #respond")
    assert form.locator("h3").inner_text().startswith("Reply to Anna")
    assert form.is_visible()
    box, answered = form.bounding_box(), page.locator(f"#comment-{anna.pk} > article").bounding_box()
    assert 0 <= box["y"] - (answered["y"] + answered["height"]) < 100  # right under it
    assert page.locator(".by-author .author-badge").text_content() == "Author"
    context.close()
