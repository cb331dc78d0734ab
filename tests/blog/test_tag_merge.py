"""Merging tags in the admin: the posts of the merged ones carry the tag kept, and no address is lost."""

import pytest
from taggit.models import Tag

from blog.models import Post
from search.queries import search_posts
from tests.factories import AuthorFactory, EditorFactory, PostFactory
from wordpress.models import Redirect

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/taggit/tag/"


def select(*tags, **extra):
    return {"action": "merge", "_selected_action": [tag.pk for tag in tags], **extra}


@pytest.fixture
def editor_client(french_client):
    french_client.force_login(EditorFactory())
    return french_client


def test_the_editor_merges_a_misspelt_tag_into_the_right_one(editor_client, client):
    """ "Photogrpahie" into "Photo": its post carries "Photo", counted once, and /tag/photogrpahie/ leads there."""
    both = PostFactory(title="Les deux", tags=["Photo", "Photogrpahie"])
    typo = PostFactory(title="La coquille", tags=["Photogrpahie"])
    PostFactory(title="Juste photo", tags=["Photo"])
    photo, typo_tag = Tag.objects.get(name="Photo"), Tag.objects.get(name="Photogrpahie")
    Redirect.objects.create(old_path="/category/photographie/", tag=typo_tag)  # from the WordPress import

    step = editor_client.post(f"{CHANGELIST}?q=photo", select(photo, typo_tag))
    html = step.content.decode()
    assert step.status_code == 200
    assert "Quelle étiquette reste" in html
    assert "Photogrpahie" in html and "(2 articles)" in html

    done = editor_client.post(f"{CHANGELIST}?q=photo", select(photo, typo_tag, kept=photo.pk), follow=True)
    assert "Fusionnée dans «\u202fPhoto\u202f»\u202f: Photogrpahie." in done.content.decode()
    assert not Tag.objects.filter(name="Photogrpahie").exists()
    assert list(typo.tags.names()) == ["Photo"] and list(both.tags.names()) == ["Photo"]
    assert Post.objects.filter(tags=photo).count() == 3
    assert client.get("/tag/photogrpahie/")["Location"] == "/tag/photo/"
    assert client.get("/tag/photogrpahie/?page=2")["Location"] == "/tag/photo/?page=2"
    assert client.get("/category/photographie/")["Location"] == "/tag/photo/"
    assert '/tag/photo/">Photo</a> <span class="count">(3)</span>' in client.get("/tags/").content.decode()


def test_one_tag_is_not_merged(editor_client):
    tag = PostFactory(tags=["seul"]).tags.get()
    response = editor_client.post(CHANGELIST, select(tag), follow=True)
    assert "Sélectionnez au moins deux étiquettes à fusionner." in response.content.decode()
    assert Tag.objects.filter(pk=tag.pk).exists()


def test_an_author_cannot_merge_tags_others_posts_carry(client):
    """A merge re-tags everyone's posts: authors, who change only their own, are not offered it."""
    client.force_login(AuthorFactory())
    first, second = PostFactory(tags=["un"]).tags.get(), PostFactory(tags=["deux"]).tags.get()
    assert 'value="merge"' not in client.get(CHANGELIST).content.decode()
    client.post(CHANGELIST, select(first, second, kept=first.pk))
    assert Tag.objects.count() == 2


def test_a_merge_is_kept_in_each_post_s_versions_and_in_search(editor_client):
    """After the merge, the post's latest version carries the kept tag (restoring the one before brings the old
    tag back, as a change), and search finds the post by the kept tag only."""
    post = PostFactory(title="Paléo", tags=["Photogrpahie"])
    photo, typo = Tag.objects.create(name="Photographie"), Tag.objects.get(name="Photogrpahie")
    editor_client.post(CHANGELIST, select(photo, typo, kept=photo.pk))
    assert [revision.data["tags"] for revision in post.revisions.order_by("created_at", "pk")] == [
        ["Photogrpahie"],
        ["Photographie"],
    ]
    assert list(search_posts(["photographie"])) == [post.pk]
    assert not list(search_posts(["photogrpahie"]))
