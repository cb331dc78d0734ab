"""One WordPress blog moves into a Carnet.

A second import finds what the first stored by WordPress id, old address and upload path. Another
blog's export has the same ids and paths for different posts: imported over the first, it would replace
them. So the first import remembers the blog's address, and an export of another blog is refused.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from .models import ImportedBlog


class OtherBlog(Exception):
    """The export is of another blog than the one already imported."""


def address(url):
    """ "https://www.Example.org/blog/" → "example.org/blog": the same blog over http or https, with or without www."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


def check(site):
    """Raise OtherBlog if `site` (the export's header) is not the blog already imported."""
    own = address(site.base_blog_url)
    other = ImportedBlog.objects.exclude(address=own).first() if own else None
    if other:
        raise OtherBlog(
            _(
                "This export is of %(new)s, and Carnet already holds the blog of %(old)s. The two blogs’ WordPress "
                "ids and old addresses overlap: this export’s posts would replace those of %(old)s. If it is the "
                "same blog at a new address, delete %(old)s under “Imported blogs” in the admin, then import again."
            )
            % {"new": site.base_blog_url, "old": other.url}
        )


def remember(site):
    if own := address(site.base_blog_url):
        ImportedBlog.objects.update_or_create(address=own, defaults={"url": site.base_blog_url})
