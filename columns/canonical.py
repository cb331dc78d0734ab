"""Which address search engines should index for a republished column: the original while it lives."""

from django.db.models import Q

from .models import OriginalStatus

# While the magazine's page stands (or has only moved, or was never checked), the blog copy
# names it as canonical, so the copy stays out of the sitemap. Once it is gone, the copy is
# the canonical text.
ORIGINAL_IS_CANONICAL = [OriginalStatus.UNKNOWN, OriginalStatus.ONLINE, OriginalStatus.MOVED]
CANONICAL_ELSEWHERE = Q(republication__original_status__in=ORIGINAL_IS_CANONICAL)


def canonical_url(post):
    """The original's address for a republished column, None for any other post."""
    republication = getattr(post, "republication", None)  # the reverse one-to-one raises an AttributeError
    return republication.canonical_url() if republication else None
