import re
import socket

import pytest
from django.core import mail
from django.core.management import call_command

from comments import services
from comments.models import Comment, CommentStatus, Notification, NotificationStatus, Subscription
from tests.factories import PostFactory

from .conftest import comment_url, form_data
from .factories import CommentFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def link_in(message, path_part):
    return re.search(rf"http://testserver\S*{path_part}\S*", message.body).group()


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_ticking_the_box_sends_a_confirmation_and_the_link_confirms(client, post):
    """Double opt-in: a confirmation e-mail in the reader's language; the subscription counts after the link."""
    client.post(comment_url(post), form_data(notify="on", notify_scope="all"), HTTP_ACCEPT_LANGUAGE="fr")
    [confirmation] = to("alice@example.org")
    # The no-break spaces of French typography stay: no mail client wraps before the colon or the ».
    title = "«\u202fHumanité d’internet\u202f»"  # its apostrophe, typed straight, printed curled
    assert confirmation.subject == f"Veuillez confirmer\u202f: e-mails sur les commentaires de {title}"
    assert Subscription.objects.get().confirmed_at is None
    link = link_in(confirmation, "/comments/confirm/")
    # Opening the link (a mail scanner does) only asks; the button confirms.
    asked = client.get(link).content.decode()
    assert "alice@example.org will receive an e-mail for each new comment on" in asked
    assert Subscription.objects.get().confirmed_at is None
    response = client.post(link)
    assert response.status_code == 200
    assert "Subscription confirmed" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is not None
    assert "Subscription confirmed" in client.get(link).content.decode()  # the link, opened again, says so


def test_a_reader_following_replies_is_asked_about_replies_to_her_comment(client, post):
    client.post(comment_url(post), form_data(notify="on", notify_scope="replies"), HTTP_ACCEPT_LANGUAGE="fr")
    [confirmation] = to("alice@example.org")
    assert "un e-mail quand on répond à votre commentaire sur «\u202f" in confirmation.body


def test_address_already_confirmed_is_not_asked_again(client, post):
    """An address already confirmed for the post gets no second confirmation e-mail."""
    SubscriptionFactory(post=post, email="alice@example.org")
    client.post(comment_url(post), form_data(notify="on", notify_scope="replies"))
    assert to("alice@example.org") == []
    assert Subscription.objects.filter(scope="replies").get().confirmed_at is not None


def test_unticked_box_subscribes_nobody(client, post):
    """Without the box ticked no subscription and no confirmation."""
    client.post(comment_url(post), form_data())
    assert not Subscription.objects.exists()
    assert to("alice@example.org") == []


def test_approval_emails_subscribers_once_each_in_their_language(client, post):
    """On approval: "all" and "replies" subscribers e-mailed once each, in their language; never the author."""
    parent = CommentFactory(post=post, author_email="bob@example.org")
    SubscriptionFactory(post=post, email="bob@example.org", scope="replies", comment=parent, language="fr")
    SubscriptionFactory(post=post, email="bob@example.org", language="fr")
    SubscriptionFactory(post=post, email="carol@example.org", language="en")
    SubscriptionFactory(post=post, email="alice@example.org")
    SubscriptionFactory(post=post, email="dave@example.org", confirmed_at=None)
    client.post(comment_url(post), form_data(body="Une réponse à Bob " * 30, parent=parent.pk))
    comment = Comment.objects.get(parent=parent)
    mail.outbox.clear()

    services.approve(Comment.objects.filter(pk=comment.pk))
    services.approve(Comment.objects.filter(pk=comment.pk))

    assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "carol@example.org"]
    [to_bob] = to("bob@example.org")
    assert to_bob.subject == "Nouveau commentaire sur «\u202fHumanité d’internet\u202f»"
    assert "a répondu à votre commentaire" in to_bob.body
    [to_carol] = to("carol@example.org")
    assert "Alice Martin commented on" in to_carol.body
    assert "Une réponse à Bob" in to_carol.body and "…" in to_carol.body
    assert f"http://testserver{post.get_absolute_url()}#comment-{comment.pk}" in to_carol.body
    unsubscribe = link_in(to_carol, "/comments/unsubscribe/")
    assert to_carol.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert to_carol.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert to_carol.content_subtype == "plain"
    assert getattr(to_carol, "alternatives", []) == []


def test_comment_published_at_once_notifies_subscribers(client, post):
    """A comment approved on arrival e-mails the post's subscribers straight away."""
    CommentFactory(author_email="alice@example.org")
    SubscriptionFactory(post=post, email="carol@example.org")
    client.post(comment_url(post), form_data())
    assert len(to("carol@example.org")) == 1


