"""A tag typed again finds itself: « Été » is « été », « l'art » is « l’art »."""

import unicodedata

from django.utils.text import slugify
from taggit.managers import _TaggableManager

from blog.slugs import APOSTROPHES


def same_tag(name):
    """What two names of one tag share: capitals and apostrophes aside, accents kept (« pêche » is not « péché »)."""
    return APOSTROPHES.sub("'", unicodedata.normalize("NFC", name)).casefold()


class TagNames(_TaggableManager):
    """A post's tags, each name typed matched to the tag already written with other capitals or apostrophes.

    django-taggit's TAGGIT_CASE_INSENSITIVE asks the database, and SQLite compares only ASCII letters without case:
    « ZÜRICH » made a tag beside « Zürich », at /tag/zürich_1/. Such names share their slug, which finds them.
    """

    def _to_tag_model_instances(self, tags, tag_kwargs):
        names = [tag for tag in tags if isinstance(tag, str)]
        if names:
            slugs = {slugify(name, allow_unicode=True) for name in names}
            known = {}
            for tag in self.through.tag_model().objects.filter(slug__in=slugs, **tag_kwargs).order_by("pk"):
                known.setdefault(same_tag(tag.name), tag)
            for name in names:  # a new tag is named as it is first written
                known.setdefault(same_tag(name), name)
            tags = [known[same_tag(tag)] if isinstance(tag, str) else tag for tag in tags]
        return super()._to_tag_model_instances(tags, tag_kwargs)
