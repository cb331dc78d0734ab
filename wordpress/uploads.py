"""The old blog's files (`wp-content/uploads`): which ones its posts use, and where they are.

An export names files in three ways: attachments (with their alt text and caption),
addresses in the posts (often a resized copy, `photo-300x199.jpg`, of the original
`photo.jpg`), and featured images (`_thumbnail_id`). Each file is known by its path in
the uploads folder, whatever the host it was served from.
"""

import io
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from django.db.models import Q

from blog import markup

from . import wxr
from .models import Upload

UPLOADS = "/wp-content/uploads/"
# WordPress's resized copies: photo-300x199.jpg, photo-scaled.jpg (5.3+), photo.thumbnail.jpg (2.x).
SIZE_SUFFIX = re.compile(r"(?:-\d{1,5}x\d{1,5}|-scaled|\.thumbnail|\.miniature|\.medium)(?=\.[A-Za-z0-9]{1,5}$)")
NOT_IN_ADDRESS = r"""\s"'<>()\[\]\\,"""
ADDRESS = re.compile(
    rf"(?:https?:)?//[^{NOT_IN_ADDRESS}]+|(?:/[^{NOT_IN_ADDRESS}]*?)?/wp-content/uploads/[^{NOT_IN_ADDRESS}]+"
)
EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def same_host(host):
    return host.lower().removeprefix("www.") if host else host


def hosts_of(site, attachment_urls):
    """The old blog's host names (without `www.`), and those its files were served from."""
    addresses = [site.base_blog_url, *attachment_urls]
    return {same_host(urlsplit(a).hostname) for a in addresses if urlsplit(a).hostname}


def upload_path(url, hosts):
    """`2010/05/photo.jpg` for an address of a file in the old blog's uploads, else None.

    An address on another site's host is not the blog's file, even in a `wp-content/uploads` folder.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = same_host(parts.hostname)
    if host and host not in hosts:
        return None
    path = unquote(parts.path)
    if UPLOADS in path:
        path = path.split(UPLOADS, 1)[1]
    elif host and host.endswith(".files.wordpress.com"):
        path = path.lstrip("/")
    else:
        return None
    segments = path.split("/")
    if any(segment in ("", ".", "..") for segment in segments) or "\\" in path or "\0" in path:
        return None
    return path if EXTENSION.search(path) else None


def new_address(request_path):
    """Carnet's address for an old `…/wp-content/uploads/…` one (a resized copy finds its original)."""
    if UPLOADS not in request_path:
        return None
    path = request_path.split(UPLOADS, 1)[1]
    if not path or len(path) > 500:
        return None
    found = {u.path: u for u in Upload.objects.select_related("item").filter(Q(path=path) | Q(key=key_of(path)))}
    upload = found.get(path) or next(iter(found.values()), None)
    return upload.url if upload else None


def key_of(path):
    """The path of the original a resized copy was made from."""
    return SIZE_SUFFIX.sub("", path)


def absolute(url, base):
    """`url` with the scheme and host of `base` (the blog's address) when it has none."""
    if url.startswith("//"):
        return f"{urlsplit(base).scheme or 'https'}:{url}"
    if not urlsplit(url).netloc:
        parts = urlsplit(base)
        return f"{parts.scheme}://{parts.netloc}{url}"
    return url


def url_for(reference, path):
    """The address of `path` next to `reference`, the address of another file of the same folder."""
    parts = urlsplit(reference)
    before = parts.path.split(UPLOADS, 1)[0] + UPLOADS if UPLOADS in parts.path else "/"
    return f"{parts.scheme}://{parts.netloc}{before}{quote(path)}"


@dataclass
class Wanted:
    """One file of the old blog, as the export describes it and as the posts use it."""

    key: str
    paths: list[str] = field(default_factory=list)  # where it may lie: the original first, copies after
    urls: dict[str, str] = field(default_factory=dict)  # path → an address to fetch it from
    attachment_id: int = 0
    alt: str = ""
    caption: str = ""
    title: str = ""
    creator: str = ""
    posts: list[str] = field(default_factory=list)

    def add(self, path, url, first=False):
        if path not in self.paths:
            self.paths.insert(0, path) if first else self.paths.append(path)
        self.urls.setdefault(path, url)

    def candidates(self):
        """(path, address) to fetch, the original first."""
        return [(path, self.urls[path]) for path in self.paths if path in self.urls]

    @property
    def name(self):
        return posixpath.basename(self.paths[0])


def collect(data):
    """Read the export once: its `Site`, and {key: Wanted} for every file it names.

    Raises wxr.WXRError, as the import would, before anything is stored.
    """
    site, attachments, references = wxr.Site(), [], []
    for entry in wxr.read(io.BytesIO(data)):
        if isinstance(entry, wxr.Site):
            site = entry
        elif entry.type == "attachment":
            attachments.append(entry)
        elif entry.type not in ("revision", "nav_menu_item") and entry.status not in ("trash", "auto-draft"):
            post = (markup.plain_text(entry.title) or entry.slug or str(entry.id), entry.creator)
            references.extend((url, post) for url in ADDRESS.findall(entry.content))
            thumbnail = wxr.to_int(entry.meta.get("_thumbnail_id"))
            if thumbnail:
                references.append((thumbnail, post))
    hosts = hosts_of(site, [a.attachment_url or a.link for a in attachments])
    wanted, by_id = {}, {}
    found = [(a, upload_path(a.attachment_url, hosts)) for a in attachments if a.attachment_url]
    # Originals first: an upload really named `photo-150x150.jpg` keeps its own key once `photo.jpg` has it.
    found = sorted(((a, path) for a, path in found if path), key=lambda pair: key_of(pair[1]) != pair[1])
    for attachment, path in found:
        key = key_of(path)
        if key in wanted and wanted[key].attachment_id and path not in wanted[key].paths:
            key = path
        file = wanted.setdefault(key, Wanted(key))
        file.add(path, attachment.attachment_url, first=True)
        file.attachment_id = file.attachment_id or attachment.id
        file.alt = file.alt or attachment.meta.get("_wp_attachment_image_alt", "").strip()[:500]
        file.caption = file.caption or markup.plain_text(attachment.excerpt).strip()[:500]
        file.title = file.title or markup.plain_text(attachment.title).strip()
        file.creator = file.creator or attachment.creator
        by_id[attachment.id] = file
    attached = {path: file for file in wanted.values() for path in file.paths}
    for reference, (title, creator) in references:
        if isinstance(reference, int):
            file = by_id.get(reference)
        else:
            path = upload_path(reference, hosts)
            if path is None:
                continue
            reference = absolute(reference, site.base_blog_url)
            file = attached.get(path) or wanted.setdefault(key_of(path), Wanted(key_of(path)))
            file.add(path, reference)
            if file.key not in file.paths:
                file.add(file.key, url_for(reference, file.key))
        if file is not None and title not in file.posts:
            file.posts.append(title)
            file.creator = file.creator or creator
    for file in wanted.values():  # the original before its resized copies, when no attachment said it
        if file.key in file.paths and not file.attachment_id:
            file.paths.remove(file.key)
            file.paths.insert(0, file.key)
    return site, hosts, wanted
