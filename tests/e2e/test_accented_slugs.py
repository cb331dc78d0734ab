import datetime
from urllib.parse import unquote

import pytest
from django.utils import timezone

from blog.models import Post
from blog.slugs import slug_from_title
from tests.factories import AuthorFactory, PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "L'été de l'œuvre : ça commence"


def test_author_writes_an_accented_title_and_readers_open_the_post(live_server, page, log_in):
    """The slug proposed for a French title is plain ASCII; the post opens from the home page and by its address."""
    AuthorFactory(username="claire", password="secret-password")
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/?language=en")
    page.locator("#id_title").press_sequentially(TITLE)
    assert page.input_value("#id_slug") == "l-ete-de-l-oeuvre-ca-commence"
    page.select_option("#id_language", "fr")
    page.fill("#id_body", "Une œuvre, « enfin ».")
    page.select_option("#id_status", "published")
    page.fill("#id_published_at_0", "2026-06-21")
    page.fill("#id_published_at_1", "10:00:00")
    page.click("input[name=_save]")
    assert page.locator(".messagelist").inner_text()

    page.goto(f"{live_server.url}/")
    shown = TITLE.replace("'", "’")  # the apostrophes she typed, printed curled
    page.click(f"text={shown}")
    assert page.url == f"{live_server.url}/2026/06/21/l-ete-de-l-oeuvre-ca-commence/"
    assert page.inner_text("article.post h1").replace("\u202f", " ").startswith(shown)


def test_reader_opens_an_imported_accented_slug_post(live_server, page):
    """A post kept under its accented WordPress slug opens from a link, from a pasted address and decomposed."""
    post = PostFactory(
        title="Écrire pour le web : mes outils en 2026",
        slug="écrire-pour-le-web-mes-outils-en-2026",
        published_at=timezone.make_aware(datetime.datetime(2026, 1, 12, 9)),
    )
    page.goto(f"{live_server.url}/")
    page.click(f"text={post.title}")
    assert page.inner_text("article.post h1").replace("\u202f", " ").startswith(post.title)
    assert unquote(page.url) == f"{live_server.url}/2026/01/12/écrire-pour-le-web-mes-outils-en-2026/"
    for address in (unquote(post.get_absolute_url()), "/2026/01/12/e\u0301crire-pour-le-web-mes-outils-en-2026/"):
        response = page.goto(live_server.url + address)
        assert response.status == 200
        assert page.inner_text("article.post h1").replace("\u202f", " ").startswith(post.title)


def test_renamed_post_old_address_leads_to_the_new_one(live_server, page):
    """After the slug of a published post changes, a reader with the old link lands on the post."""
    post = PostFactory(
        title="Ça bouge", slug="ça-bouge", published_at=timezone.make_aware(datetime.datetime(2025, 5, 4))
    )
    old = post.get_absolute_url()
    post.slug = "ca-bouge-encore"
    post.save()
    page.goto(live_server.url + old)
    assert page.url == f"{live_server.url}/2025/05/04/ca-bouge-encore/"
    assert Post.objects.get().old_slugs.get().slug == "ça-bouge"


def test_the_admin_script_and_the_server_make_the_same_slug(live_server, page, log_in):
    """What the form proposes as she types is what the server makes of an empty slug."""
    AuthorFactory(username="claire", password="secret-password")
    log_in(page, "claire")
    page.goto(f"{live_server.url}/admin/blog/post/add/")
    titles = [TITLE, "Ex æquo à Straße", "Øresund, Łódź", "  -- ¿Qué? --  ", "Ελληνικά", "a-b " * 80]
    for title in titles:
        assert page.evaluate("(title) => URLify(title, 196, true)", title) == slug_from_title(title, 196), title
