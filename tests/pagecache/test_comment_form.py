"""The comment form on a page shared by every reader: no one's CSRF token in it, and it still works."""

import re

import pytest
from django.test import Client

from comments.models import Comment
from tests.comments.conftest import comment_url
from tests.factories import PostFactory

from .conftest import cached_html

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
TIMESTAMP = re.compile(r'name="timestamp" value="([^"]*)"')
SUBMISSION = re.compile(r'name="submission" value="([^"]*)"')


@pytest.fixture
def post(settings):
    settings.COMMENTS_MIN_SECONDS = 0
    return PostFactory(title="Humanité d'internet")


def reader():
    return Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="fr")


def typed(**keys):
    return {"author_name": "Zoé d'Arc", "author_email": "zoe@example.org", "body": "Très juste, merci !", **keys}


def test_the_shared_page_holds_no_token_and_is_the_same_for_everyone(post):
    """Two readers get the same bytes from the cache, with empty key fields and the script that fills them."""
    html = cached_html(reader(), post.get_absolute_url())
    assert TOKEN.search(html).group(1) == "" and TIMESTAMP.search(html).group(1) == ""
    assert 'src="/static/js/comment-form.js" defer' in html
    assert reader().get(post.get_absolute_url()).content.decode() == html


def test_the_script_gets_her_keys_and_her_comment_is_published(post):
    """The keys fetched by the script (never cached) let the form through."""
    alice = reader()
    alice.get(post.get_absolute_url())
    answer = alice.get("/comments/form-keys/")
    assert "no-cache" in answer["Cache-Control"] and "csrftoken" in answer.cookies
    keys = answer.json()
    response = alice.post(comment_url(post), typed(**keys))
    assert response.status_code == 302
    assert Comment.objects.filter(post=post, body="Très juste, merci !").exists()


def test_without_javascript_the_first_send_comes_back_with_her_text(post):
    """Sent with the empty keys of the shared page: a clear page in her language, her text kept, fresh keys."""
    zoe = reader()
    cached_html(zoe, post.get_absolute_url())
    response = zoe.post(comment_url(post), typed(csrfmiddlewaretoken="", timestamp=""))
    html = response.content.decode()
    assert response.status_code == 403
    assert html.count("Par sécurité, veuillez envoyer votre commentaire une nouvelle fois") == 1
    assert "Très juste, merci !" in html and "Zoé d&#x27;Arc" in html
    assert not Comment.objects.exists()
    keys = {"csrfmiddlewaretoken": TOKEN.search(html).group(1), "timestamp": TIMESTAMP.search(html).group(1)}
    assert all(keys.values())
    assert zoe.post(comment_url(post), typed(**keys)).status_code == 302
    assert Comment.objects.filter(body="Très juste, merci !").exists()


def test_her_text_sent_back_never_reaches_another_reader(post):
    """The page that kept her text answered her POST only; the next reader gets the shared page."""
    reader().post(comment_url(post), typed(csrfmiddlewaretoken="", timestamp=""))
    assert "Très juste, merci !" not in cached_html(reader(), post.get_absolute_url())


def test_two_readers_never_share_a_token(post):
    """Each reader who asks gets her own token."""
    first, second = reader(), reader()
    assert first.get("/comments/form-keys/").json() != second.get("/comments/form-keys/").json()


def test_two_readers_sending_the_same_words_from_the_cached_page_make_two_comments(post):
    """The retry guard (one comment per submission token and text) must not merge two readers' comments."""
    for name in ("Zoé", "Anaïs"):
        visitor = reader()
        shared = cached_html(visitor, post.get_absolute_url())
        # As the page's script does: the fields of the shared page, then the keys fetched for her.
        keys = {"submission": SUBMISSION.search(shared).group(1)} | visitor.get("/comments/form-keys/").json()
        assert visitor.post(comment_url(post), typed(author_name=name, **keys)).status_code == 302
    assert sorted(Comment.objects.filter(body="Très juste, merci !").values_list("author_name", flat=True)) == [
        "Anaïs",
        "Zoé",
    ]


def test_without_javascript_two_readers_sending_the_same_words_make_two_comments(post):
    for name in ("Zoé", "Anaïs"):
        visitor = reader()
        shared = cached_html(visitor, post.get_absolute_url())
        first = visitor.post(comment_url(post), typed(author_name=name, csrfmiddlewaretoken="", timestamp="")).content
        html = first.decode()
        assert SUBMISSION.search(html).group(1) != SUBMISSION.search(shared).group(1)
        keys = {
            "csrfmiddlewaretoken": TOKEN.search(html).group(1),
            "timestamp": TIMESTAMP.search(html).group(1),
            "submission": SUBMISSION.search(html).group(1),
        }
        assert visitor.post(comment_url(post), typed(author_name=name, **keys)).status_code == 302
    assert Comment.objects.filter(body="Très juste, merci !").count() == 2
