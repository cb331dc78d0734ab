"""Galleries, audio and video of the blog's own files.

`[gallery]` lists no pictures: WordPress showed the attachments of the post (or those
of `ids="…"`), which the export carries as items of their own. Each becomes a figure
with its caption. `[audio]`, `[video]` and `[playlist]` become players the browser
plays itself, with a link to the file for those that cannot.
"""

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .shortcodes import attributes, pattern

GALLERY = pattern(["gallery"])
PLAYER = pattern(["audio", "video"])
PLAYLIST = pattern(["playlist"])
EMPTY_GALLERY_BLOCK = re.compile(r"<!--\s*wp:gallery\s+(\{.*?\})\s*/?-->(.*?)(?:<!--\s*/wp:gallery\s*-->|$)", re.DOTALL)
SOURCES = {
    "audio": ("src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac"),
    "video": ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov"),
}
URL = re.compile(r"^(?:https?:)?//|^/", re.IGNORECASE)


@dataclass
class Attachment:
    """A file of the old blog, as the export describes it."""

    id: int
    parent_id: int = 0
    url: str = ""
    title: str = ""
    caption: str = ""
    alt: str = ""
    order: int = 0


def attribute(value):
    return html.escape(value, quote=True)


def figure(picture, link=True):
    url = attribute(picture.url)
    image = f'<img src="{url}" alt="{attribute(picture.alt or picture.title)}">'
    if link:
        image = f'<a href="{url}">{image}</a>'
    caption = f"<figcaption>{picture.caption.strip()}</figcaption>" if picture.caption.strip() else ""
    return f"<figure>{image}{caption}</figure>"


def pictures_of(values, post_id, attachments, children):
    """The attachments a gallery shows, in its order; and the ids it names that the export lacks."""
    ids = [int(i) for i in re.findall(r"\d+", values.get("ids") or values.get("include") or "")]
    if ids:
        return [attachments[i] for i in ids if i in attachments], [i for i in ids if i not in attachments]
    parent = int(values["id"]) if str(values.get("id", "")).isdigit() else post_id
    excluded = {int(i) for i in re.findall(r"\d+", values.get("exclude", ""))}
    found = [a for a in children.get(parent, []) if a.id not in excluded]
    order = (values.get("orderby") or "menu_order").lower()
    if order == "title":
        found.sort(key=lambda a: a.title.casefold())
    elif order == "id":
        found.sort(key=lambda a: a.id)
    else:  # menu_order, and `rand`: a stable order is kinder than a random one that never changes again
        found.sort(key=lambda a: (a.order, a.id))
    if (values.get("order") or "").upper() == "DESC":
        found.reverse()
    return found, []


def gallery_html(pictures, values):
    link = (values.get("link") or "").lower() != "none"
    return '<figure class="gallery">' + "".join(figure(p, link) for p in pictures) + "</figure>"


def file_player(kind, values, content=""):
    """`<audio>`/`<video>` for the first file the shortcode names, with a link to it."""
    url = next((values[key] for key in SOURCES[kind] if values.get(key)), "") or content.strip()
    url = url or next((v for k, v in values.items() if isinstance(k, int) and URL.match(v)), "")
    if not URL.match(url):
        return ""
    src = attribute(url)
    poster = values.get("poster", "") if kind == "video" else ""
    poster = f' poster="{attribute(poster)}"' if URL.match(poster) else ""
    name = html.escape(unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url)
    return (
        f'<figure><{kind} controls preload="none" src="{src}"{poster}></{kind}>'
        f'<figcaption><a href="{src}">{name}</a></figcaption></figure>'
    )


class Media:
    """Converts the galleries and players of one post; says what it could not find."""

    def __init__(self, post_id, attachments, children, counts, missing):
        self.post_id, self.attachments, self.children = post_id, attachments, children
        self.counts, self.missing = counts, missing

    def gallery(self, values):
        pictures, absent = pictures_of(values, self.post_id, self.attachments, self.children)
        self.missing.extend(absent)
        if not pictures:
            self.counts["gallery-empty"] += 1
            return ""
        self.counts["gallery"] += 1
        return gallery_html(pictures, values)

    def gallery_block(self, match, held):
        inner = match.group(2)
        if "<img" in inner:
            return match.group(0)
        try:
            settings = json.loads(match.group(1))
        except ValueError:
            settings = {}
        ids = ",".join(str(i) for i in settings.get("ids", []) if str(i).isdigit())
        piece = self.gallery({"ids": ids, "link": "none" if settings.get("linkTo") == "none" else "file"})
        return held.block(piece) if piece else ""

    def player(self, match):
        kind = match.group(1).lower()
        piece = file_player(kind, attributes(match.group(2)), match.group(3) or "")
        self.counts[kind if piece else f"{kind}-empty"] += 1
        return piece

    def playlist(self, values):
        kind = "video" if values.get("type") == "video" else "audio"
        ids = [int(i) for i in re.findall(r"\d+", values.get("ids", ""))]
        files = [self.attachments[i] for i in ids if i in self.attachments] or self.children.get(self.post_id, [])
        self.missing.extend(i for i in ids if i not in self.attachments)
        players = [file_player(kind, {"src": a.url}) for a in files]
        self.counts["playlist" if players else "playlist-empty"] += 1
        return "".join(players)

    def convert(self, text, held):
        text = EMPTY_GALLERY_BLOCK.sub(lambda m: self.gallery_block(m, held), text)
        text = GALLERY.sub(lambda m: held.block(self.gallery(attributes(m.group(2)))), text)
        text = PLAYLIST.sub(lambda m: held.block(self.playlist(attributes(m.group(2)))), text)
        return PLAYER.sub(lambda m: held.block(self.player(m)), text)
