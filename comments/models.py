import secrets
from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.links import absolute_url
from blog.models import Post
from blog.text import excerpt


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    REMOVED = "removed", _("Removed")


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Comment")
    PINGBACK = "pingback", _("Pingback")
    TRACKBACK = "trackback", _("Trackback")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments readers may see."""
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self):
        """Comments awaiting a moderator's decision."""
        return self.filter(status=CommentStatus.PENDING)

    def moderated_by(self, user):
        """Comments `user` moderates: those on the posts she may edit (an author's own, every post for an editor)."""
        return self.filter(post__in=Post.objects.editable_by(user).values("pk"))

    def from_address(self, email):
        """Comments sent from the e-mail address `email`, whatever its case."""
        return self.filter(author_email__iexact=email)


class Comment(models.Model):
    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE, related_name="comments", verbose_name=_("post"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("in reply to")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CommentKind.choices, default=CommentKind.COMMENT)
    author_name = models.CharField(_("name"), max_length=100)
    author_email = models.EmailField(_("e-mail"), blank=True)
    author_url = models.URLField(_("website"), max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("account"),
    )
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fr")
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    # The form's one-time token: the same form sent twice (a retry after a lost answer) stores one comment.
    submission = models.UUIDField(_("submission"), null=True, blank=True, unique=True, editable=False)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress id"), null=True, blank=True, unique=True, editable=False)
    held_because = models.CharField(
        _("held because"), max_length=200, blank=True, help_text=_("Why the spam checks did not publish it at once.")
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["post", "status", "created_at"])]

    def __str__(self):
        return f"{self.author_name} — {excerpt(self.body, 40)}"

    def get_absolute_url(self):
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"


def reply_address(post_address, comment_pk):
    """Where a comment is answered: its post's page (at `post_address`), the form open under it."""
    return f"{post_address}?replytocom={comment_pk}#respond"


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        """Subscriptions whose address followed the confirmation link."""
        return self.filter(confirmed_at__isnull=False)


class SubscriptionScope(models.TextChoices):
    ALL = "all", _("All new comments on this post")
    REPLIES = "replies", _("Only replies to my comment")


def new_token():
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    post = models.ForeignKey(
        "blog.Post", on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("post")
    )
    email = models.EmailField(_("e-mail"))
    scope = models.CharField(
        _("scope"), max_length=10, choices=SubscriptionScope.choices, default=SubscriptionScope.ALL
    )
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        help_text=_("For replies only: the comment whose replies are followed."),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fr")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "email"], condition=models.Q(scope="all"), name="one_all_subscription_per_address"
            ),
            models.UniqueConstraint(
                fields=["comment", "email"],
                condition=models.Q(scope="replies"),
                name="one_replies_subscription_per_comment",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.post}"

    def get_unsubscribe_url(self):
        return absolute_url(reverse("comments:subscription-unsubscribe", args=[self.token]))

    def get_confirm_url(self):
        return absolute_url(reverse("comments:subscription-confirm", args=[self.token]))


class CommentAttempt(models.Model):
    """One comment sent from an address: the rate limit counts these, so it holds across app processes."""

    ip_address = models.GenericIPAddressField(_("IP address"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("comment attempt")
        verbose_name_plural = _("comment attempts")
        indexes = [
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self):
        return f"{self.ip_address} {self.created_at:%Y-%m-%d %H:%M:%S}"


class NotificationKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Subscription confirmation")
    MODERATION = "moderation", _("Comment awaiting moderation")
    NEW_COMMENT = "new_comment", _("New comment for a subscriber")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Notification(models.Model):
    """One e-mail to one address, so a failed send stays visible and is sent once only."""

    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fr")
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("comment"),
    )
    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.SET_NULL,  # the record of what was sent outlives an unsubscription
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("subscription"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail notification")
        verbose_name_plural = _("e-mail notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "comment", "recipient"],
                condition=models.Q(comment__isnull=False),
                name="one_notification_per_comment_and_address",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"


def with_comment_count(posts):
    """Annotate `num_comments` on a queryset of posts, the number of approved comments, in the same query."""
    return posts.annotate(num_comments=_approved_count())


@cache
def _approved_count():
    """The count's expression, built once: building it cost half the time of a list's query (annotate() resolves a
    copy of it, so the one kept here is never changed)."""
    approved = (
        Comment.objects.approved()
        .filter(post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(approved), 0)
