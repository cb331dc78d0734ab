"""A tag typed again with other capitals or apostrophes is the same tag, on SQLite as on PostgreSQL."""

import pytest
from taggit.models import Tag

from blog.models import Post
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_a_tag_typed_with_other_capitals_or_apostrophes_is_the_one_already_there(client):
    """SQLite compares only ASCII letters without case: « ZÜRICH » made a tag beside « Zürich », at /tag/zürich_1/,
    and « l'art » one beside « l’art »."""
    first = PostFactory(tags=["Zürich", "l’art", "été", "Pêche"])
    client.force_login(AuthorFactory())
    response = client.post(
        "/admin/blog/post/add/?language=fr",
        {
            "title": "Encore",
            "slug": "encore",
            "language": "fr",
            "body": "Texte.",
            "tags": "ZÜRICH, l'art, Été, péché",
            "status": "draft",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    second = Post.objects.get(slug="encore")
    assert set(second.tags.all()) == set(first.tags.exclude(name="Pêche")) | {Tag.objects.get(name="péché")}
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["lart", "péché", "pêche", "zürich", "été"]


def test_the_same_name_twice_in_one_list_is_one_tag():
    post = PostFactory(tags=[])
    post.tags.set(["Été", "été", "ÉTÉ"])
    assert list(post.tags.values_list("name", flat=True)) == ["Été"]
