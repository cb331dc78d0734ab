import datetime
import http.server
import re
import threading
import time
import urllib.parse

import pytest
from django.test import Client

from comments import spam
from comments.models import Comment, CommentAttempt, CommentStatus

from .conftest import comment_url, form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_first_comment_from_an_address_awaits_moderation(client, post):
    """A first comment is held: its writer lands on it, shown to her alone with the notice that it awaits
    moderation; other readers, and she on her next visit, do not see it yet, and it counts for nobody."""
    response = client.post(comment_url(post), form_data(body="Ma toute première remarque"), follow=True)
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.held_because == "first comment from this address"
    assert response.redirect_chain[-1][0] == f"{post.get_absolute_url()}#comment-{comment.pk}"
    html = response.content.decode()
    shown = re.search(rf'<li class="comment depth-1 awaiting" id="comment-{comment.pk}">.*?</li>', html, re.S).group()
    assert "Ma toute première remarque" in shown and "awaits moderation" in shown
    assert "Reply" not in shown and '<h2 id="comments-heading">Comments</h2>' in html  # no count, no reply yet
    assert "Ma toute première remarque" not in Client().get(post.get_absolute_url()).content.decode()
    assert "Ma toute première remarque" not in client.get(post.get_absolute_url()).content.decode()


def test_known_address_is_published_at_once(client, post):
    """An address with an approved comment is published at once and the reader lands on it."""
    CommentFactory(author_email="alice@example.org")
    response = client.post(comment_url(post), form_data(body="De retour !"))
    comment = Comment.objects.get(post=post)
    assert comment.status == CommentStatus.APPROVED
    assert response.url == f"{post.get_absolute_url()}#comment-{comment.pk}"
    html = client.get(response.url).content.decode()
    assert "De retour !" in html
    assert "your comment is published" in html


def test_reply_is_stored_under_its_parent(client, post):
    """A reply sent from the reply form is shown nested under its parent."""
    parent = CommentFactory(post=post, author_email="alice@example.org")
    client.post(comment_url(post), form_data(body="Je réponds", parent=parent.pk))
    reply = Comment.objects.get(body="Je réponds")
    assert reply.parent == parent
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'class="comment depth-2" id="comment-{reply.pk}"' in html


def test_post_author_reply_is_published_at_once(client, post):
    """The post's author, logged in, answers without waiting for moderation."""
    client.force_login(post.author)
    client.post(comment_url(post), form_data(author_email=post.author.email, body="Merci à vous"))
    assert Comment.objects.get().status == CommentStatus.APPROVED


