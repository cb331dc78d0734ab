"""The e-mails comments cause, written in the recipient's language. Plain text only."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from blog.links import absolute_url
from blog.text import excerpt
from blog.typesetting import typeset

from .models import NotificationKind
from .spam import reason_in_language

ASCII_SPACES = re.compile(r"[ \t\r\n\x0b\x0c]+")


def one_line(text):
    """A subject on one line: line breaks and runs of spaces become one space. French typography's no-break
    spaces stay (str.split() would take them too), so that no mail client wraps before a colon or a »."""
    return ASCII_SPACES.sub(" ", str(text)).strip()


def message_id(notification):
    return f"<notification-{notification.pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}>"


def build(notification):
    """The EmailMessage for `notification`, rendered in `notification.language`."""
    with translation.override(notification.language):
        subject, template, context, headers = BUILDERS[notification.kind](notification)
        body = render_to_string(template, {"SITE_NAME": settings.SITE_NAME, **context})
    return EmailMessage(
        one_line(subject),
        body,
        to=[notification.recipient],
        # One Message-ID per notification: should a crash make the worker send it twice, mail
        # clients and the logs see the same message.
        headers={"Auto-Submitted": "auto-generated", "Message-ID": message_id(notification), **headers},
    )


def _confirmation(notification):
    subscription = notification.subscription
    post = subscription.post
    context = {
        "post": post,
        "title": typeset(post.title, post.language),
        "post_url": absolute_url(post.get_absolute_url()),
        "subscription": subscription,
        "confirm_url": subscription.get_confirm_url(),
    }
    subject = _("Please confirm: e-mails about comments on “%(title)s”") % {"title": context["title"]}
    return subject, "comments/emails/confirmation.txt", context, {}


def _moderation(notification):
    comment = notification.comment
    context = {
        "comment": comment,
        "excerpt": typeset(excerpt(comment.body, 1000), comment.language),
        "held_because": reason_in_language(comment.held_because),
        "post": comment.post,
        "title": typeset(comment.post.title, comment.post.language),
        "change_url": absolute_url(reverse("admin:comments_comment_change", args=[comment.pk])),
        "pending_url": absolute_url(reverse("admin:comments_comment_changelist") + "?status__exact=pending"),
    }
    subject = _("A comment awaits moderation on “%(title)s”") % {"title": context["title"]}
    return subject, "comments/emails/moderation.txt", context, {}


def _new_comment(notification):
    comment = notification.comment
    subscription = notification.subscription
    unsubscribe_url = subscription.get_unsubscribe_url()
    context = {
        "comment": comment,
        "excerpt": typeset(excerpt(comment.body, 300), comment.language),
        "post": comment.post,
        "title": typeset(comment.post.title, comment.post.language),
        "comment_url": absolute_url(comment.get_absolute_url()),
        "subscription": subscription,
        "unsubscribe_url": unsubscribe_url,
    }
    subject = _("New comment on “%(title)s”") % {"title": context["title"]}
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return subject, "comments/emails/new_comment.txt", context, headers


BUILDERS = {
    NotificationKind.CONFIRMATION: _confirmation,
    NotificationKind.MODERATION: _moderation,
    NotificationKind.NEW_COMMENT: _new_comment,
}
