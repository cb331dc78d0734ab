"""The 270 script-injection vectors of ../shared/testdata/xss typed into a comment's name, website and body."""

import re

import feedparser
import pytest
from django.core import mail

from comments import services
from comments.models import Comment, CommentStatus
from comments.templatetags.comment_tags import post_url
from tests.xss import script_problems, shared_vectors

from .conftest import comment_url, form_data
from .factories import CommentFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_no_vector_puts_script_in_page_feed_or_email(client, post, settings):
    """Each vector in name, website and body: no script on the error page, post page, feeds or e-mails."""
    vectors = shared_vectors()
    assert len(vectors) == 270
    settings.COMMENTS_RATE_LIMIT = 10_000
    SubscriptionFactory(post=post, email="carol@example.org")

    for payload in vectors:
        name = payload[:100]  # what the name box, maxlength 100, lets a reader type
        response = client.post(comment_url(post), form_data(author_name=name, author_url=payload, body=payload))
        if response.status_code == 400:  # the website is not a URL: the form comes back with it as typed
            form = response.content.decode().partition('<section class="comments"')[2]
            assert 'class="errorlist"' in form
            assert script_problems(form) == [], payload
            response = client.post(comment_url(post), form_data(author_name=name, body=payload))
        assert response.status_code == 302, payload
        # What an import (no form validation) would store in the website field.
        CommentFactory(
            post=post, author_name=name, author_url=payload.strip()[:500], body=payload, status=CommentStatus.PENDING
        )
    assert Comment.objects.filter(post=post).count() == 2 * len(vectors)

    services.approve(Comment.objects.filter(post=post, status=CommentStatus.PENDING))
    settings.COMMENTS_FEED_SIZE = 1000

    page = client.get(post.get_absolute_url()).content.decode()
    assert f"{2 * len(vectors)} comments" in page
    assert script_problems(page) == []

    for url in ["/comments/feed/", post_url(post, "comments:post-feed")]:
        raw = client.get(url).content.decode()
        assert not re.search(r"<script", raw, re.IGNORECASE)
        entries = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False).entries
        assert len(entries) == 2 * len(vectors)
        for entry in entries:
            assert script_problems(entry.description) == [], entry.description

    assert mail.outbox
    for message in mail.outbox:
        assert message.content_subtype == "plain"
        assert getattr(message, "alternatives", []) == []
