"""Only comments readers can see change pages: a pending or spam comment leaves every cached page in place.

A spam flood must not empty the cache; approving, editing or removing a shown comment must show at once.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment, CommentStatus
from pagecache.models import Generation
from tests.comments.conftest import comment_url, form_data
from tests.comments.factories import CommentFactory
from tests.factories import EditorFactory, PostFactory

from .conftest import cached_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _comment_settings(settings):
    settings.COMMENTS_BLOCKLIST = ["viagra"]
    settings.AKISMET_API_KEY = ""


@pytest.fixture
def reader():
    return Client(HTTP_ACCEPT_LANGUAGE="fr")


@pytest.fixture
def editor():
    client = Client()
    client.force_login(EditorFactory())
    return client


def generation():
    return Generation.objects.get(pk=1).number


def served_from_cache(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return len(queries) == 1, html


def moderate(editor, action, comment):
    changelist = reverse("admin:comments_comment_changelist")
    editor.post(changelist, {"action": action, "_selected_action": [comment.pk]})


def test_a_comment_held_for_moderation_keeps_the_cached_pages(reader):
    """A first comment from an address waits for moderation: the post and the lists stay cached."""
    post = PostFactory(tags=["internet"])
    pages = [post.get_absolute_url(), "/", "/feed/"]
    for url in pages:
        cached_html(reader, url)
    before = generation()
    Client().post(comment_url(post), form_data(body="Première visite, à modérer."))
    assert Comment.objects.get().status == CommentStatus.PENDING
    assert generation() == before
    for url in pages:
        cached, html = served_from_cache(reader, url)
        assert cached and "Première visite" not in html


def test_spam_keeps_the_cached_pages(reader, editor):
    """Spam, caught on arrival or marked by a moderator, and deleted, never empties the cache."""
    post = PostFactory()
    url = post.get_absolute_url()
    cached_html(reader, url)
    before = generation()
    Client().post(comment_url(post), form_data(body="Achetez du viagra"))
    held = CommentFactory(post=post, status=CommentStatus.PENDING, body="Douteux")
    assert generation() == before
    moderate(editor, "mark_spam", held)
    assert Comment.objects.filter(status=CommentStatus.SPAM).count() == 2
    Comment.objects.filter(status=CommentStatus.SPAM).delete()
    assert generation() == before
    assert served_from_cache(reader, url)[0]


def test_approving_editing_and_removing_a_comment_show_at_once(reader, editor):
    post = PostFactory()
    url = post.get_absolute_url()
    Client().post(comment_url(post), form_data(body="Un avis attendu."))
    comment = Comment.objects.get()
    assert "Un avis attendu." not in cached_html(reader, url)
    moderate(editor, "approve", comment)
    assert "Un avis attendu." in cached_html(reader, url)
    Comment.objects.filter(pk=comment.pk).update(body="Un avis corrigé.")
    assert "Un avis corrigé." in cached_html(reader, url)
    moderate(editor, "remove", comment)
    assert "Un avis corrigé." not in cached_html(reader, url)


def test_an_approved_comment_arriving_or_deleted_shows_at_once(reader):
    """A comment published at once (a known commenter) appears; deleted, it is gone."""
    post = PostFactory()
    url = post.get_absolute_url()
    cached_html(reader, url)
    comment = CommentFactory(post=post, body="Publié tout de suite.")
    assert "Publié tout de suite." in cached_html(reader, url)
    comment.delete()
    assert "Publié tout de suite." not in cached_html(reader, url)