def test_one_click_unsubscribe(client, post):
    """The e-mail's link asks once; the button (or a mail client's one-click POST) ends the e-mails."""
    subscription = SubscriptionFactory(post=post, email="carol@example.org")
    page = client.get(subscription.get_unsubscribe_url())
    assert "carol@example.org will no longer receive" in page.content.decode()
    assert Subscription.objects.exists()
    response = client.post(subscription.get_unsubscribe_url(), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You will receive no more e-mails" in response.content.decode()
    assert not Subscription.objects.exists()
    CommentFactory(post=post, status=CommentStatus.PENDING)
    services.approve(Comment.objects.filter(post=post))
    assert to("carol@example.org") == []


def test_unsubscribing_keeps_the_record_of_what_was_sent_and_drops_what_was_not(client, post):
    """*Notifications* lists every e-mail sent, after its reader unsubscribed too; a queued one is not sent."""
    subscription = SubscriptionFactory(post=post, email="carol@example.org")
    sent = Notification.objects.create(
        kind="new_comment", recipient="carol@example.org", subscription=subscription, status=NotificationStatus.SENT
    )
    Notification.objects.create(kind="new_comment", recipient="carol@example.org", subscription=subscription)
    client.post(subscription.get_unsubscribe_url(), {"List-Unsubscribe": "One-Click"})
    assert list(Notification.objects.values_list("pk", "recipient", "status")) == [
        (sent.pk, "carol@example.org", NotificationStatus.SENT)
    ]


def test_unknown_confirmation_link_is_404_and_says_how_to_subscribe_again(french_client, db):
    """An old confirmation link, followed after unsubscribing, finds nothing, and tells her why and what to do."""
    response = french_client.get("/comments/confirm/nope/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Ce lien ne mène à aucun abonnement\u202f: il a pris fin depuis" in html
    assert "cochez «\u202fMe prévenir par e-mail\u202f»" in html


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def broken_mail_server(settings):
    """SMTP pointed at a local port where nothing listens: every send fails with a refused connection."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()


def test_failing_mail_server_keeps_comment_and_shows_failure(client, post, broken_mail_server, admin_client):
    """With the mail server down the comment is stored, the page answers, and the admin lists the failed e-mail."""
    response = client.post(comment_url(post), form_data(notify="on"), follow=True)
    assert response.status_code == 200
    assert "awaits moderation" in response.content.decode()
    assert Comment.objects.count() == 1
    failed = Notification.objects.filter(status=NotificationStatus.FAILED)
    # the confirmation, and the moderation notices to the post's author and to the (superuser) admin
    assert failed.count() == 3
    assert "ConnectionRefusedError" in failed.first().last_error
    page = admin_client.get("/admin/comments/notification/")
    assert "3 e-mails could not be sent." in page.content.decode()


def test_failed_email_sent_again_from_admin(client, post, broken_mail_server, admin_client, settings):
    """The admin action sends failed e-mails again once the mail server is back."""
    client.post(comment_url(post), form_data())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ids = list(Notification.objects.values_list("pk", flat=True))
    admin_client.post("/admin/comments/notification/", {"action": "send_again", "_selected_action": ids})
    assert Notification.objects.filter(status=NotificationStatus.SENT).count() == len(ids)
    assert sorted(m.to[0] for m in mail.outbox) == ["admin@example.com", "author@example.org"]


@pytest.mark.django_db(transaction=True)
def test_database_backend_retries_failed_sends_later(client, broken_mail_server, settings):
    """With the database task backend a failed e-mail is queued again for later, visible in the task admin."""
    from django_tasks_db.models import DBTaskResult

    from tests.factories import PostFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    post = PostFactory(author__email="author@example.org")
    client.post(comment_url(post), form_data())
    assert Comment.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, verbosity=0)
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.FAILED
    assert notification.attempts == 1
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_a_french_title_and_comment_keep_their_french_spacing_in_the_e_mails(client, db):
    """« L'œuvre : pourquoi ? » in the subject and body, and the French comment quoted, printed as on the page:
    spaced, its apostrophes curled."""
    post = PostFactory(title="L'œuvre : pourquoi ?", author__email="author@example.org")
    client.post(
        comment_url(post),
        form_data(notify="on", notify_scope="all", body="Oui ! Bien dit : « merci ». C'est ça."),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    [confirmation] = to("alice@example.org")
    title = "L’œuvre\u202f: pourquoi\u202f?"
    assert confirmation.subject.endswith(f"«\u202f{title}\u202f»")
    assert f"«\u202f{title}\u202f»" in confirmation.body
    [moderation] = to("author@example.org")
    assert "Oui\u202f! Bien dit\u202f: «\u202fmerci\u202f». C’est ça." in moderation.body
