"""A forgotten password, asked for from the admin's login page: Django's views, in the admin's look.

The admin's login page offers the link once a view is named `admin_password_reset`; the admin's templates draw
the pages, given the admin's header ("Carnet administration", not "Django administration").
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import forms, views
from django.urls import reverse
from django.utils import translation


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


class SentView(AdminLook, views.PasswordResetDoneView):
    pass


class NewPasswordView(AdminLook, views.PasswordResetConfirmView):
    pass


class DoneView(AdminLook, views.PasswordResetCompleteView):
    pass
