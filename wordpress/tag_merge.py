"""When the author merges tags (blog.tag_merge), the old addresses of the merged ones lead to the tag kept."""

from urllib.parse import unquote

from django.urls import reverse

from .models import Redirect


def follow_merged_tags(sender, kept, merged, **kwargs):
    """The old blog's category and tag addresses move to `kept` (they would go with the deleted tag), and so
    does each merged tag's own Carnet address, `/tag/<slug>/`, which readers and search engines know."""
    Redirect.objects.filter(tag__in=merged).update(tag=kept)
    for tag in merged:
        Redirect.objects.update_or_create(
            old_path=unquote(reverse("blog:tag-detail", args=[tag.slug])),
            defaults={"tag": kept, "post": None, "page": None, "target": ""},
        )
