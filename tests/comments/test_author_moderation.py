"""Guest authors moderate the comments on their own posts, and no e-mail links to a page its reader cannot open."""

import re

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from comments.models import Comment, CommentStatus
from tests.factories import AuthorFactory, EditorFactory, PostFactory

from .conftest import comment_url, form_data
from .factories import CommentFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S*)")


def logged_in(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def links(message):
    """The addresses in an e-mail, as paths (SITE_URL is http://testserver in tests), without the #fragment."""
    return [path.split("#")[0] for path in LINK.findall(message.body)]


@pytest.fixture
def people():
    claire = AuthorFactory(username="claire", email="claire@example.org", preferred_language="fr")
    return {
        "claire": claire,
        "other_author": AuthorFactory(email="other@example.org"),
        "editor": EditorFactory(email="editor@example.org"),
        "admin": User.objects.create_superuser("root", "root@example.org", "secret-password"),
        "post": PostFactory(author=claire, title="L'été de Claire"),
    }


def test_every_link_of_every_email_opens_for_its_recipient(client, people):
    """Confirmation, moderation and new-comment e-mails: each link answers 200 to the person it was sent to."""
    post = people["post"]
    SubscriptionFactory(post=post, email="follower@example.org")
    client.post(comment_url(post), form_data(body="Première visite, à modérer.", notify="on", notify_scope="all"))
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    logged_in(people["editor"]).post(
        "/admin/comments/comment/", {"action": "approve", "_selected_action": [comment.pk]}
    )

    recipients = {
        "claire@example.org": people["claire"],  # the post's author, a guest author
        "editor@example.org": people["editor"],
        "root@example.org": people["admin"],
        "alice@example.org": None,  # the commenter: confirmation of her subscription
        "follower@example.org": None,  # a reader following the post
    }
    by_address = {}
    for message in mail.outbox:
        by_address.setdefault(message.to[0], []).append(message)
    assert set(by_address) == set(recipients)
    kinds = {message.subject for messages in by_address.values() for message in messages}
    assert any("awaits moderation" in subject or "attend la modération" in subject for subject in kinds)
    assert any("Please confirm" in subject for subject in kinds)
    assert any("New comment" in subject for subject in kinds)
    for address, messages in by_address.items():
        browser = logged_in(recipients[address])
        for message in messages:
            paths = links(message)
            assert paths, message.body
            for path in paths:
                assert browser.get(path).status_code == 200, (address, message.subject, path)


def test_other_authors_are_not_emailed_about_a_post_that_is_not_theirs(client, people):
    """Only the post's author and the editors hear of a comment to moderate."""
    client.post(comment_url(people["post"]), form_data(body="À modérer"))
    assert "other@example.org" not in {message.to[0] for message in mail.outbox}
    assert "claire@example.org" in {message.to[0] for message in mail.outbox}


def test_author_who_cannot_open_the_admin_gets_no_moderation_email(client, people):
    """An author without staff status (or deactivated) is not sent links she cannot open."""
    User.objects.filter(pk=people["claire"].pk).update(is_staff=False)
    client.post(comment_url(people["post"]), form_data(body="À modérer"))
    assert "claire@example.org" not in {message.to[0] for message in mail.outbox}
    assert "editor@example.org" in {message.to[0] for message in mail.outbox}


def test_author_moderates_only_the_comments_on_her_posts(people):
    """Her comment list holds her posts' comments; another post's comment is out of reach, by list, form or action."""
    mine = CommentFactory(post=people["post"], status=CommentStatus.PENDING, body="Sur mon billet")
    theirs = CommentFactory(status=CommentStatus.PENDING, body="Sur un autre billet")
    browser = logged_in(people["claire"])
    listing = browser.get("/admin/comments/comment/").content.decode()
    assert "Sur mon billet" in listing and "Sur un autre billet" not in listing
    assert browser.get(f"/admin/comments/comment/{theirs.pk}/change/").status_code == 302  # "does not exist"
    browser.post("/admin/comments/comment/", {"action": "approve", "_selected_action": [mine.pk, theirs.pk]})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == (CommentStatus.APPROVED, CommentStatus.PENDING)


def test_author_changes_a_comment_status_and_nothing_else(people):
    """In the change form only the status is hers to change: the comment stays on its post, its words its author's."""
    comment = CommentFactory(post=people["post"], status=CommentStatus.PENDING, body="Mots de la lectrice")
    elsewhere = PostFactory(author=people["claire"])
    browser = logged_in(people["claire"])
    form = browser.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert 'name="status"' in form and 'name="body"' not in form
    response = browser.post(
        f"/admin/comments/comment/{comment.pk}/change/",
        {"status": "spam", "body": "Réécrit", "post": elsewhere.pk, "author_name": "Moi"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.body, comment.post_id) == ("spam", "Mots de la lectrice", people["post"].pk)


def test_admin_index_counts_only_her_pending_comments(people):
    """The "comments await moderation" notice counts the comments she can act on."""
    CommentFactory(post=people["post"], status=CommentStatus.PENDING)
    CommentFactory.create_batch(3, status=CommentStatus.PENDING)
    html = logged_in(people["claire"]).get("/admin/").content.decode()
    assert "1 comment awaits moderation" in html
    assert "comments await moderation" not in html
