"""The old blog's file addresses in a post become those of Carnet's copies.

`src`, `srcset`, `href` (the link to the full-size file) and `poster` are rewritten;
a resized copy (`photo-300x199.jpg`) leads to the same copy as its original. Carnet's
media library then shows a library picture as a responsive `<picture>` of its own
renditions, so the old `srcset` only needs to point somewhere that exists.
"""

import html
import re
from dataclasses import dataclass

from ..models import Upload
from ..uploads import key_of, upload_path

ATTRIBUTE = re.compile(r"""\b(src|href|poster|srcset)(\s*=\s*)(["'])(.*?)\3""", re.IGNORECASE | re.DOTALL)
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


@dataclass
class Rewritten:
    html: str
    pictures: int = 0  # <img> now showing Carnet's copy
    links: int = 0  # other addresses (links, players, srcset) now leading to it


class Addresses:
    """Where Carnet keeps each file of the old blog, read once from the stored `Upload`s."""

    def __init__(self):
        self.by_path, self.by_key, self.by_id = {}, {}, {}
        for upload in Upload.objects.select_related("item").order_by("pk"):
            self.by_path[upload.path] = upload.url
            self.by_key.setdefault(upload.key, upload.url)
            if upload.wordpress_id and upload.item_id and upload.item.is_image:
                self.by_id[upload.wordpress_id] = upload.url

    def __bool__(self):
        return bool(self.by_path)

    def new_url(self, address, hosts):
        path = upload_path(html.unescape(address), hosts)
        if path is None:
            return None
        return self.by_path.get(path) or self.by_key.get(key_of(path))

    def rewrite(self, body, hosts, thumbnail_id=0):
        """`body` with Carnet's addresses; the featured image (`thumbnail_id`) shown first if it is not already."""
        result = Rewritten(body)
        if not self:
            return result
        result.html = IMAGE.sub(lambda m: self.rewrite_tag(m.group(0), hosts, result, picture=True), body)
        result.html = re.sub(
            r"<(?!img\b)[a-z][^>]*>",
            lambda m: self.rewrite_tag(m.group(0), hosts, result, picture=False),
            result.html,
            flags=re.IGNORECASE,
        )
        featured = self.by_id.get(thumbnail_id)
        if featured and featured not in result.html:
            result.html = f'<figure><img src="{html.escape(featured)}" alt=""></figure>\n{result.html}'
            result.pictures += 1
        return result

    def rewrite_tag(self, tag, hosts, result, picture):
        def attribute(match):
            name, equals, quote, value = match.groups()
            if name.lower() == "srcset":
                new = ", ".join(self.srcset_entry(entry, hosts, result) for entry in value.split(","))
            else:
                new_url = self.new_url(value, hosts)
                new = html.escape(new_url) if new_url else value
                if new_url and picture and name.lower() == "src":
                    result.pictures += 1
                elif new_url:
                    result.links += 1
            return f"{name}{equals}{quote}{new}{quote}"

        return ATTRIBUTE.sub(attribute, tag)

    def srcset_entry(self, entry, hosts, result):
        address, _space, descriptor = entry.strip().partition(" ")
        new_url = self.new_url(address, hosts)
        if not new_url:
            return entry.strip()
        result.links += 1
        return f"{html.escape(new_url)} {descriptor}".strip()
