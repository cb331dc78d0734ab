"""Merging tags: the posts of the merged ones get the tag kept."""

from django.db import transaction
from django.dispatch import Signal
from taggit.models import Tag

from .models import TaggedPost

# Sent inside the merge's transaction, before the merged tags are deleted: apps keeping rows that point at a tag
# (an old blog's addresses) move them to the kept one. Arguments: kept (a Tag), merged (a list of Tags).
tags_merged = Signal()


def merge_tags(kept, merged):
    """Give `kept` to every post carrying one of `merged`, then delete `merged`."""
    with transaction.atomic():
        for tag in merged:
            has_kept = TaggedPost.objects.filter(tag=kept).values("content_object_id")
            TaggedPost.objects.filter(tag=tag).exclude(content_object_id__in=has_kept).update(tag=kept)
        tags_merged.send(sender=Tag, kept=kept, merged=merged)
        Tag.objects.filter(pk__in=[tag.pk for tag in merged]).delete()
