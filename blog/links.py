"""Full addresses for what leaves the site (feeds, e-mails, canonical links, structured data)."""

from django.conf import settings


def absolute_url(path):
    """`path`, as reverse() or get_absolute_url() gives it, on SITE_URL whatever host the request came to."""
    return settings.SITE_URL + path
