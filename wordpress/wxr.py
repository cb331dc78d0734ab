"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) one item at a time.

`iterparse` hands over each `<item>` once it is complete; it is turned into plain
dataclasses and its elements are freed, so memory stays flat whatever the file size.
"""

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext as _

VERSION = re.compile(r"^\d+\.\d+$")


class WXRError(Exception):
    """The file cannot be read as a WordPress export."""


@dataclass
class Author:
    id: str = ""
    login: str = ""
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    domain: str
    slug: str
    name: str
    id: int = 0
    parent: str = ""


@dataclass
class Comment:
    id: int
    parent_id: int = 0
    user_id: int = 0
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""


@dataclass
class Item:
    id: int
    type: str = "post"
    title: str = ""
    link: str = ""
    slug: str = ""
    status: str = ""
    date: str = ""
    date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    comment_status: str = "open"
    password: str = ""
    parent_id: int = 0
    menu_order: int = 0
    attachment_url: str = ""
    excerpt: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    old_slugs: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


@dataclass
class Site:
    """What the channel says about the blog before its items."""

    version: str = ""
    base_blog_url: str = ""
    language: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)


@cache
def local_name(tag):
    """`{http://wordpress.org/export/1.2/}post_id` → `wp:post_id` (whatever the WXR version)."""
    if not tag.startswith("{"):
        return tag
    namespace, name = tag[1:].split("}", 1)
    namespace = namespace.split("://", 1)[-1]
    if namespace.startswith("wordpress.org/export/"):
        return f"excerpt:{name}" if namespace.rstrip("/").endswith("excerpt") else f"wp:{name}"
    if namespace.startswith("purl.org/rss/1.0/modules/content"):
        return f"content:{name}"
    if namespace.startswith("purl.org/dc/elements"):
        return f"dc:{name}"
    return name


def children(element):
    return {local_name(child.tag): (child.text or "") for child in element}


def read_author(element):
    values = children(element)
    return Author(
        id=values.get("wp:author_id", "").strip(),
        login=values.get("wp:author_login", "").strip(),
        email=values.get("wp:author_email", "").strip(),
        display_name=html.unescape(values.get("wp:author_display_name", "")).strip(),
        first_name=html.unescape(values.get("wp:author_first_name", "")).strip(),
        last_name=html.unescape(values.get("wp:author_last_name", "")).strip(),
    )


def read_comment(element):
    values = children(element)
    return Comment(
        id=to_int(values.get("wp:comment_id")),
        parent_id=to_int(values.get("wp:comment_parent")),
        user_id=to_int(values.get("wp:comment_user_id")),
        author=html.unescape(values.get("wp:comment_author", "")).strip(),
        email=values.get("wp:comment_author_email", "").strip(),
        url=values.get("wp:comment_author_url", "").strip(),
        ip=values.get("wp:comment_author_IP", "").strip(),
        date=values.get("wp:comment_date", "").strip(),
        date_gmt=values.get("wp:comment_date_gmt", "").strip(),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", "1").strip(),
        type=values.get("wp:comment_type", "").strip(),
    )


def read_item(element):
    item = Item(id=0)
    for child in element:
        name, text = local_name(child.tag), child.text or ""
        if name == "category":
            item.terms.append(Term(child.get("domain", "category"), child.get("nicename", ""), term_name(text)))
        elif name == "wp:postmeta":
            meta = children(child)
            key, value = meta.get("wp:meta_key", ""), meta.get("wp:meta_value", "")
            if key == "_wp_old_slug":
                item.old_slugs.append(value.strip())
            else:
                item.meta.setdefault(key, value)
        elif name == "wp:comment":
            item.comments.append(read_comment(child))
        elif name in ITEM_FIELDS:
            setattr(item, ITEM_FIELDS[name], text if name in RAW_FIELDS else text.strip())
    item.id, item.parent_id, item.menu_order = to_int(item.id), to_int(item.parent_id), to_int(item.menu_order)
    return item


def term_name(text):
    """WordPress stores category and tag names HTML-escaped ("Tom &amp; Jerry"); Carnet keeps text."""
    return html.unescape(text or "").strip()


def read_term(element):
    """A `<wp:category>` or `<wp:tag>` of the channel, with the id `?cat=ID` links use."""
    values = children(element)
    if local_name(element.tag) == "wp:category":
        slug, name, domain = values.get("wp:category_nicename"), values.get("wp:cat_name"), "category"
    else:
        slug, name, domain = values.get("wp:tag_slug"), values.get("wp:tag_name"), "post_tag"
    return Term(
        domain,
        (slug or "").strip(),
        term_name(name),
        id=to_int(values.get("wp:term_id")),
        parent=values.get("wp:category_parent", "").strip(),
    )


ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "pubDate": "pub_date",
    "dc:creator": "creator",
    "content:encoded": "content",
    "wp:post_id": "id",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "wp:post_modified": "modified",
    "wp:post_modified_gmt": "modified_gmt",
    "wp:comment_status": "comment_status",
    "wp:post_name": "slug",
    "wp:status": "status",
    "wp:post_type": "type",
    "wp:post_password": "password",
    "wp:post_parent": "parent_id",
    "wp:menu_order": "menu_order",
    "wp:attachment_url": "attachment_url",
    "excerpt:encoded": "excerpt",
}
RAW_FIELDS = {"content:encoded", "excerpt:encoded"}


def to_int(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 0


def read(source):
    """Yield the `Site` once its header is read, then every `Item`.

    Raises WXRError naming the line for a file that is not well-formed XML or not a
    WordPress export.
    """
    site = Site()
    site_sent = False
    channel = None
    # Expat (≥ 2.4, as bundled) refuses entity amplification and never fetches external entities.
    events = ET.iterparse(source, events=("start", "end"))  # noqa: S314
    depth = 0
    try:
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise WXRError(_("This is not a WordPress export: it does not start with <rss>."))
                if depth == 2 and local_name(element.tag) == "channel":
                    channel = element
                continue
            depth -= 1
            name = local_name(element.tag)
            if depth != 2 or channel is None:
                if depth == 0 and channel is None:
                    raise WXRError(_("This is not a WordPress export: it has no <channel>."))
                continue
            if name == "wp:wxr_version":
                site.version = (element.text or "").strip()
            elif name == "language":
                site.language = (element.text or "").strip()
            elif name == "wp:base_blog_url":
                site.base_blog_url = (element.text or "").strip()
            elif name == "wp:author":
                author = read_author(element)
                site.authors[author.login] = author
            elif name in ("wp:category", "wp:tag"):
                site.terms.append(read_term(element))
            elif name == "item":
                if not site_sent:
                    check_version(site)
                    site_sent = True
                    yield site
                yield read_item(element)
                channel.clear()
    except ET.ParseError as error:
        line, column = error.position
        raise WXRError(
            _("The file is not well-formed XML at line %(line)s, column %(column)s: %(error)s")
            % {"line": line, "column": column, "error": str(error).split(":")[0]}
        ) from error
    if not site_sent:
        check_version(site)
        yield site


def check_version(site):
    if not site.version:
        raise WXRError(_("This is not a WordPress export: the WXR version number (<wp:wxr_version>) is missing."))
    if not VERSION.match(site.version):
        raise WXRError(
            _("This is not a WordPress export: “%(version)s” is not a WXR version number.") % {"version": site.version}
        )
