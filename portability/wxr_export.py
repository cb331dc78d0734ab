"""Writing the site as a WordPress export (WXR 1.2) that WordPress's importer, and Carnet's, read.

Posts and pages carry their rendered HTML (what WordPress shows), their language and summaries in
the Basic Bilingual plugin's meta, their tags, old slugs and comments with their threads;
a republished column carries the notice "COLUMN: cet article a été initialement publié
dans PUBLICATION (voir l'original)" that the importer recognises. Pages keep their parent
and order. Media items become attachments whose files WordPress downloads from this site.
"""

import datetime
import html
import os
import re
import tempfile
from email.utils import format_datetime
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db.models import Min
from django.utils import timezone
from taggit.models import Tag

from blog.links import absolute_url
from blog.models import OldSlug, Post, PostStatus
from comments.models import Comment, CommentStatus
from media.models import MediaItem, MediaUsage
from pages.models import Page

NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
COMMENT_APPROVED = {
    CommentStatus.APPROVED: "1",
    CommentStatus.PENDING: "0",
    CommentStatus.SPAM: "spam",
    CommentStatus.REMOVED: "trash",
}
# Characters XML 1.0 cannot carry, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NEEDS_CDATA = re.compile("[&<>\n]")
PICTURE = re.compile(r"<picture>(.*?)</picture>", re.DOTALL)
ATTRIBUTE = re.compile(r'\b(src|alt)="([^"]*)"')
LOCAL_LINK = re.compile(r'\b(src|href)="(/(?!/)[^"]*)"')
NO_DATE = "0000-00-00 00:00:00"  # WordPress's way of writing a draft's missing date
NO_PUB_DATE = "Mon, 30 Nov -0001 00:00:00 +0000"


def text(value):
    """Character data as WordPress's own export writes it: markup, entities and lines in CDATA.

    The importer's fallback parsers read escaped text wrongly: the regular-expression one keeps
    `&lt;p&gt;` as it is, and the xml_parser one drops a space that stands alone between two entities.
    """
    value = NOT_XML.sub("", str(value))
    if not NEEDS_CDATA.search(value):
        return value
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def element(name, value, **attributes):
    extra = "".join(f' {key}="{html.escape(str(v))}"' for key, v in attributes.items())
    return f"<{name}{extra}>{text(value)}</{name}>"


