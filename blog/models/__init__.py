from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost
from .revision import Revision, RevisionKind

__all__ = ["Language", "Markup", "OldSlug", "Post", "PostStatus", "Revision", "RevisionKind", "TaggedPost"]
