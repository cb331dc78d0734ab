"""A republished column's description serves as a piece's summary where it has none (`Post.summaries()`)."""

from django.db.models import Exists, OuterRef

from .models import Column


def lent_by_column():
    """Posts whose column has a description in a language other than the post's own."""
    descriptions = (
        Column.translations.field.model.objects.filter(master__republications__post=OuterRef("pk"))
        .exclude(language_code=OuterRef("language"))
        .exclude(description="")
    )
    return Exists(descriptions)
