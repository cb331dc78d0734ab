from .post import Language, Markup, OldSlug, Post, PostStatus, TaggedPost

__all__ = ["Language", "Markup", "OldSlug", "Post", "PostStatus", "TaggedPost"]
