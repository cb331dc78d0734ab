"""Full addresses for what leaves the site (feeds, e-mails, canonical links, structured data)."""

from urllib.parse import unquote

from django.conf import settings


def absolute_url(path):
    """`path`, as reverse() or get_absolute_url() gives it, on SITE_URL whatever host the request came to."""
    return settings.SITE_URL + path


def same_address(path, url):
    """Whether a request's path (decoded) and a URL from reverse() (percent-encoded) name the same page.

    Comparing them as they come makes every accented address differ from itself, and a
    redirect to the canonical address then loops forever.
    """
    return unquote(path) == unquote(url)