def test_errors_keep_everything_typed_in_the_readers_language(french_client, post):
    """A missing e-mail brings the form back with a French message and every typed value kept."""
    response = french_client.post(
        comment_url(post),
        form_data(author_email="", author_url="https://moi.example/", body="Un long texte <précieux>"),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in html
    assert 'value="Alice Martin"' in html
    assert 'value="https://moi.example/"' in html
    assert "Un long texte &lt;précieux&gt;</textarea>" in html
    assert not Comment.objects.exists()


def test_javascript_website_is_refused(client, post):
    """A website that is not an http(s) address is refused with a message."""
    response = client.post(comment_url(post), form_data(author_url="javascript:alert(1)"))
    assert response.status_code == 400
    assert "Enter a valid URL." in response.content.decode()
    assert not Comment.objects.exists()


def test_honeypot_filled_is_rejected_honestly(client, post):
    """Filling the field meant for robots rejects the comment, with a message saying so."""
    response = client.post(comment_url(post), form_data(leave_empty="http://spam.example"))
    assert response.status_code == 400
    assert "meant to stay empty" in response.content.decode()
    assert not Comment.objects.exists()


def test_too_fast_is_rejected_and_text_kept(client, post):
    """A form sent a second after it was served is refused, the text kept for sending again."""
    response = client.post(comment_url(post), form_data(timestamp=spam.sign_timestamp(), body="Rapide"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "faster than people usually type" in html
    assert "Rapide</textarea>" in html


def test_a_quick_correction_after_a_mistake_is_not_refused_as_too_fast(client, post):
    """Her typing time counts from when she first got the form: the form that comes back with an error keeps it,
    and the corrected form, sent at once, goes through."""
    typed = form_data(author_url="https://lea exemple", timestamp=spam.sign_timestamp(time.time() - 20))
    mistake = client.post(comment_url(post), typed)
    html = mistake.content.decode()
    assert mistake.status_code == 400
    assert "Enter a valid URL." in html
    assert f'name="timestamp" value="{typed["timestamp"]}"' in html
    corrected = client.post(comment_url(post), {**typed, "author_url": "https://lea.example"})
    assert corrected.status_code == 302
    assert Comment.objects.get().author_url == "https://lea.example"


def test_an_expired_form_comes_back_with_a_fresh_time(client, post):
    expired = form_data(timestamp=spam.sign_timestamp(time.time() - 3 * 24 * 3600))
    html = client.post(comment_url(post), expired).content.decode()
    assert "has expired" in html
    assert expired["timestamp"] not in html
    assert 'name="timestamp" value=""' not in html


@pytest.mark.parametrize("timestamp", [spam.sign_timestamp(time.time() - 3 * 24 * 3600), "forged:value"])
def test_expired_or_forged_timestamp_is_rejected(client, post, timestamp):
    """A form older than COMMENTS_MAX_FORM_AGE, or a tampered timestamp, is refused as expired."""
    response = client.post(comment_url(post), form_data(timestamp=timestamp))
    assert response.status_code == 400
    assert "has expired" in response.content.decode()
    assert not Comment.objects.exists()


def test_too_many_links_are_held(client, post):
    """More than COMMENTS_MAX_LINKS links holds even a known address for moderation."""
    CommentFactory(author_email="alice@example.org")
    body = "http://a.example http://b.example http://c.example"
    client.post(comment_url(post), form_data(body=body))
    comment = Comment.objects.get(post=post)
    assert comment.status == CommentStatus.PENDING
    assert "3 links" in comment.held_because


def test_block_list_word_files_comment_as_spam(client, post):
    """A block-list word files the comment as spam; the sender sees the same notice as for moderation."""
    response = client.post(comment_url(post), form_data(body="Cheap VIAGRA here"), follow=True)
    assert "awaits moderation" in response.content.decode()
    assert Comment.objects.get().status == CommentStatus.SPAM


def test_rate_limit_answers_429_and_stores_nothing(client, post, settings):
    """Past COMMENTS_RATE_LIMIT comments from one address: HTTP 429, a message, the text kept, nothing stored."""
    settings.COMMENTS_RATE_LIMIT = 2
    for n in range(2):
        client.post(comment_url(post), form_data(body=f"Commentaire {n}"))
    response = client.post(comment_url(post), form_data(body="Un de trop"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "several comments in a short time" in html
    assert "Un de trop</textarea>" in html
    assert Comment.objects.count() == 2
    other_address = client.post(comment_url(post), form_data(body="Autre"), REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 302


def test_rate_limit_counts_in_the_database(post, settings):
    """The count lives in the database table, so every app process sees the same attempts."""
    from comments import ratelimit

    settings.COMMENTS_RATE_LIMIT = 3
    answers = [ratelimit.wait_before_next("203.0.113.9") for _ in range(4)]
    assert answers[:3] == [None, None, None]
    assert datetime.timedelta(0) < answers[3] <= datetime.timedelta(seconds=settings.COMMENTS_RATE_WINDOW)
    assert CommentAttempt.objects.filter(ip_address="203.0.113.9").count() == 3


def test_closed_post_refuses_comments(client):
    """Posting to a post whose comments are closed is refused with a message."""
    from tests.factories import PostFactory

    post = PostFactory(allow_comments=False)
    response = client.post(comment_url(post), form_data())
    assert response.status_code == 403
    assert "Comments are closed" in response.content.decode()
    assert not Comment.objects.exists()


def test_reply_to_hidden_comment_is_refused(client, post):
    """Replying to a comment that is not shown brings the form back with a message."""
    hidden = CommentFactory(post=post, status=CommentStatus.SPAM)
    response = client.post(comment_url(post), form_data(parent=hidden.pk, body="Réponse"))
    assert response.status_code == 400
    assert "no longer shown" in response.content.decode()


class FakeAkismet(http.server.BaseHTTPRequestHandler):
    """A stand-in for Akismet's comment-check endpoint: "spam" in the content means spam."""

    received = []

    def do_POST(self):
        data = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.received.append(data)
        answer = b"true" if "spam" in data["comment_content"][0] else b"false"
        self.send_response(200)
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def akismet(settings):
    server = http.server.HTTPServer(("127.0.0.1", 0), FakeAkismet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_URL = f"http://127.0.0.1:{server.server_port}/1.1/comment-check"
    FakeAkismet.received.clear()
    yield FakeAkismet.received
    server.shutdown()
    server.server_close()


def test_akismet_spam_answer_files_comment_as_spam(client, post, akismet):
    """With AKISMET_API_KEY set, Akismet's "true" files the comment as spam, and the form says what is sent."""
    assert "sent to Akismet" in client.get(post.get_absolute_url()).content.decode()
    client.post(comment_url(post), form_data(body="buy spam now"), HTTP_USER_AGENT="Bot/1.0")
    assert Comment.objects.get().status == CommentStatus.SPAM
    assert akismet[0]["api_key"] == ["test-key"]
    assert akismet[0]["user_agent"] == ["Bot/1.0"]
    assert akismet[0]["comment_author_email"] == ["alice@example.org"]


def test_akismet_ham_answer_lets_known_address_through(client, post, akismet):
    """Akismet's "false" leaves the usual rules: a known address is published."""
    CommentFactory(author_email="alice@example.org")
    client.post(comment_url(post), form_data(body="Une vraie remarque"))
    assert Comment.objects.get(post=post).status == CommentStatus.APPROVED
    assert len(akismet) == 1


def test_akismet_unreachable_holds_comment(client, post, settings):
    """When Akismet does not answer the comment is kept and held for moderation, not lost."""
    settings.AKISMET_API_KEY = "test-key"
    settings.AKISMET_URL = "http://127.0.0.1:9/1.1/comment-check"
    CommentFactory(author_email="alice@example.org")
    response = client.post(comment_url(post), form_data())
    assert response.status_code == 302
    comment = Comment.objects.get(post=post)
    assert comment.status == CommentStatus.PENDING
    assert "did not answer" in comment.held_because


def test_corrected_typos_never_count_toward_the_rate_limit(client, post, settings):
    """A reader who sends a bad address three times, then a good one, is not told she sent too many."""
    settings.COMMENTS_RATE_LIMIT = 2
    for _attempt in range(3):
        assert client.post(comment_url(post), form_data(author_email="alice@")).status_code == 400
    assert client.post(comment_url(post), form_data()).status_code == 302
    assert CommentAttempt.objects.count() == 1


def test_rate_limit_message_says_when_to_try_again(client, post, settings):
    """Past the limit, the message names the minutes to wait (the window is counted from the oldest comment)."""
    settings.COMMENTS_RATE_LIMIT = 1
    settings.COMMENTS_RATE_WINDOW = 600
    client.post(comment_url(post), form_data(body="Premier"))
    response = client.post(comment_url(post), form_data(body="Second"))
    assert response.status_code == 429
    assert "Please send this one again in 10 minutes" in response.content.decode()


def test_a_held_reply_sits_under_its_parent_with_its_notice_and_mentions_the_confirmation(client, post):
    """After posting a reply held for moderation, she lands on it, under the comment it answers, and the notice
    under it tells about the e-mail to confirm; the form is left empty for another comment."""
    parent = CommentFactory(post=post, author_name="Bob")
    data = form_data(body="Une réponse", notify="on", notify_scope="all", parent=parent.pk)
    response = client.post(comment_url(post), data, follow=True)
    html = response.content.decode()
    reply = Comment.objects.get(parent=parent)
    assert response.redirect_chain[-1][0].endswith(f"#comment-{reply.pk}")
    nested = html[html.index(f'id="comment-{parent.pk}"') : html.index('id="respond"')]
    assert f'<ol class="children">\n<li class="comment depth-2 awaiting" id="comment-{reply.pk}">' in nested
    assert "awaits moderation" in nested and "follow its link to confirm" in nested
    assert "awaits moderation" not in html[html.index('id="respond"') :]
    assert "1 comment</h2>" in html
