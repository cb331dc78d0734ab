"""Background work of the media library."""

from django_tasks import task

from . import services
from .models import MediaItem


@task()
def add_renditions(item_id):
    """The renditions of a picture imported without them (see services.create_from_file)."""
    item = MediaItem.objects.filter(pk=item_id).first()
    if item is not None:
        services.add_renditions(item)
