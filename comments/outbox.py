"""The outbox: an e-mail is a Notification row plus the task that sends it, committed together.

django-tasks-db keeps tasks in the same database, so a task enqueued inside the
transaction that creates its notification exists if and only if the notification does.
What a crash can still leave behind, the sweeper puts back (`manage.py sweep_outbox`,
from cron every few minutes): tasks a killed worker left RUNNING, and notifications
still queued with no task to send them.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Notification, NotificationStatus


def queue(notifications):
    """Enqueue the task that sends each notification; call it inside the transaction that created them."""
    from .tasks import send_notification

    for notification in notifications:
        send_notification.enqueue(notification.pk)


def uses_task_table():
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def reclaim_stale_tasks(now=None):
    """Tasks RUNNING for longer than COMMENTS_TASK_STALE_AFTER: their worker died. Back to READY; returns how many."""
    if not uses_task_table():
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    since = (now or timezone.now()) - datetime.timedelta(seconds=settings.COMMENTS_TASK_STALE_AFTER)
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=since)
    return stale.update(status=TaskResultStatus.READY, started_at=None)


def requeue_orphans(now=None):
    """Queued notifications older than COMMENTS_OUTBOX_GRACE with no task waiting or running; returns how many."""
    if not uses_task_table():
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .tasks import send_notification

    with transaction.atomic():
        live = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING], task_path=send_notification.module_path
        )
        covered = {args["args"][0] for args in live.values_list("args_kwargs", flat=True) if args.get("args")}
        since = (now or timezone.now()) - datetime.timedelta(seconds=settings.COMMENTS_OUTBOX_GRACE)
        queued = Notification.objects.filter(status=NotificationStatus.QUEUED, created_at__lt=since)
        orphans = [notification for notification in queued if notification.pk not in covered]
        queue(orphans)
    return len(orphans)


def sweep(now=None):
    """Reclaim dead workers' tasks, then requeue the notifications left without one."""
    return reclaim_stale_tasks(now), requeue_orphans(now)
