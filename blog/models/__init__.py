from .comment import (
    Comment,
    CommentAttempt,
    CommentKind,
    CommentStatus,
    Notification,
    NotificationKind,
    NotificationStatus,
    Subscription,
    SubscriptionScope,
)
from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost

__all__ = [
    "Comment",
    "CommentAttempt",
    "CommentKind",
    "CommentStatus",
    "Language",
    "Markup",
    "Notification",
    "NotificationKind",
    "NotificationStatus",
    "OldSlug",
    "Post",
    "PostStatus",
    "Subscription",
    "SubscriptionScope",
    "TaggedPost",
]
