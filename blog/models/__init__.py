from .draft import PostDraft
from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost
from .post_count import PostCount, counted_pages
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
    "counted_pages",
    "published_tag_counts",
]
