from .draft import PostDraft
from .post import Language, Markup, Post, PostStatus, TaggedPost

__all__ = ["Language", "Markup", "Post", "PostDraft", "PostStatus", "TaggedPost"]
