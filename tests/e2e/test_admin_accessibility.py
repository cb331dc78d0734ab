"""The admin pages Carnet adds or changes pass axe-core: no serious or critical violation.

The test builds its own data (a superuser, two posts, a picture, a comment): a transactional
live-server test must not rely on rows made by data migrations, which the flush of another
browser test removes.
"""

import datetime
import io
import re

import pytest
from django.utils import timezone

from comments.models import Comment, CommentStatus
from media.services import create_from_file
from tests.columns.factories import RepublicationFactory
from tests.e2e.test_design import axe_violations
from tests.factories import PostFactory, UserFactory
from tests.media.conftest import picture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


PUBLISHED_AT = datetime.datetime(2026, 9, 30, 21, 59, tzinfo=datetime.UTC)  # 30 septembre 2026 23:59 in Zurich


@pytest.fixture
def desk(live_server, settings, tmp_path):
    """An editor's blog: a French post and its English translation, a picture, a reader's comment. The owner's
    long name and the posts' date (its month's name the longest) are set: the lists' widths depend on them."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    owner = UserFactory(
        username="proprietaire",
        display_name="Marie-Élisabeth de Montmorency-Laval Duplessis",
        is_staff=True,
        is_superuser=True,
    )
    dated = {"author": owner, "published_at": PUBLISHED_AT}
    original = PostFactory(title="Pourquoi j’écris encore", slug="pourquoi", **dated)
    translation = PostFactory(language="en", title="Why I still write", slug="why", translation_of=original, **dated)
    create_from_file(io.BytesIO(picture(size=(900, 600))), "fête.jpg", alt="Des amis à table", uploaded_by=owner)
    comment = Comment.objects.create(
        post=original,
        author_name="Élise",
        author_email="elise@example.org",
        body="Merci pour ce billet !",
        status=CommentStatus.PENDING,
    )
    return {"original": original, "translation": translation, "comment": comment}


@pytest.mark.parametrize(("width", "scheme"), [(390, "light"), (1280, "dark")])
def test_admin_pages_carnet_adds_or_changes_have_no_serious_accessibility_problem(
    browser, live_server, log_in, desk, width, scheme
):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="fr-CH")
    page = context.new_page()
    log_in(page, "proprietaire")
    pages = {
        "home, a comment waiting": "/admin/",
        "post form (add)": "/admin/blog/post/add/",
        "post form (change, a translation)": f"/admin/blog/post/{desk['translation'].pk}/change/",
        "post form (change, an original)": f"/admin/blog/post/{desk['original'].pk}/change/",
        "post history": f"/admin/blog/post/{desk['original'].pk}/history/",
        "media list": "/admin/media/mediaitem/",
        "media upload": "/admin/media/mediaitem/add/",
        "moderation list": "/admin/comments/comment/",
        "comment": f"/admin/comments/comment/{desk['comment'].pk}/change/",
    }
    problems = []
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, name
        page.wait_for_load_state("load")
        problems += [f"{name}: {violation}" for violation in axe_violations(page)]
    assert page.locator("#user-tools").is_visible()  # still logged in: the pages were the real ones
    page.goto(live_server.url + pages["home, a comment waiting"])
    background = page.locator(".pending-comments").evaluate("element => getComputedStyle(element).backgroundColor")
    red, green, blue = (int(value) for value in re.findall(r"\d+", background)[:3])
    assert (red + green + blue < 200) == (scheme == "dark"), background  # a light box on a dark page, before
    page.goto(live_server.url + pages["post form (add)"])
    assert page.get_by_role("combobox", name=re.compile(r"^Traduction de\s*:$")).is_visible()  # named by its label
    page.goto(live_server.url + pages["post form (change, a translation)"])
    chosen = page.get_by_role("combobox", name=re.compile(r"^Traduction de\s*:$"))
    assert "Pourquoi j’écris encore" in chosen.inner_text()  # the choice is its value, read after the name
    context.close()
    assert not problems, "\n".join(problems)


def widths(results):
    """What made a list wider than its box, for the message of a failed check: both widths, and each column's."""
    return results.evaluate(
        "element => [element.scrollWidth, element.clientWidth, [...element.querySelectorAll('thead th')]"
        ".map(th => `${th.className}: ${th.getBoundingClientRect().width}`)]"
    )


