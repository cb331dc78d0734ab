"""Merging tags: the posts of the merged ones get the tag kept."""

from django.db import transaction
from django.dispatch import Signal
from taggit.models import Tag

from . import revisions
from .models import Post, TaggedPost

# Sent inside the merge's transaction once the posts carry the kept tag, before the merged tags are deleted: apps
# keeping rows that point at a tag (an old blog's addresses) move them to the kept one, apps keeping what a post's
# tags say (search) read them again. Arguments: kept (a Tag), merged (a list of Tags), posts (the re-tagged posts'
# ids).
tags_merged = Signal()


def merge_tags(kept, merged, user=None):
    """Give `kept` to every post carrying one of `merged`, then delete `merged`. Each post re-tagged keeps a
    version with its new tags (restoring the one before brings the old tag back, knowingly)."""
    with transaction.atomic():
        posts = revisions.record_first_of_each(Post.objects.filter(tags__in=merged).distinct())
        for tag in merged:
            has_kept = TaggedPost.objects.filter(tag=kept).values("content_object_id")
            TaggedPost.objects.filter(tag=tag).exclude(content_object_id__in=has_kept).update(tag=kept)
        tags_merged.send(sender=Tag, kept=kept, merged=merged, posts=[post.pk for post in posts])
        Tag.objects.filter(pk__in=[tag.pk for tag in merged]).delete()
        revisions.record_each(posts, user)
