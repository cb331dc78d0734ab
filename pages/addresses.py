"""Which page addresses Carnet's own routes already answer: a page there would never be seen."""

import re

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404


def is_carnet_address(path):
    """Whether `/path/` (a page's path, without slashes around it) is, or sits under, one of Carnet's addresses.

    A page at `/search/`, `/2024/` or `/tags/` would be shadowed, and one at `/columns/` would
    shadow nothing today but hide every address that app may add under it. A segment such as
    `feed` or `2` is kept for the old blog's addresses (pages.urls).
    """
    from .urls import PAGE_PATH

    if path.split("/", 1)[0] in first_segments() or not re.fullmatch(PAGE_PATH, f"{path}/"):
        return True
    try:
        match = resolve(f"/{path}/")
    except Resolver404:
        return False
    return match.namespace != "pages"


def first_segments():
    """The fixed first segment of every route of the site (`admin`, `columns`, `tags`…), and static and media."""
    found = {prefix.strip("/").split("/", 1)[0] for prefix in (settings.STATIC_URL, settings.MEDIA_URL)}
    _collect(get_resolver().url_patterns, found)
    return found - {""}


def _collect(patterns, found):
    for pattern in patterns:
        route = str(pattern.pattern).lstrip("^")
        first = route.split("/", 1)[0]
        if isinstance(pattern, URLResolver) and not route:
            _collect(pattern.url_patterns, found)
        elif isinstance(pattern, URLPattern | URLResolver) and "<" not in first and "(" not in first:
            found.add(first.rstrip("$"))