def test_the_lists_fit_a_laptop_s_screen_and_the_writing_desk_has_its_width(browser, live_server, log_in, desk):
    """At 1280 px every column of the posts, comments, republications and media lists shows without scrolling sideways,
    the filters beside them: the admin's menu down the left took 300 px, the posts list's tags and the comments'
    dates were cut off, a long word in a title pushed its last column out, and a republication's address, on one
    line, made its list 1,500 px wide; a long author's name, or a long title in the comments' and republications'
    column of posts, or in the media library's column of who uploaded each picture, kept on one line, did too. The
    post form's title is as wide as a long one needs."""
    desk["comment"].held_because = "first comment from this address"
    desk["comment"].save()
    long_title = PostFactory(
        author=desk["original"].author,
        title="L’anticonstitutionnellement de Genève, anticonstitutionnellement et autres mots longs",
        published_at=PUBLISHED_AT,
    )
    Comment.objects.create(
        post=long_title,
        author_name="Élise",
        author_email="elise@example.org",
        body="Et encore un !",
        status=CommentStatus.PENDING,
        held_because="first comment from this address",
    )
    RepublicationFactory(
        post=long_title,
        original_url="https://www.lesquotidiennes.example/chroniques/2026/10/10/une-tres-longue-adresse-de-page-web",
        checked_at=timezone.now(),
        failed_checks=2,
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-CH")
    page = context.new_page()
    log_in(page, "proprietaire")
    lists = (
        "/admin/blog/post/",
        "/admin/comments/comment/",
        "/admin/columns/republication/",
        "/admin/media/mediaitem/",
    )
    for path in lists:
        page.goto(f"{live_server.url}{path}")
        results = page.locator("#changelist .results")
        assert results.evaluate("element => element.scrollWidth <= element.clientWidth"), (path, widths(results))
        assert page.locator("#changelist-filter").is_visible(), path
    page.goto(f"{live_server.url}/admin/comments/comment/")
    row = page.locator("#result_list tbody tr").first
    assert row.locator(".field-comment_and_date").bounding_box()["width"] >= 220  # 16em; 95 px before
    assert "premier commentaire de cette adresse" in row.locator(".field-status_and_reason").inner_text()
    assert row.locator(".field-comment_and_date .list-detail").is_visible()  # the date
    page.goto(f"{live_server.url}/admin/blog/post/{desk['original'].pk}/change/")
    assert page.locator("#id_body").bounding_box()["width"] > 560  # 430 px beside the menu
    assert page.locator("#id_title").bounding_box()["width"] > 560  # 20em, a long title cut off
    assert page.inner_text("#content h1") == "Modification\u202f: article"  # « Modification de article »
    page.goto(f"{live_server.url}/admin/blog/post/")
    assert page.inner_text("#content h1") == "Choix\u202f: article à modifier"  # « Sélectionnez l’objet article… »
    context.close()


def test_on_a_phone_the_posts_list_keeps_its_titles_readable(browser, live_server, log_in, desk):
    """At 390 px the posts list scrolls sideways; its titles, which wrap anywhere so that a long word cannot push a
    column out, were squeezed to a letter a line ("Thou / ghts / on / ne / wsl / ett / ers"). The republications
    list's second button, on a line of its own, lines up with the first."""
    PostFactory(author=desk["original"].author, title="Thoughts on newsletters")
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="fr-CH")
    page = context.new_page()
    log_in(page, "proprietaire")
    page.goto(f"{live_server.url}/admin/blog/post/")
    title = page.locator("#result_list .field-title").filter(has_text="Thoughts on newsletters")
    assert title.bounding_box()["width"] >= 120  # 10em; 51 px before
    assert page.evaluate("document.documentElement.scrollWidth") == 390  # the list scrolls, not the page
    page.goto(f"{live_server.url}/admin/columns/republication/")
    first, second = (page.locator(".object-tools li").nth(i).bounding_box() for i in (0, 1))
    assert second["y"] > first["y"] and second["x"] == first["x"]  # its own line, not indented 15 px
    context.close()
