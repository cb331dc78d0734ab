"""Adding files to the media library: the one way in, for the admin, the body editor and the importer."""

import hashlib
import posixpath

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import metadata, renditions, validation
from .models import MediaItem

STORAGE_FAILED = _("The file could not be stored; nothing was kept. Try again.")


def create_from_file(file, name, *, alt="", caption="", credit="", uploaded_by, renditions_later=False):
    """Check `file` (any file object; `name` is the author's file name), store it and its renditions.

    Returns the saved MediaItem. Raises django.core.exceptions.ValidationError with a message in the
    active language if the file is refused; then nothing is stored. With `renditions_later` (an import
    of thousands of pictures), the picture is shown as it is until `add_renditions` has run.
    """
    file = file if isinstance(file, File) else File(file, name=name)
    inspection = validation.inspect(file, name)
    kept = ContentFile(kept_bytes(file, inspection))
    stem = posixpath.join(timezone.now().strftime("%Y/%m"), slugify(name.rsplit(".", 1)[0])[:80] or "file")
    stored = []
    try:
        original = default_storage.save(f"{stem}.{inspection.extension}", kept)
        stored.append(original)
        made = []
        if inspection.kind == "image" and not renditions_later:
            made = renditions.make(file, inspection, original.rsplit(".", 1)[0], default_storage)
            stored.extend(r["name"] for r in made)
        with transaction.atomic():
            return MediaItem.objects.create(
                file=original,
                original_name=name[:255],
                kind=inspection.kind,
                content_type=inspection.content_type,
                size=kept.size,
                width=inspection.width,
                height=inspection.height,
                checksum=sha256(kept),
                renditions=made,
                alt_text=alt,
                caption=caption,
                credit=credit,
                uploaded_by=uploaded_by,
            )
    except BaseException:
        for stored_name in stored:
            default_storage.delete(stored_name)
        raise


def kept_bytes(file, inspection):
    """What the library keeps of an upload: a picture without the place it was taken, its camera's serial number
    or any other metadata (media.metadata), its pixels untouched; any other file as it came."""
    file.seek(0)
    data = file.read()
    return metadata.without_metadata(data, inspection.format) if inspection.kind == "image" else data


def add_renditions(item):
    """Make the renditions of a picture stored without them, then show them in its posts."""
    if item.renditions or not item.is_image:
        return
    with default_storage.open(item.file.name, "rb") as file:
        inspection = validation.inspect(file, item.file.name)
        made = renditions.make(file, inspection, item.file.name.rsplit(".", 1)[0], default_storage)
    if made:
        item.renditions = made
        MediaItem.objects.filter(pk=item.pk).update(renditions=made)
        refresh_posts(item)


def refresh_posts(item):
    """Render again the posts showing `item`, so that its new alt text, caption or credit reach readers."""
    from blog.models import Post

    for post in Post.objects.filter(pk__in=item.usages.values("post")):
        post.render()
        Post.objects.filter(pk=post.pk).update(body_html=post.body_html, excerpt_html=post.excerpt_html)


def delete_files(item):
    """Remove an item's original and renditions from storage, once the deletion is committed."""
    names = item.stored_names()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names])


def sha256(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    return digest.hexdigest()
