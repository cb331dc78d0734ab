from .comment import Comment, CommentKind, CommentStatus, Subscription, SubscriptionScope
from .post import Language, Markup, Post, PostStatus, TaggedPost

__all__ = [
    "Comment",
    "CommentKind",
    "CommentStatus",
    "Language",
    "Markup",
    "Post",
    "PostStatus",
    "Subscription",
    "SubscriptionScope",
    "TaggedPost",
]
