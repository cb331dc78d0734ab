"""A tag named with symbols or emoji only still has an address, and the pages that list it still work."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from taggit.models import Tag

from blog.models import Post
from tests.comments.test_migration import leaf_nodes, migrate
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

SYMBOLS = ["🙂", "?", "\\>", "C++"]


def post_with_tags(client, tags):
    client.force_login(AuthorFactory())
    response = client.post(
        "/admin/blog/post/add/?language=fr",
        {
            "title": "Des étiquettes bizarres",
            "slug": "etiquettes",
            "language": "fr",
            "body": "Texte.",
            "tags": ", ".join(f'"{tag}"' for tag in tags),
            "status": "published",
            "published_at_0": "2026-01-15",
            "published_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Post.objects.get()


def test_a_tag_of_symbols_gets_an_address_spelt_from_them(client):
    post = post_with_tags(client, SYMBOLS)
    assert dict(post.tags.values_list("name", "slug")) == {
        "🙂": "slightly-smiling-face",
        "?": "question-mark",
        "\\>": "reverse-solidus-greater-than-sign",
        "C++": "c",
    }


def test_every_page_listing_such_tags_works_and_links_to_them(client):
    post = post_with_tags(client, SYMBOLS)
    for page in ["/", post.get_absolute_url(), "/tags/", "/2026/01/", "/language/fr/", "/search/?q=bizarres"]:
        response = client.get(page)
        assert response.status_code == 200, page
        assert 'href="/tag/question-mark/"' in response.content.decode(), page
    smiling = client.get("/tag/slightly-smiling-face/")
    assert smiling.status_code == 200
    assert "Des étiquettes bizarres" in smiling.content.decode()


def test_a_second_tag_spelt_the_same_gets_its_own_address():
    first, second = Tag.objects.create(name="?"), Tag.objects.create(name="？")  # ASCII, then full-width
    assert (first.slug, second.slug) == ("question-mark", "fullwidth-question-mark")
    assert Tag.objects.create(name="??").slug == "question-mark-question-mark"
    assert Tag.objects.create(name="\x07").slug == "tag"  # a control character has no name


def test_a_slug_chosen_by_hand_is_kept_and_an_existing_tag_keeps_its_address():
    assert Tag.objects.create(name="🙂", slug="sourire").slug == "sourire"
    old = Tag.objects.create(name="!")
    Tag.objects.filter(pk=old.pk).update(slug="_1")  # as django-taggit alone made it
    old.refresh_from_db()
    old.name = "!!"
    old.save()
    assert Tag.objects.get(pk=old.pk).slug == "_1"


@pytest.mark.django_db(transaction=True)
def test_migration_gives_an_address_to_tags_stored_without_one():
    latest = leaf_nodes()
    try:
        apps = migrate([("blog", "0012_language_page_index")])
        OldTag = apps.get_model("taggit", "Tag")
        OldTag.objects.create(name="🙂", slug="")
        OldTag.objects.create(name="été", slug="ete")
    finally:
        migrate(latest)
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as `migrate` does: triggers back
    assert dict(Tag.objects.values_list("name", "slug")) == {"🙂": "slightly-smiling-face", "été": "ete"}


def test_a_tag_too_long_is_refused_in_french_and_what_was_typed_stays(french_client):
    """A tag is at most 100 characters (PostgreSQL would refuse a longer one with an error page)."""
    french_client.force_login(AuthorFactory())
    typed = "x" * 300
    response = french_client.post(
        "/admin/blog/post/add/?language=fr",
        {
            "title": "Titre tag",
            "slug": "titre-tag",
            "language": "fr",
            "body": "Texte gardé.",
            "tags": f"court, {typed}",
            "status": "draft",
            "published_at_0": "2026-01-15",
            "published_at_1": "10:00:00",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Une étiquette compte au plus 100 caractères\u202f; celle-ci en a 300" in html
    assert typed in html and "Texte gardé." in html
    assert not Post.objects.exists()


def test_a_long_tag_whose_slug_is_taken_gets_a_slug_that_fits():
    """Two 100-character names with one slug: taggit numbers the second ("_1"), past the slug's 100 characters."""
    first = Tag.objects.create(name="x" * 99 + "!")
    second = Tag.objects.create(name="x" * 99 + "?")
    assert len(first.slug) == 99
    assert second.slug == "x" * 98 + "_1"
