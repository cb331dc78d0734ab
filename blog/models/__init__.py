from .post import Language, Markup, Post, PostStatus, TaggedPost

__all__ = ["Language", "Markup", "Post", "PostStatus", "TaggedPost"]
