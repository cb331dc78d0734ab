"""A forgotten password, asked for from the admin's login page: Django's views, in the admin's look.

The admin's login page offers the link once a view is named `admin_password_reset`; the admin's templates draw
the pages, given the admin's header ("Carnet administration", not "Django administration").
"""

import hashlib
import logging

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import forms, views
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from operations.client import client_ip

logger = logging.getLogger(__name__)
HOUR = 3600


class PasswordResetForm(forms.PasswordResetForm):
    """Django's, the e-mail written in the language the user chose for Carnet's e-mails."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].preferred_language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class AdminLook:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        frame = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}
        # The accounts are the admin's: once her password is set again, she logs in there.
        return {**context, **frame, "login_url": reverse("admin:login")}


class AskView(AdminLook, views.PasswordResetView):
    form_class = PasswordResetForm

    @property
    def extra_email_context(self):
        return {"site_name": settings.SITE_NAME}  # not the host's name

    def form_valid(self, form):
        """At most PASSWORD_RESET_LIMIT asks an hour from one address, and as many e-mails to one person: each one
        waits on the mail server, and the form sent again and again would fill her mailbox. Past the first limit
        the form says so, her address kept; past the second the page says what it always says, and nothing is
        sent (whether the address has an account stays unsaid)."""
        if not _within_limit("address", client_ip(self.request) or ""):
            form.add_error("email", gettext("Too many requests from your connection: please try again in an hour."))
            return self.form_invalid(form)
        if not _within_limit("email", form.cleaned_data["email"].casefold()):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class SentView(AdminLook, views.PasswordResetDoneView):
    pass


class NewPasswordView(AdminLook, views.PasswordResetConfirmView):
    pass


class DoneView(AdminLook, views.PasswordResetCompleteView):
    pass


def _within_limit(kind, value):
    """Count one ask for `value`; False once PASSWORD_RESET_LIMIT were counted within the hour of the first.
    The cache unreachable, the ask goes through: a lost count must not lock anyone out."""
    key = f"password-reset:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"
    try:
        cache.add(key, 0, HOUR)
        return cache.incr(key) <= settings.PASSWORD_RESET_LIMIT
    except ValueError:  # the count expired between add() and incr()
        return True
    except Exception:
        logger.warning("Password reset limit unavailable: the ask is not counted", exc_info=True)
        return True
