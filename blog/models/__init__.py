from .draft import PostDraft
from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost
from .revision import Revision, RevisionKind
from .tag_use import TagUse, published_tag_counts

__all__ = [
    "Language",
    "Markup",
    "OldSlug",
    "Post",
    "PostDraft",
    "PostStatus",
    "Revision",
    "RevisionKind",
    "TagUse",
    "TaggedPost",
    "published_tag_counts",
]
