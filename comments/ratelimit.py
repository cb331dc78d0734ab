"""How many comments one address may send, counted in the database so every app process agrees."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import CommentAttempt


def allow(ip_address):
    """Count one comment attempt from `ip_address`; False when it goes past COMMENTS_RATE_LIMIT."""
    if ip_address is None:
        return True
    since = timezone.now() - datetime.timedelta(seconds=settings.COMMENTS_RATE_WINDOW)
    # One transaction: on SQLite (BEGIN IMMEDIATE) concurrent requests count one after the other.
    with transaction.atomic():
        CommentAttempt.objects.filter(created_at__lt=since).delete()
        recent = CommentAttempt.objects.filter(ip_address=ip_address, created_at__gte=since).count()
        if recent >= settings.COMMENTS_RATE_LIMIT:
            return False
        CommentAttempt.objects.create(ip_address=ip_address)
    return True
