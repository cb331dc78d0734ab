from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a page in the reader's language saying when to try again.

    Each attempt during the lockout starts the cool-off again (axes' default), so the
    time to wait counts from now.
    """
    context = {"retry_at": timezone.now() + get_cool_off(request), "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/locked_out.html", context, status=429)
