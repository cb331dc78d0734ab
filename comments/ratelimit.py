"""How many comments one address may send, counted in the database so every app process agrees."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import CommentAttempt


def wait_before_next(ip_address):
    """Count one accepted comment from `ip_address` and answer None; past COMMENTS_RATE_LIMIT, count nothing
    and answer how long (a timedelta) until the address may send again.

    Called once the form is valid: a reader correcting a typo is never counted.
    """
    if ip_address is None:
        return None
    now = timezone.now()
    since = now - datetime.timedelta(seconds=settings.COMMENTS_RATE_WINDOW)
    # One transaction: on SQLite (BEGIN IMMEDIATE) concurrent requests count one after the other.
    with transaction.atomic():
        CommentAttempt.objects.filter(created_at__lt=since).delete()
        recent = CommentAttempt.objects.filter(ip_address=ip_address, created_at__gte=since).order_by("-created_at")
        limit = settings.COMMENTS_RATE_LIMIT
        if limit <= 0:
            return datetime.timedelta(seconds=settings.COMMENTS_RATE_WINDOW)
        blocking = list(recent.values_list("created_at", flat=True)[limit - 1 : limit])
        if blocking:
            return blocking[0] - since
        CommentAttempt.objects.create(ip_address=ip_address, created_at=now)
    return None
