from .draft import PostDraft
from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost
from .post_count import PostCount, published_post_count
from .revision import Revision, RevisionKind
from .tag_use import TagUse, published_tag_counts

__all__ = [
    "Language",
    "Markup",
    "OldSlug",
    "Post",
    "PostCount",
    "PostDraft",
    "PostStatus",
    "Revision",
    "RevisionKind",
    "TagUse",
    "TaggedPost",
    "published_post_count",
    "published_tag_counts",
]
