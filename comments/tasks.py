"""Background work: e-mails go out from a task so a slow or failing mail server never blocks a page."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from operations import faults

from . import notifications
from .models import Notification, NotificationStatus


@task()
def send_notification(notification_id):
    """Send one notification e-mail; a failure is recorded on it, retried later when the backend can defer."""
    notification = (
        Notification.objects.select_related("comment__post", "subscription__post").filter(pk=notification_id).first()
    )
    if notification is None or notification.status == NotificationStatus.SENT:
        return
    faults.point("task-claimed")
    message = notifications.build(notification)
    notification.attempts += 1
    try:
        message.send()
    except Exception as error:
        notification.status = NotificationStatus.FAILED
        notification.last_error = f"{type(error).__name__}: {error}"
        notification.save(update_fields=["status", "attempts", "last_error"])
        _retry_later(notification)
        raise
    faults.point("mail-sent")
    notification.status = NotificationStatus.SENT
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["status", "attempts", "last_error", "sent_at"])


def _retry_later(notification):
    if notification.attempts >= settings.COMMENTS_MAIL_RETRIES or not send_notification.get_backend().supports_defer:
        return
    delay = datetime.timedelta(minutes=5 * 2**notification.attempts)
    send_notification.using(run_after=timezone.now() + delay).enqueue(notification.pk)
