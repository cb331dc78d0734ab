"""The comment section written in Python (comments.section) is, byte for byte, what its former templates wrote.

The former templates are kept in former_templates/comments/, with the tags they used (former_comment_tags.py). Each
post page below is rendered twice, its comment section written once each way, in both interface languages: a post
without comments, threads with a reply to a removed comment and the author's own, a reply open under a comment,
the form sent back with errors or after a refused token, a comment held for moderation, comments closed, the
Akismet notice, and the page kept for every reader.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.template import Context, Engine, engines
from django.test import Client
from django.utils import timezone

from blog import extensions
from comments.models import CommentStatus
from tests.factories import PostFactory

from .conftest import comment_url, form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

FORMER = Engine(
    dirs=[str(Path(__file__).with_name("former_templates"))],
    libraries={**engines["django"].engine.libraries, "comment_tags": "tests.comments.former_comment_tags"},
)
# What differs between two requests: the form's keys, and the request id of the page's error reports.
VOLATILE = re.compile(r'((?:name="(?:csrfmiddlewaretoken|timestamp|submission)"[^>]*value|data-request-id)=")[^"]*"')


def former_section(context):
    # A context of its own, bound to the former template: its include and inclusion tag are looked up in its engine.
    return FORMER.get_template("comments/_comments_block.html").render(Context(context.flatten()))


@pytest.fixture
def conversation(post):
    """Céline's comment, removed since, answered by Marc; the author's reply to Zoé, whose name is markup."""
    now = timezone.now()
    celine = CommentFactory(post=post, body="Le rouge ?", created_at=now - datetime.timedelta(hours=4))
    CommentFactory(post=post, parent=celine, author_name="Marc", created_at=now - datetime.timedelta(hours=3))
    zoe = CommentFactory(
        post=post,
        author_name='Zoé <b>"L\'Hôte"</b>',
        author_url="https://zoé.example/?a=1&b=2",
        body="C’est « très » bien !\n\n<script>alert('x')</script> https://example.org",
        created_at=now - datetime.timedelta(hours=2),
    )
    CommentFactory(post=post, parent=zoe, user=post.author, author_name="L’autrice", language="en")
    celine.status = CommentStatus.REMOVED
    celine.save()
    return zoe


def both_ways(monkeypatch, visit):
    """The pages `visit()` answers, with the section as written now and as the former templates wrote it."""
    ours = visit()
    monkeypatch.setitem(extensions._templates, "post_after", [former_section])
    theirs = visit()
    assert [r.status_code for r in ours] == [r.status_code for r in theirs]
    return [
        (VOLATILE.sub(r'\1"', a.content.decode()), VOLATILE.sub(r'\1"', b.content.decode()))
        for a, b in zip(ours, theirs, strict=True)
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_state_of_the_section_reads_as_its_former_templates_wrote_it(post, conversation, language, monkeypatch):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    empty = PostFactory(title="Sans commentaire")
    closed = PostFactory(title="Fermé", allow_comments=False)
    CommentFactory(post=closed)

    def visit():
        return [
            client.get(empty.get_absolute_url()),
            client.get(post.get_absolute_url()),
            client.get(f"{post.get_absolute_url()}?replytocom={conversation.pk}"),
            client.post(comment_url(post), {**form_data(), "author_email": "pas-une-adresse", "body": "<b>é</b>"}),
            client.post(comment_url(post), form_data(parent=str(conversation.pk), leave_empty="spam")),
            client.get(closed.get_absolute_url()),
        ]

    pages = both_ways(monkeypatch, visit)
    for ours, theirs in pages:
        assert ours == theirs
    assert 'class="comment-error" role="alert"' in pages[3][0]
    assert 'class="cancel-reply"' in pages[2][0] and 'class="comments-closed"' in pages[5][0]


def test_a_refused_token_held_comment_akismet_and_the_shared_page(post, conversation, monkeypatch, settings):
    """The form kept after a refused token; the notice under a comment held for moderation; the Akismet sentence;
    the page kept for every reader, whose form's keys a script fills."""
    settings.AKISMET_API_KEY = ""
    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="fr")
    french = Client(HTTP_ACCEPT_LANGUAGE="fr")
    settings.COMMENTS_BLOCKLIST = ["rouge"]

    def visit():
        held = french.post(comment_url(post), form_data(body="Du rouge, encore du rouge."), follow=True)
        # Each visit holds a comment of its own: its id and its time are the differences.
        held.content = re.sub(rb'comment-\d+|<time datetime="[^"]*">[^<]*', b"", held.content)
        cache.clear()
        settings.PAGE_CACHE_SECONDS = 600
        shared = Client(HTTP_ACCEPT_LANGUAGE="en").get(post.get_absolute_url())
        settings.PAGE_CACHE_SECONDS = 0
        settings.AKISMET_API_KEY = "key"
        akismet = Client(HTTP_ACCEPT_LANGUAGE="en").get(post.get_absolute_url())
        settings.AKISMET_API_KEY = ""
        return [strict.post(comment_url(post), form_data(body="Gardé « tel quel »")), held, shared, akismet]

    pages = both_ways(monkeypatch, visit)
    for ours, theirs in pages:
        assert ours == theirs
    assert "Gardé « tel quel »" in pages[0][0]
    assert 'depth-1 awaiting" id=""' in pages[1][0] and 'class="comment-notice"' in pages[1][0]
    assert 'name="csrfmiddlewaretoken" value=""' in pages[2][0]
    assert "Akismet" in pages[3][0]
