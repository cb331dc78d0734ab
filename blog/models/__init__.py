from .draft import PostDraft
from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost
from .revision import Revision, RevisionKind

__all__ = [
    "Language",
    "Markup",
    "OldSlug",
    "Post",
    "PostDraft",
    "PostStatus",
    "Revision",
    "RevisionKind",
    "TaggedPost",
]
