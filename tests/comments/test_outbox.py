import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from comments import outbox, services
from comments.models import Comment, Notification, NotificationStatus

from .conftest import comment_url, form_data
from .factories import CommentFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def task_table(settings, transactional_db):
    """Tasks stored in the database and run by `db_worker`, as in production (it closes the
    connection it finds: no test transaction around it)."""
    from django.apps import apps

    from accounts.roles import PERMISSIONS, assign

    assign(apps, PERMISSIONS)  # the groups a transactional test's flush removed
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def tasks_for(notification):
    return [t for t in DBTaskResult.objects.all() if t.args_kwargs["args"] == [notification.pk]]


def test_each_notification_is_committed_with_the_task_that_sends_it(task_table, client, post):
    """After a comment, every notification row has its task waiting; the worker sends each once."""
    client.post(comment_url(post), form_data(notify="on", notify_scope="all"))
    notifications = list(Notification.objects.all())
    assert len(notifications) == 2  # the confirmation, and the author's moderation e-mail
    assert all(len(tasks_for(n)) == 1 for n in notifications)
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "author@example.org"]


def test_a_rolled_back_comment_leaves_neither_notification_nor_task(task_table, post):
    """Notification and task are written in one transaction: when it fails, neither exists."""
    data = {**form_data(), "notify": True, "notify_scope": "all", "parent": None}
    with pytest.raises(RuntimeError), transaction.atomic():
        services.post_comment(post=post, data=data, user=None, ip_address="192.0.2.5", user_agent="", language="fr")
        assert Notification.objects.exists() and DBTaskResult.objects.exists()
        raise RuntimeError("the web worker dies before the commit")
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_sweeper_queues_a_notification_left_without_a_task(task_table, post):
    """A notification queued two minutes ago with no task (a crash before the outbox existed) is sent once."""
    comment = CommentFactory(post=post)
    notification = Notification.objects.create(
        kind="moderation",
        comment=comment,
        recipient="editor@example.org",
        language="en",
        created_at=timezone.now() - datetime.timedelta(minutes=2),
    )
    call_command("sweep_outbox", verbosity=0)
    call_command("sweep_outbox", verbosity=0)  # a second run finds the task and queues nothing more
    assert len(tasks_for(notification)) == 1
    run_worker()
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT


def test_sweeper_reclaims_a_task_whose_worker_died(task_table, post, settings):
    """A task RUNNING for longer than COMMENTS_TASK_STALE_AFTER goes back to the queue and its e-mail is sent."""
    with transaction.atomic():
        comment = CommentFactory(post=post)
        [notification] = services._create_once(comment, "moderation", [("editor@example.org", "fr", None)])
        outbox.queue([notification])
    [task] = tasks_for(notification)
    started = timezone.now() - datetime.timedelta(seconds=settings.COMMENTS_TASK_STALE_AFTER + 60)
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.RUNNING, started_at=started)
    assert outbox.sweep() == (1, 0)
    run_worker()
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]


def test_send_again_covers_queued_notifications_too(task_table, post, admin_client):
    """The admin's "send again" queues a notification stuck in "queued", not only failed ones."""
    comment = CommentFactory(post=post)
    subscription = SubscriptionFactory(post=post, email="follower@example.org")
    stuck = Notification.objects.create(
        kind="new_comment", comment=comment, recipient="follower@example.org", subscription=subscription
    )
    sent = Notification.objects.create(
        kind="moderation", comment=comment, recipient="a@example.org", status=NotificationStatus.SENT
    )
    assert services.send_again(Notification.objects.filter(pk__in=[stuck.pk, sent.pk])) == 1
    run_worker()
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]


def test_the_same_form_sent_twice_stores_one_comment(client, post):
    """A retry after a lost answer (same form, same token) stores one comment and e-mails once."""
    data = form_data(submission="0b3c2a44-6a0e-4d6e-9d7c-51f3f0d1c0aa")
    first = client.post(comment_url(post), data)
    second = client.post(comment_url(post), data)
    assert Comment.objects.count() == 1
    assert second.status_code == first.status_code == 302
    assert second["Location"] == first["Location"]
    assert len(mail.outbox) == 1  # the moderation e-mail, once


def test_a_different_text_with_the_same_token_is_a_comment_of_its_own(client, post):
    """Back in the browser, a reader edits and sends again: her second text is kept too."""
    token = "0b3c2a44-6a0e-4d6e-9d7c-51f3f0d1c0ab"
    client.post(comment_url(post), form_data(submission=token, body="Premier texte."))
    client.post(comment_url(post), form_data(submission=token, body="Second texte, corrigé."))
    assert sorted(Comment.objects.values_list("body", flat=True)) == ["Premier texte.", "Second texte, corrigé."]


def test_the_form_carries_a_fresh_token(client, post):
    """Each comment form on a post page has its own submission token."""
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'name="submission"' in html
    assert html.count('name="submission"') == 1
