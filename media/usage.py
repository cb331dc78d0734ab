"""Which posts show which media items, read from their bodies."""

import re

from .models import MediaItem, MediaUsage, name_from_url

# The address in ![alt](address "title") or [text](address), or in src="address" / href="address" (imported HTML).
LINKED = re.compile(r"""!?\[(?P<label>(?:\\.|[^\]\\])*)\]\(\s*<?(?P<url>[^)\s>]+)|(?:src|href)=["'](?P<attr>[^"']+)""")


def references(body):
    """(label, address) of every link and picture in `body`; label is None in HTML."""
    return [(m["label"], m["url"] or m["attr"]) for m in LINKED.finditer(body or "")]


def items_in(body):
    return MediaItem.objects.for_urls([url for _label, url in references(body)])


def record(sender, instance, created=False, raw=False, **kwargs):
    """post_save of a Post: remember the media items its body shows."""
    if raw:
        return
    items = list(items_in(instance.body).values_list("pk", flat=True))
    if created:
        MediaUsage.objects.bulk_create([MediaUsage(item_id=pk, post=instance) for pk in items])
        return
    MediaUsage.objects.filter(post=instance).exclude(item__in=items).delete()
    known = set(MediaUsage.objects.filter(post=instance).values_list("item", flat=True))
    MediaUsage.objects.bulk_create([MediaUsage(item_id=pk, post=instance) for pk in items if pk not in known])


def pictures_missing_alt_text(body):
    """Pictures of the library in `body` with no alt text, neither in the Markdown nor in the library."""
    refs = references(body)
    by_name = {item.file.name: item for item in items_in(body)}
    missing = []
    for label, url in refs:
        item = by_name.get(name_from_url(url))
        if item and item.needs_alt_text and not (label or "").strip() and item not in missing:
            missing.append(item)
    return missing
