import datetime

import pytest

from blog.models import Post, PostStatus
from tests.acceptance.page import parse
from tests.factories import AuthorFactory, EditorFactory, PostFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def pair(**translation_fields):
    original = PostFactory(language="fr", slug="écrire-pour-le-web", title="Écrire pour le web")
    translation = PostFactory(
        language="en", slug="writing-for-the-web", title="Writing for the web", translation_of=original
    )
    Post.objects.filter(pk=translation.pk).update(**translation_fields)
    return original, Post.objects.get(pk=translation.pk)


def page(client, post):
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return parse(response.content.decode())


def hreflangs(tree):
    return {link.attrs["hreflang"]: link.attrs["href"] for link in tree.find_all("link") if "hreflang" in link.attrs}


def test_both_posts_of_a_pair_carry_reciprocal_hreflang_links(client):
    """Each page names itself, the other and the original as x-default, with full addresses."""
    original, translation = pair()
    expected = {
        "fr": SITE + original.get_absolute_url(),
        "en": SITE + translation.get_absolute_url(),
        "x-default": SITE + original.get_absolute_url(),
    }
    assert hreflangs(page(client, original)) == expected
    assert hreflangs(page(client, translation)) == expected
    assert "%C3%A9crire" in expected["fr"]  # the accented slug, percent-encoded


def test_a_translation_published_late_in_the_evening_is_linked_at_its_day_in_zurich(client):
    """Read with the post page's own query, the translation's time comes back as text: its address keeps the day
    its readers see (23:30 UTC on 1 March is 2 March in Zurich), to the microsecond it was published."""
    late = datetime.datetime(2026, 3, 1, 23, 30, 15, 250000, tzinfo=datetime.UTC)
    original, translation = pair(published_at=late)
    assert translation.get_absolute_url() == "/2026/03/02/writing-for-the-web/"
    assert hreflangs(page(client, original))["en"] == SITE + "/2026/03/02/writing-for-the-web/"
    assert Post.objects.published_to_display(original.slug).linked_translation.published_at == late
    assert Post.objects.published_to_display(translation.slug).linked_translation.pk == original.pk


def test_read_in_the_other_language_link_is_in_that_language(client):
    """The French page links "Read in English" and the English one "Lire en français", each marked with its language."""
    original, translation = pair()
    link = page(client, original).find("p", cls="translation-link").find("a")
    assert (link.text(), link.attrs["lang"], link.attrs["hreflang"]) == ("Read in English", "en", "en")
    assert link.attrs["href"] == translation.get_absolute_url()
    link = page(client, translation).find("p", cls="translation-link").find("a")
    assert (link.text(), link.attrs["lang"], link.attrs["hreflang"]) == ("Lire en français", "fr", "fr")
    assert link.attrs["href"] == original.get_absolute_url()


def test_a_summary_in_the_other_language_is_no_translation(client):
    """A post with only an other-language summary gets no hreflang and no "Read in" link."""
    post = PostFactory(summary={"en": "About the web."})
    tree = page(client, post)
    assert hreflangs(tree) == {}
    assert tree.find("p", cls="translation-link") is None


def test_unpublished_translation_is_not_linked(client):
    """Readers are never sent to a draft: the published half of the pair shows no link until both are out."""
    original, _translation = pair(status=PostStatus.DRAFT)
    tree = page(client, original)
    assert hreflangs(tree) == {}
    assert tree.find("p", cls="translation-link") is None


def test_post_page_queries_do_not_depend_on_a_linked_translation(client, django_assert_num_queries):
    """A post with a translation runs as many queries as one without."""
    alone = PostFactory()
    original, translation = pair()
    for post in (alone, original, translation):
        # The post with its tags, summaries and translation, comments, menu pages (no tag: no similar posts)
        with django_assert_num_queries(3):
            client.get(post.get_absolute_url())


def test_admin_links_a_translation_with_an_autocomplete(client):
    """The post form offers the original through an autocomplete, which finds posts by title."""
    original = PostFactory(title="Écrire pour le web", language="fr")
    translation = PostFactory(language="en")
    client.force_login(EditorFactory())
    form = client.get(f"/admin/blog/post/{translation.pk}/change/").content.decode()
    assert 'name="translation_of"' in form and "admin-autocomplete" in form
    found = client.get(
        "/admin/autocomplete/",
        {"term": "Écrire", "app_label": "blog", "model_name": "post", "field_name": "translation_of"},
    ).json()
    assert [item["id"] for item in found["results"]] == [str(original.pk)]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("self", "A post cannot be its own translation."),
        ("same-language", "The original must be written in the other language."),
        ("translation", "That post is itself a translation: choose the post it translates."),
        ("taken", "That post already has a translation."),
    ],
)
def test_admin_refuses_pairs_that_make_no_sense(client, case, message):
    """The form says why a choice of original is refused, keeps what was typed and stores nothing."""
    author = AuthorFactory()
    original, translation = pair()
    Post.objects.filter(pk__in=[original.pk, translation.pk]).update(author=author)
    post = PostFactory(author=author, language="en", title="Ma traduction")
    chosen = {"self": post, "same-language": translation, "translation": translation, "taken": original}[case]
    if case == "translation":
        post.language = "fr"
        post.save()
    client.force_login(author)
    response = client.post(
        f"/admin/blog/post/{post.pk}/change/?language=fr",
        {
            "title": "Typed title",
            "slug": post.slug,
            "language": post.language,
            "body": "Typed body.",
            "status": "published",
            "published_at_0": "2026-01-15",
            "published_at_1": "10:00:00",
            "translation_of": chosen.pk,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message.replace("'", "&#x27;") in html
    assert "Typed body." in html
    post.refresh_from_db()
    assert post.translation_of is None and post.title == "Ma traduction"


def test_admin_shows_the_pair_from_the_original_too(client):
    """The original's form names the post that translates it, with a link to it; escaped like any title."""
    original, translation = pair()
    Post.objects.filter(pk=translation.pk).update(title="<b>Writing</b> for the web")
    client.force_login(EditorFactory())
    html = client.get(f"/admin/blog/post/{original.pk}/change/").content.decode()
    link = (
        f'<a href="/admin/blog/post/{translation.pk}/change/" lang="en">&lt;b&gt;Writing&lt;/b&gt; for the web</a> [en]'
    )
    assert link in html
    assert "Translated as" in html
