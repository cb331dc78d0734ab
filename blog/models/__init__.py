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
from .draft import PostDraft
from .post import Language, Markup, Post, PostStatus, TaggedPost

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
    "Post",
    "PostDraft",
    "PostStatus",
    "Subscription",
    "SubscriptionScope",
    "TaggedPost",
]
