"""Writes that touch several models: a comment, its subscription and the e-mails they cause."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from operations import faults

from . import outbox, spam
from .models import (
    Comment,
    CommentStatus,
    Notification,
    NotificationKind,
    NotificationStatus,
    Subscription,
    SubscriptionScope,
)


def post_comment(*, post, data, user, ip_address, user_agent, language, request_meta=None):
    """Store a reader's comment (`data`: the comment form's cleaned data) and send what it causes.

    Returns the comment, whose status says whether readers already see it, and whose
    `confirmation_sent` whether an e-mail now asks the commenter to confirm a subscription.
    The same form sent again (same submission token, same text) returns the comment stored the first time.
    """
    submission = data.get("submission")
    if submission:
        earlier = Comment.objects.filter(submission=submission).first()
        if earlier is not None and earlier.body == data["body"]:
            earlier.confirmation_sent = False
            return earlier
        if earlier is not None:  # the form came back with another text: a comment of its own
            submission = None
    comment = Comment(
        submission=submission,
        post=post,
        parent=data.get("parent"),
        author_name=data["author_name"],
        author_email=data["author_email"],
        author_url=data.get("author_url", ""),
        body=data["body"],
        user=user if user is not None and user.is_authenticated else None,
        language=language,
        ip_address=ip_address,
        user_agent=(user_agent or "")[:500],
    )
    verdict = spam.judge(comment, user=user, request_meta=request_meta)
    comment.status = verdict.status
    comment.held_because = verdict.reason
    with transaction.atomic():
        comment.save()
        faults.point("comment-saved")
        notifications = []
        if data.get("notify") and comment.status != CommentStatus.SPAM:
            notifications += subscribe(comment, data.get("notify_scope") or SubscriptionScope.ALL)
        comment.confirmation_sent = any(n.kind == NotificationKind.CONFIRMATION for n in notifications)
        if comment.status == CommentStatus.PENDING:
            notifications += _moderator_notifications(comment)
        elif comment.status == CommentStatus.APPROVED:
            notifications += _subscriber_notifications(comment)
        faults.point("notifications-created")
        outbox.queue(notifications)
    faults.point("comment-committed")
    return comment


def subscribe(comment, scope):
    """Follow the post (scope "all") or the replies to `comment`; returns the confirmation e-mail to send, if any.

    An address already confirmed for this post is not asked again.
    """
    email = comment.author_email.lower()
    already_confirmed = Subscription.objects.confirmed().filter(post=comment.post, email=email).exists()
    confirmed_at = timezone.now() if already_confirmed else None
    if scope == SubscriptionScope.ALL:
        subscription, created = Subscription.objects.get_or_create(
            post=comment.post,
            email=email,
            scope=SubscriptionScope.ALL,
            defaults={"language": comment.language, "confirmed_at": confirmed_at},
        )
    else:
        subscription, created = Subscription.objects.get_or_create(
            comment=comment,
            email=email,
            scope=SubscriptionScope.REPLIES,
            defaults={"post": comment.post, "language": comment.language, "confirmed_at": confirmed_at},
        )
    if not created or subscription.confirmed_at:
        return []
    return [
        Notification.objects.create(
            kind=NotificationKind.CONFIRMATION,
            recipient=email,
            language=subscription.language,
            subscription=subscription,
        )
    ]


def confirm_subscription(subscription):
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])


def unsubscribe(subscription):
    """No e-mail is sent to the address any more (those still queued are dropped); those sent stay on record."""
    with transaction.atomic():
        subscription.notifications.filter(status=NotificationStatus.QUEUED).delete()
        subscription.delete()


def approve(comments):
    """Publish `comments` (a queryset) and tell their subscribers; returns how many were newly approved."""
    with transaction.atomic():
        newly_approved = list(comments.exclude(status=CommentStatus.APPROVED).select_related("post", "user"))
        notifications = []
        for comment in newly_approved:
            comment.status = CommentStatus.APPROVED
            comment.save(update_fields=["status"])
            notifications += _subscriber_notifications(comment)
        outbox.queue(notifications)
    return len(newly_approved)


def announce_approval(comment):
    """E-mail the subscribers about `comment`, just approved (once each, however often it is approved)."""
    with transaction.atomic():
        outbox.queue(_subscriber_notifications(comment))


def mark_spam(comments):
    return comments.update(status=CommentStatus.SPAM)


def remove(comments):
    return comments.update(status=CommentStatus.REMOVED)


def send_again(notifications):
    """Queue every unsent notification among `notifications` (a queryset) once more; returns how many.

    Failed ones, and queued ones a crash may have left without a task: sending is idempotent
    (a notification already sent is skipped by the task), so queueing twice sends once.
    """
    with transaction.atomic():
        unsent = list(notifications.exclude(status=NotificationStatus.SENT))
        Notification.objects.filter(pk__in=[n.pk for n in unsent]).update(status=NotificationStatus.QUEUED, attempts=0)
        outbox.queue(unsent)
    return len(unsent)


def _moderator_notifications(comment):
    """Everyone who may moderate the comment (the post's author, the editors), once each, in their own language.

    Only people who can open the admin page the e-mail links to: staff, with the right to change
    comments, on a post they may edit.
    """
    candidates = get_user_model().objects.with_perm(
        "comments.change_comment", backend="django.contrib.auth.backends.ModelBackend"
    )
    recipients = {}
    for user in [comment.post.author, *candidates]:
        if may_moderate(user, comment) and user.email:
            recipients.setdefault(user.email.lower(), user.preferred_language)
    return _create_once(
        comment, NotificationKind.MODERATION, [(email, lang, None) for email, lang in recipients.items()]
    )


def may_moderate(user, comment):
    return (
        user.is_active
        and user.is_staff
        and user.has_perm("comments.change_comment")
        and Comment.objects.moderated_by(user).filter(pk=comment.pk).exists()
    )


def _subscriber_notifications(comment):
    """Confirmed subscribers to the whole post and to the parent comment, never the comment's own author."""
    wanted = Q(scope=SubscriptionScope.ALL)
    if comment.parent_id:
        wanted |= Q(scope=SubscriptionScope.REPLIES, comment_id=comment.parent_id)
    own_addresses = {
        address.lower() for address in [comment.author_email, comment.user and comment.user.email] if address
    }
    chosen = {}
    # "replies" sorts after "all": a reply-only subscription wins, so its unsubscribe link is the one shown.
    for subscription in Subscription.objects.confirmed().filter(wanted, post_id=comment.post_id).order_by("-scope"):
        if subscription.email.lower() not in own_addresses:
            chosen.setdefault(subscription.email.lower(), subscription)
    return _create_once(
        comment,
        NotificationKind.NEW_COMMENT,
        [(email, subscription.language, subscription) for email, subscription in chosen.items()],
    )


def _create_once(comment, kind, recipients):
    """Notifications not yet created for this comment and address: approving twice e-mails once."""
    created = []
    for email, language, subscription in recipients:
        notification, is_new = Notification.objects.get_or_create(
            kind=kind,
            comment=comment,
            recipient=email,
            defaults={"language": language, "subscription": subscription},
        )
        if is_new:
            created.append(notification)
    return created
