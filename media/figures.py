"""A picture from the media library, written `![alt](url "caption")` in Markdown, becomes a responsive figure."""

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from django.conf import settings
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from blog.markup import ALIGNMENTS

from .models import MediaItem, name_from_url

FORMAT_TYPES = {"avif": "image/avif", "webp": "image/webp"}


IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


class FigureExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline processor (20) has made the <img> elements, before unescaping (0).
        md.treeprocessors.register(FigureProcessor(md), "media_figures", 15)


class FigureProcessor(Treeprocessor):
    def run(self, root):
        images = list(root.iter("img"))
        if not images:
            return
        items = {item.file.name: item for item in MediaItem.objects.for_urls([img.get("src") for img in images])}
        parents = {child: parent for parent in root.iter() for child in parent}
        first = True
        for img in images:
            item = items.get(name_from_url(img.get("src")))
            if item is None or not item.is_image:
                continue
            alt = img.get("alt") or item.alt_text
            caption = img.get("title") or item.caption
            picture = build_picture(item, alt, lazy=not first)
            first = False
            parent = parents.get(img)
            if is_alone_in_paragraph(img, parent):
                tail = parent.tail
                parent.clear()
                parent.tag, parent.tail = "figure", tail
                parent.append(picture)
                add_caption(parent, caption, item.credit)
            else:  # inside a sentence or a link: the responsive picture without the figure
                index = list(parent).index(img)
                picture.tail = img.tail
                parent.remove(img)
                parent.insert(index, picture)


def is_alone_in_paragraph(img, parent):
    return (
        parent is not None
        and parent.tag == "p"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (img.tail or "").strip()
    )


def build_picture(item, alt, lazy):
    """<picture>: a <source> per modern format, then the <img> in the original's format (made last)."""
    picture = etree.Element("picture")
    srcsets = item.srcsets()
    sizes = settings.MEDIA_IMAGE_SIZES
    fallback_format = item.renditions[-1]["format"] if item.renditions else None
    for fmt, mime in FORMAT_TYPES.items():
        if fmt in srcsets and fmt != fallback_format:
            etree.SubElement(picture, "source", {"type": mime, "srcset": srcsets[fmt], "sizes": sizes})
    img = etree.SubElement(picture, "img", {"alt": alt})
    if fallback_format:
        largest = max((r for r in item.renditions if r["format"] == fallback_format), key=lambda r: r["width"])
        img.set("src", item.rendition_url(largest))
        img.set("srcset", srcsets[fallback_format])
        img.set("sizes", sizes)
        img.set("width", str(largest["width"]))
        img.set("height", str(largest["height"]))
    else:  # an animated GIF is shown as it was uploaded
        img.set("src", item.url)
        img.set("width", str(item.width))
        img.set("height", str(item.height))
    if lazy:
        img.set("loading", "lazy")
    img.set("decoding", "async")
    return picture


def add_caption(figure, caption, credit):
    if not (caption or credit):
        return
    figcaption = etree.SubElement(figure, "figcaption")
    figcaption.text = f"{caption} " if caption and credit else caption or None
    if credit:
        etree.SubElement(figcaption, "small").text = credit


class TagAttributes(HTMLParser):
    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.attributes = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def responsive_images(html):
    """In a body written in HTML (an imported post), library pictures' <img> become responsive <picture>s."""
    tags = [(match, TagAttributes(match.group()).attributes) for match in IMG_TAG.finditer(html)]
    if not tags:
        return html
    items = {item.file.name: item for item in MediaItem.objects.for_urls([attrs.get("src") for _m, attrs in tags])}
    parts, position, first = [], 0, True
    for match, attrs in tags:
        item = items.get(name_from_url(attrs.get("src")))
        if item is None or not item.is_image:
            continue
        picture = build_picture(item, attrs.get("alt") or item.alt_text, lazy=not first)
        alignment = " ".join(name for name in attrs.get("class", "").split() if name in ALIGNMENTS)
        if alignment:  # where WordPress placed it
            picture.set("class", alignment)
        first = False
        parts += [html[position : match.start()], etree.tostring(picture, encoding="unicode", method="html")]
        position = match.end()
    return "".join([*parts, html[position:]])