def local_date(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else NO_DATE


def gmt_date(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S") if moment else NO_DATE


def php_serialize(mapping):
    """{str: str} as PHP's serialize() writes an array (lengths in bytes), as WordPress stores meta."""
    parts = [f's:{len(k.encode())}:"{k}";s:{len(v.encode())}:"{v}";' for k, v in mapping.items()]
    return f"a:{len(mapping)}:{{{''.join(parts)}}}"


def export_wordpress(path):
    """Write the WXR file to `path` (complete, or not at all); returns {what: how many}."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, partial = tempfile.mkstemp(prefix=".carnet-wxr-", suffix=".xml", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            counts = WXRWriter(out).write()
        os.replace(partial, path)
    except BaseException:
        os.unlink(partial)
        raise
    return counts


class WXRWriter:
    def __init__(self, out):
        self.out = out
        self.counts = {"posts": 0, "pages": 0, "comments": 0, "attachments": 0}
        self.items = {item.pk: item for item in MediaItem.objects.order_by("pk")}
        self.by_url = {}
        for item in self.items.values():
            self.by_url[item.url] = item
            for rendition in item.renditions:
                self.by_url[default_storage.url(rendition["name"])] = item
        # WordPress numbers posts, attachments and pages in one sequence: attachments come after
        # the posts, pages after the attachments.
        self.attachment_offset = (Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        self.page_offset = self.attachment_offset + max(self.items, default=0)

    def write(self):
        w = self.out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n')
        w("<!-- A WordPress eXtended RSS file written by Carnet (export_wordpress), for WordPress's importer. -->\n")
        namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
        w(f'<rss version="2.0" {namespaces}>\n<channel>\n')
        language = "fr-FR" if settings.WORDPRESS_DEFAULT_LANGUAGE == "fr" else "en-US"
        for line in (
            element("title", settings.SITE_NAME),
            element("link", settings.SITE_URL),
            element("description", ""),
            element("pubDate", format_datetime(timezone.now())),
            element("language", language),
            element("wp:wxr_version", "1.2"),
            element("wp:base_site_url", settings.SITE_URL),
            element("wp:base_blog_url", settings.SITE_URL),
        ):
            w(f"\t{line}\n")
        self.write_authors()
        self.write_tags()
        w(f"\t{element('generator', 'Carnet')}\n")
        self.write_posts()
        self.write_pages()
        self.write_attachments()
        w("</channel>\n</rss>\n")
        return self.counts

    def write_authors(self):
        writers = get_user_model().objects.filter(pk__in=Post.objects.values("author")).order_by("pk")
        for user in writers:
            self.out.write(
                "\t<wp:author>"
                + element("wp:author_id", user.pk)
                + element("wp:author_login", user.username)
                + element("wp:author_email", user.email)
                + element("wp:author_display_name", html.escape(user.public_name))
                + element("wp:author_first_name", html.escape(user.first_name))
                + element("wp:author_last_name", html.escape(user.last_name))
                + "</wp:author>\n"
            )

    def write_tags(self):
        for tag in Tag.objects.filter(blog_taggedpost_items__isnull=False).distinct().order_by("pk"):
            self.out.write(
                "\t<wp:tag>"
                + element("wp:term_id", tag.pk)
                + element("wp:tag_slug", tag.slug)
                + element("wp:tag_name", html.escape(tag.name))
                + "</wp:tag>\n"
            )

    def write_posts(self):
        posts = (
            Post.objects.select_related("author", "republication__column__publication")
            .prefetch_related("translations", "tags")
            .order_by("pk")
        )
        comments = {}
        for comment in Comment.objects.order_by("pk").iterator(chunk_size=5000):
            comments.setdefault(comment.post_id, []).append(comment)
        old_slugs = {}
        for post_id, slug in OldSlug.objects.order_by("pk").values_list("post_id", "slug"):
            old_slugs.setdefault(post_id, []).append(slug)
        for post in posts.iterator(chunk_size=500):
            self.write_post(post, comments.get(post.pk, []), old_slugs.get(post.pk, []))

    def write_post(self, post, comments, old_slugs):
        summaries = {t.language_code: t.summary for t in post.translations.all() if t.summary.strip()}
        status = ("future" if post.is_scheduled else "publish") if post.status == PostStatus.PUBLISHED else "draft"
        self.write_item(
            post,
            creator=post.author.username,
            content=self.content(post.body_html, post.excerpt_html, getattr(post, "republication", None)),
            summaries=summaries,
            post_id=post.pk,
            status=status,
            comment_status="open" if post.allow_comments else "closed",
            post_type="post",
        )
        w = self.out.write
        for tag in post.tags.all():
            w(f"\t\t{element('category', html.escape(tag.name), domain='post_tag', nicename=tag.slug)}\n")
        self.write_meta(self.language_meta(post.language, summaries) + [("_wp_old_slug", slug) for slug in old_slugs])
        for comment in comments:
            self.write_comment(comment)
        w("\t</item>\n")
        self.counts["posts"] += 1

    def write_pages(self):
        pages = Page.objects.prefetch_related("translations").order_by("pk")
        for page in pages.iterator(chunk_size=500):
            summaries = {t.language_code: t.summary for t in page.translations.all() if t.summary.strip()}
            status = "draft"
            if page.status == PostStatus.PUBLISHED:
                status = "publish" if page.is_published or not page.published_at else "future"
            self.write_item(
                page,
                creator="",  # a page has no author: WordPress gives it to the person importing
                content=self.content(page.body_html),
                summaries=summaries,
                post_id=self.page_offset + page.pk,
                status=status,
                parent=self.page_offset + page.parent_id if page.parent_id else 0,
                order=page.order,
                post_type="page",
            )
            self.write_meta(self.language_meta(page.language, summaries))
            self.out.write("\t</item>\n")
            self.counts["pages"] += 1

    def write_item(
        self,
        entry,
        *,
        creator,
        content,
        summaries,
        post_id,
        status,
        post_type,
        comment_status="closed",
        parent=0,
        order=0,
    ):
        """Open an <item> for a post or a page and write its fields, in the order WordPress writes them."""
        url = absolute_url(entry.get_absolute_url())
        slug = entry.slug
        w = self.out.write
        w("\t<item>\n")
        for line in (
            element("title", html.escape(entry.title, quote=False)),
            element("link", url),
            element("pubDate", format_datetime(entry.published_at) if entry.published_at else NO_PUB_DATE),
            element("dc:creator", creator),
            element("guid", url, isPermaLink="false"),
            element("description", ""),
            element("content:encoded", content),
            element("excerpt:encoded", summaries.get(entry.language, "")),
            element("wp:post_id", post_id),
            element("wp:post_date", local_date(entry.published_at)),
            element("wp:post_date_gmt", gmt_date(entry.published_at)),
            element("wp:post_modified", local_date(entry.updated_at)),
            element("wp:post_modified_gmt", gmt_date(entry.updated_at)),
            element("wp:comment_status", comment_status),
            element("wp:ping_status", "closed"),
            element("wp:post_name", quote(slug, safe="").lower() if not slug.isascii() else slug),
            element("wp:status", status),
            element("wp:post_parent", parent),
            element("wp:menu_order", order),
            element("wp:post_type", post_type),
            element("wp:post_password", ""),
            element("wp:is_sticky", 0),
        ):
            w(f"\t\t{line}\n")

    def language_meta(self, language, summaries):
        meta = [("bb-post-language", language)]
        if summaries:
            meta.append(("bb-post-excerpts", php_serialize(summaries)))
        return meta

    def write_meta(self, meta):
        for key, value in meta:
            self.out.write(
                f"\t\t<wp:postmeta>{element('wp:meta_key', key)}{element('wp:meta_value', value)}</wp:postmeta>\n"
            )

    def content(self, body_html, excerpt_html="", republication=None):
        """HTML as WordPress shows it: library pictures as plain <img> of their originals, full links."""
        body = PICTURE.sub(self.plain_picture, body_html)
        if excerpt_html and body.startswith(excerpt_html):
            body = f"{excerpt_html}\n<!--more-->\n{body[len(excerpt_html) :].lstrip()}"
        if republication:
            column = republication.column
            body += (
                f"\n<p>{html.escape(column.name)}: cet article a été initialement publié dans "
                f'{html.escape(column.publication.name)} (<a href="{html.escape(republication.original_url)}">'
                "voir l'original</a>).</p>"
            )
        return LOCAL_LINK.sub(lambda m: f'{m.group(1)}="{absolute_url(m.group(2))}"', body)

    def plain_picture(self, match):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        item = self.by_url.get(html.unescape(attributes.get("src", "")))
        if item is None:
            return match.group(0)
        return (
            f'<img src="{html.escape(item.url)}" alt="{attributes.get("alt", "")}" width="{item.width}" '
            f'height="{item.height}" class="wp-image-{self.attachment_offset + item.pk}">'
        )

    def write_comment(self, comment):
        fields = (
            element("wp:comment_id", comment.pk),
            element("wp:comment_author", html.escape(comment.author_name)),
            element("wp:comment_author_email", comment.author_email),
            element("wp:comment_author_url", comment.author_url),
            element("wp:comment_author_IP", comment.ip_address or ""),
            element("wp:comment_date", local_date(comment.created_at)),
            element("wp:comment_date_gmt", gmt_date(comment.created_at)),
            element("wp:comment_content", html.escape(comment.body, quote=False)),
            element("wp:comment_approved", COMMENT_APPROVED.get(comment.status, "0")),
            element("wp:comment_type", comment.kind),
            element("wp:comment_parent", comment.parent_id or 0),
            element("wp:comment_user_id", comment.user_id or 0),
        )
        self.out.write("\t\t<wp:comment>\n" + "".join(f"\t\t\t{field}\n" for field in fields) + "\t\t</wp:comment>\n")
        self.counts["comments"] += 1

    def write_attachments(self):
        parents = dict(MediaUsage.objects.values("item").annotate(post=Min("post")).values_list("item", "post"))
        for item in self.items.values():
            w = self.out.write
            wordpress_id = self.attachment_offset + item.pk
            url = absolute_url(item.url) if item.url.startswith("/") else item.url
            w("\t<item>\n")
            for line in (
                element("title", html.escape(item.caption or item.original_name.rsplit(".", 1)[0], quote=False)),
                element("link", url),
                element("pubDate", format_datetime(item.created_at)),
                element("dc:creator", item.uploaded_by.username),
                element("guid", url, isPermaLink="false"),
                element("description", ""),
                element("content:encoded", html.escape(item.credit, quote=False)),
                element("excerpt:encoded", html.escape(item.caption, quote=False)),
                element("wp:post_id", wordpress_id),
                element("wp:post_date", local_date(item.created_at)),
                element("wp:post_date_gmt", gmt_date(item.created_at)),
                element("wp:comment_status", "closed"),
                element("wp:ping_status", "closed"),
                element("wp:post_name", f"media-{item.pk}"),
                element("wp:status", "inherit"),
                element("wp:post_parent", parents.get(item.pk, 0)),
                element("wp:menu_order", 0),
                element("wp:post_type", "attachment"),
                element("wp:post_password", ""),
                element("wp:is_sticky", 0),
                element("wp:attachment_url", url),
            ):
                w(f"\t\t{line}\n")
            meta = [("_wp_attached_file", item.file.name)]
            if item.alt_text:
                meta.append(("_wp_attachment_image_alt", item.alt_text))
            self.write_meta(meta)
            w("\t</item>\n")
            self.counts["attachments"] += 1
