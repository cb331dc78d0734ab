"""A reader on a phone goes through the lists, whose queries are compiled once (blog.compiled): the newest posts,
the next page, a tag, a post, its translation and its similar posts, each showing its own posts.

Each step's page is saved under screenshots/ (see the README) for a person to look at.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from blog.views import PublishedPostsMixin
from tests.factories import PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"


def test_reader_pages_through_lists_to_a_translation(live_server, browser, monkeypatch):
    monkeypatch.setattr(PublishedPostsMixin, "paginate_by", 2)
    now = timezone.now()
    titles = ["L’été à Genève", "Écrire chaque semaine", "Notes d’atelier", "Un hiver très long"]
    posts = [
        PostFactory(
            title=title,
            tags=["carnet", "été"] if n % 2 == 0 else ["carnet"],
            published_at=now - datetime.timedelta(days=n),
        )
        for n, title in enumerate(titles)
    ]
    translation = PostFactory(
        title="Summer in Geneva",
        language="en",
        translation_of=posts[0],
        tags=["summer"],
        published_at=now - datetime.timedelta(days=9),
    )
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="fr-CH")
    page = context.new_page()
    SCREENSHOTS.mkdir(exist_ok=True)

    def shot(step):
        page.screenshot(path=SCREENSHOTS / f"reading-lists-{step}-390.png", full_page=True)

    def cards():
        return page.eval_on_selector_all("article.post-card h2 a", "links => links.map(a => a.textContent)")

    page.goto(f"{live_server.url}/")
    assert cards() == titles[:2]
    shot("home")
    page.click("a[rel=next]")
    assert cards() == titles[2:]
    assert "page=2" in page.url
    page.click("a[rel=next]")
    assert cards() == ["Summer in Geneva"]

    page.goto(f"{live_server.url}/tag/%C3%A9t%C3%A9/")
    assert cards() == [titles[0], titles[2]]
    shot("tag")

    page.click(f"article.post-card h2 a >> text={titles[0]}")
    assert page.inner_text("h1") == titles[0]
    similar = page.eval_on_selector_all(".similar-posts li a.title", "links => links.map(a => a.textContent)")
    assert similar == [titles[2], titles[1], titles[3]]  # the one sharing both tags first, then the newest
    shot("post")
    page.click("text=Read in English")
    assert page.inner_text("h1") == translation.title
    assert page.is_visible("text=Lire en français")
    context.close()


def test_reader_goes_back_years_to_the_oldest_posts(live_server, browser, monkeypatch):
    """A page years down the list starts from the years before it (blog.models.post_count.Seek): what it lists is
    what the reader expects, the oldest page and the one before it, the blog's and the French posts'."""
    monkeypatch.setattr(PublishedPostsMixin, "paginate_by", 2)
    this_year = timezone.now().year
    posts = [PostFactory(title="Billet de l’année", language="fr", published_at=timezone.now())]
    for years_ago in (1, 2, 3):
        for month, language in ((11, "fr"), (6, "en"), (2, "fr")):
            day = datetime.datetime(this_year - years_ago, month, 14, 9, tzinfo=datetime.UTC)
            title = f"{'Billet' if language == 'fr' else 'Post'} de {day:%m/%Y}"
            posts.append(PostFactory(title=title, language=language, published_at=day))
    titles = [post.title for post in posts]
    french = [post.title for post in posts if post.language == "fr"]
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-CH")
        page = context.new_page()
        page.goto(f"{live_server.url}/")
        oldest = page.locator("nav.pagination a[href='?page=last']")
        assert oldest.inner_text() == "Les plus anciens"
        oldest.click()
        assert cards_on(page) == titles[8:]
        assert "Page 5 sur 5" in page.inner_text("nav.pagination")
        page.screenshot(path=SCREENSHOTS / f"reading-lists-oldest-{width}.png", full_page=True)
        page.click("a[rel=prev]")
        assert cards_on(page) == titles[6:8]
        page.click("a[rel=prev]")
        assert cards_on(page) == titles[4:6]

        page.goto(f"{live_server.url}/language/fr/?page=3")
        assert cards_on(page) == french[4:6]
        assert "Page 3 sur 4" in page.inner_text("nav.pagination")
        page.click("a[rel=next]")
        assert cards_on(page) == french[6:]
        context.close()


def cards_on(page):
    return page.eval_on_selector_all("article.post-card h2 a", "links => links.map(a => a.textContent)")
