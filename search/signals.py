"""Re-index a post whenever what search reads of it changes.

A post, its summaries (parler saves them as separate rows, after the post) and its tags
(taggit writes the through rows) are saved separately, so each change has its own receiver.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from blog.models import Post, TaggedPost
from blog.tag_merge import tags_merged

from . import fts
from .indexing import index_posts, index_soon
from .models import SearchDocument

PostTranslation = Post._parler_meta.root_model


@receiver(post_save, sender=Post, dispatch_uid="search-index-post")
def index_saved_post(sender, instance, raw=False, **kwargs):
    if not raw:
        index_soon(instance.pk)


@receiver(post_save, sender=PostTranslation, dispatch_uid="search-index-summary")
def index_saved_summary(sender, instance, raw=False, **kwargs):
    if not raw:
        index_soon(instance.master_id)


@receiver(post_delete, sender=PostTranslation, dispatch_uid="search-index-removed-summary")
def index_removed_summary(sender, instance, origin=None, **kwargs):
    if isinstance(origin, PostTranslation):  # a summary emptied, not the post itself deleted
        index_soon(instance.master_id)  # read afresh: the master may hold the deleted row


@receiver(m2m_changed, sender=TaggedPost, dispatch_uid="search-index-tags")
def index_retagged_post(sender, instance, action, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Post):
        index_soon(instance.pk)


@receiver(post_save, sender=Tag, dispatch_uid="search-index-renamed-tag")
def index_posts_of_renamed_tag(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    for post_id in Post.objects.filter(tags=instance).values_list("pk", flat=True):
        index_soon(post_id)


@receiver(pre_delete, sender=Tag, dispatch_uid="search-note-posts-of-deleted-tag")
def note_posts_of_deleted_tag(sender, instance, **kwargs):
    # Its posts lose it without a signal of their own (the rows tagging them are deleted with it).
    instance.posts_to_index = list(Post.objects.filter(tags=instance).values_list("pk", flat=True))


@receiver(post_delete, sender=Tag, dispatch_uid="search-index-posts-of-deleted-tag")
def index_posts_of_deleted_tag(sender, instance, **kwargs):
    for post_id in getattr(instance, "posts_to_index", ()):
        index_soon(post_id)


@receiver(post_delete, sender=SearchDocument, dispatch_uid="search-unindex-document")
def unindex_deleted_document(sender, instance, **kwargs):
    if fts.in_use():
        fts.delete([instance.post_id])


@receiver(tags_merged, dispatch_uid="search-index-merged-tags")
def index_posts_of_merged_tags(sender, posts, **kwargs):
    index_posts(posts)
