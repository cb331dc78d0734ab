"""Importing a WordPress export into Carnet, in one transaction.

Every object remembers its WordPress id, so a second run finds what the first one
stored: it creates nothing new and updates only what the export changed.
"""

import datetime
import io
import ipaddress
import re
from dataclasses import replace
from email.utils import parsedate_to_datetime
from functools import cached_property
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from blog import extensions, markup
from blog.models import Language, Markup, Post, PostStatus, TaggedPost
from columns.models import Column, Publication, Republication
from comments.models import Comment, CommentKind, CommentStatus

from . import content, languages, old_urls, qtranslate, reading, wxr
from .clock import Clock
from .files import Files
from .models import Redirect
from .pages import PageImport
from .report import CONTENT, REMOVED, RULES, Report
from .wxr import to_int

POST_STATUS = {"publish": PostStatus.PUBLISHED, "future": PostStatus.PUBLISHED}
COMMENT_STATUS = {
    "1": CommentStatus.APPROVED,
    "approve": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REMOVED,
    "post-trashed": CommentStatus.REMOVED,
}
COMMENT_KIND = {"": CommentKind.COMMENT, "comment": CommentKind.COMMENT, **{k: k for k in ("pingback", "trackback")}}
TAG_DOMAINS = {"post_tag", "category"}
# The default category's slug in WordPress's languages; else it is the category with the lowest id.
DEFAULT_CATEGORIES = {"uncategorized", "uncategorised", "non-classe", "non-classé", "sans-categorie", "allgemein"}
ZERO_DATE = re.compile(r"^0000-00-00")
COMMENT_FIELDS = [
    *("kind", "author_name", "author_email", "author_url", "ip_address", "created_at", "body", "status", "user")
]
ATTACHMENT = re.compile(rb"<wp:post_type>\s*(?:<!\[CDATA\[)?attachment\b")
is_url = URLValidator(schemes=["http", "https"])


FLUSH_EVERY = 100


class DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


class Importer:
    def __init__(self, author=None, default_language=None, progress=None, media_from=None, fetch_media=None):
        """`media_from`: a copy of the old `wp-content/uploads`; `fetch_media`: `Fetcher` options."""
        self.author = author
        self.default_language = default_language or settings.WORDPRESS_DEFAULT_LANGUAGE
        self.progress = progress
        self.report = Report()
        self.site = wxr.Site()
        self.users = {}
        self.tags = {}
        self.tags_seen = set()
        self.columns = {}
        self.post_ids = set()
        self.known_ids = set()  # WordPress ids of the posts stored before this run
        self.created_ids = set()  # Carnet ids of the posts this run created
        self.slugs = set()  # every post's slug, kept current as posts are saved
        self.comment_ids = set()  # WordPress ids of the comments stored or waiting in new_comments
        self.redirect_paths = set()  # old paths of the redirects stored before this run
        # Rows held back and stored together by flush(), every FLUSH_EVERY items.
        self.new_comments = {}  # {WordPress id: (comment, its parent or None)}
        self.new_tags = []
        self.new_redirects = {}
        self.terms = {}
        self.attachments = []
        self.files = {}
        self.children = {}
        self.clock = Clock()
        self.uploads = Files(self.report, folder=media_from, fetch=fetch_media)
        self.pages = PageImport(self)

    def run(self, source, dry_run=False):
        """Import `source` (a path or a binary file); nothing is stored if it fails or for a dry run."""
        if not hasattr(source, "read"):
            with open(source, "rb") as opened:
                return self.run(opened, dry_run=dry_run)
        data, notes = reading.prepare(source.read())
        for note in notes:
            self.report.listing("reading", note)
        if self.uploads.wanted:
            self.site, wanted = self.uploads.read(data)
            self.uploads.bring_in(wanted, lambda login: self.author or self.user_for(login), dry_run=dry_run)
        self.read_files(data)
        try:
            with transaction.atomic(), extensions.bulk_writing():
                self.tags = {tag.name.casefold(): tag for tag in Tag.objects.all()}
                self.known_ids = set(Post.objects.exclude(wordpress_id=None).values_list("wordpress_id", flat=True))
                self.slugs = set(Post.objects.values_list("slug", flat=True))
                self.comment_ids = set(
                    Comment.objects.exclude(wordpress_id=None).values_list("wordpress_id", flat=True)
                )
                self.redirect_paths = set(Redirect.objects.values_list("old_path", flat=True))
                for number, entry in enumerate(wxr.read(io.BytesIO(data))):
                    if isinstance(entry, wxr.Site):
                        self.site = entry
                    else:
                        self.import_item(entry)
                    if self.progress:
                        self.progress(number)
                    if number % FLUSH_EVERY == 0:
                        self.flush()
                self.flush()
                self.pages.run()
                self.import_archive_redirects()
                self.flush()
                for line in self.clock.lines():
                    self.report.listing("time_zone", line)
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        self.uploads.finish()
        return self.report

    def read_files(self, data):
        """A first reading, for the attachments: galleries name them before the export lists them."""
        if not ATTACHMENT.search(data):
            return
        for entry in wxr.read(io.BytesIO(data)):
            if isinstance(entry, wxr.Item) and entry.type == "attachment" and entry.id:
                file = content.Attachment(
                    id=entry.id,
                    parent_id=entry.parent_id,
                    url=entry.attachment_url or entry.link,
                    title=markup.plain_text(entry.title),
                    caption=entry.excerpt.strip(),
                    alt=entry.meta.get("_wp_attachment_image_alt", "").strip(),
                    order=entry.menu_order,
                )
                self.files[file.id] = file
                self.children.setdefault(file.parent_id, []).append(file)

    def import_item(self, item):
        if item.type == "page":
            self.pages.keep(item)
            return
        kind = item.type if item.type in ("post", "attachment") else "other"
        reason = self.skip_reason(item)
        if reason:
            self.report.add(kind, "skipped", reason)
            if item.type == "attachment":
                self.attachments.append((item.id, item.parent_id, item.title, item.link))
            if item.comments:
                self.report.add("comment", "skipped", _("on an item that is not imported"), len(item.comments))
            return
        self.post_ids.add(item.id)
        versions, copies = qtranslate.versions(item, Language.values)
        for code in copies:
            self.report.listing("qtranslate_copy", f"{markup.plain_text(item.title)} ({code}) — {unquote(item.link)}")
        if not versions:
            versions = [(None, item)]
        post = self.import_post(versions[0][1], qtranslate=versions[0][0])
        for code, version in versions[1:]:
            self.import_post(replace(version, slug=f"{base_slug(item)}-{code}"), qtranslate=code, original=post)
        self.import_redirects(item, post)
        self.import_comments(item, post)

    def skip_reason(self, item):
        if item.type == "attachment":
            if self.uploads.wanted:
                return _("an attachment's page is not a post (its file: see “files” below)")
            return _("attachments are not imported (their files stay where they are)")
        if item.type != "post":
            return _("“%(type)s” items are not imported") % {"type": item.type}
        if item.status in ("trash", "auto-draft", "inherit"):
            return _("status “%(status)s”") % {"status": item.status}
        if not item.id:
            return _("no WordPress id")
        if item.id in self.post_ids:
            return _("WordPress id %(id)s appears twice in the export") % {"id": item.id}
        return None

    # Posts

    def import_post(self, item, qtranslate=None, original=None):
        """The post of `item`; with `original`, its translation written with qTranslate in the same item."""
        converted = content.convert(item.content, item.id, item.meta, self.files, self.children)
        found = languages.detect(item, converted.html, self.site.language, qtranslate=qtranslate)
        self.report_content(item, found.title, converted)
        notice, body = content.take_column_notice(found.body)
        language = found.language or self.default_language
        if original is None:
            post = Post.objects.filter(wordpress_id=item.id).first() if item.id in self.known_ids else None
        elif original.pk in self.created_ids:
            post = None
        else:
            post = Post.objects.filter(translation_of=original, language=language).first()
        published_at = post_date(item) or (post.published_at if post else None)
        if original is None:
            self.clock.see(item, published_at, found.title or item.slug or str(item.id))
        self.report.note("post", RULES[found.source or "default"])
        if found.source in ("export", ""):
            self.report.listing("default_language", found.title or item.slug or str(item.id))
        body = content.clean_body(body)
        body = self.uploads.rewrite(body, self.old_hosts, item.meta.get("_thumbnail_id"))
        self.count_old_pictures(body)
        values = {
            "title": (found.title or slug_title(item))[:250],
            "language": language,
            "body": body,
            "markup": Markup.HTML,
            "status": POST_STATUS.get(item.status, PostStatus.DRAFT) if not item.password else PostStatus.DRAFT,
            "published_at": published_at,
            "allow_comments": item.comment_status == "open",
            "author_id": (self.author or self.user_for(item.creator)).pk,
        }
        outcome = "created" if post is None else "unchanged"
        if post is None:
            post = Post(
                wordpress_id=None if original else item.id,
                translation_of=original,
                slug=self.free_slug(item, None),
                **values,
            )
        else:
            changed = [name for name, value in values.items() if getattr(post, name) != value]
            slug = post.slug if self.slug_fits(item, post) else self.free_slug(item, post)
            if changed or slug != post.slug:
                outcome = "updated"
                self.slugs.discard(post.slug)
                post.slug = slug
                for name in changed:
                    setattr(post, name, values[name])
        if self.set_summaries(post, found.summaries, language):
            outcome = outcome if outcome == "created" else "updated"
        if outcome != "unchanged":
            post.save()
            self.slugs.add(post.slug)
        if outcome == "created":
            self.created_ids.add(post.pk)
        if self.set_tags(item, post, created=outcome == "created") and outcome == "unchanged":
            outcome = "updated"
            Post.objects.filter(pk=post.pk).update(updated_at=timezone.now())
        if item.password:
            self.report.note("post", _("password-protected: imported as a draft"))
        self.report.add("post", outcome)
        self.import_republication(notice, post)
        return post

    def count_old_pictures(self, body):
        pictures = content.old_pictures(body, self.old_hosts)
        if pictures:
            self.report.note("post", _("pictures still on the old site (their files were not imported)"), pictures)

    @cached_property
    def old_hosts(self):
        """The old blog's host names, and those of its files (a CDN, files.wordpress.com…)."""
        addresses = [self.site.base_blog_url, *(file.url for file in self.files.values())]
        return {urlsplit(address).hostname for address in addresses if urlsplit(address).hostname}

    def report_content(self, item, title, converted):
        """What became of the post's shortcodes, players and galleries."""
        name = f"{title or item.slug or item.id} — {unquote(item.link)}" if item.link else (title or str(item.id))
        for kind, count in converted.counts.items():
            if kind in CONTENT and count:
                self.report.note("post", CONTENT[kind], count)
            elif kind in REMOVED:
                self.report.listing("removed", f"{name}: {REMOVED[kind]}")
        for shortcode in converted.unknown_shortcodes:
            self.report.listing("shortcode", f"[{shortcode}] {name}")
        if converted.missing_attachments:
            ids = ", ".join(str(i) for i in converted.missing_attachments)
            self.report.listing("missing_attachment", f"{name}: {ids}")

    def set_summaries(self, post, summaries, language):
        """Put the summaries on `post` (saved with it); True when one changed."""
        existing = {} if post.pk is None else {t.language_code: t.summary for t in post.translations.all()}
        changed = False
        for code, text in summaries.items():
            if existing.get(code) != text:
                post.set_current_language(code)
                post.summary = text
                changed = True
        post.set_current_language(language)
        return changed

    def set_tags(self, item, post, created):
        """Tags and categories of the item become the post's tags; True when they changed."""
        names = {}
        for term in item.terms:
            if term.domain not in TAG_DOMAINS or not term.name:
                continue
            self.terms.setdefault((term.domain, term.slug), term)
            if self.is_default_category(term):
                self.report.add("tag", "skipped", _("“%(name)s”, WordPress's default category") % {"name": term.name})
                continue
            names.setdefault(term.name[:100].casefold(), term.name[:100])
        tags = [self.tag_named(name) for name in names.values()]
        current = set() if created else set(post.tagged_items.values_list("tag_id", flat=True))
        if {tag.pk for tag in tags} == current:
            return False
        if created:
            self.new_tags.extend(TaggedPost(content_object=post, tag=tag) for tag in tags)
        else:
            post.tags.set(tags)
        return True

    def is_default_category(self, term):
        return term.domain == "category" and (
            unquote(term.slug) in DEFAULT_CATEGORIES or term.slug == self.lowest_category
        )

    @cached_property
    def lowest_category(self):
        """The slug of the channel's category with the lowest id: WordPress's default one."""
        categories = [t for t in self.site.terms if t.domain == "category" and t.id]
        return min(categories, key=lambda t: t.id).slug if categories else None

    def tag_named(self, name):
        key = name.casefold()
        if key not in self.tags:
            self.tags[key] = Tag.objects.create(name=name)
            self.report.add("tag", "created")
        elif key not in self.tags_seen:
            self.report.add("tag", "unchanged")
        self.tags_seen.add(key)
        return self.tags[key]

    def slug_fits(self, item, post):
        base = base_slug(item)
        return post.slug == base or re.fullmatch(rf"{re.escape(base)}-\d+", post.slug) is not None

    def free_slug(self, item, post):
        """The item's slug, with `-2`, `-3`… when another post already has it."""
        base = base_slug(item)
        own = post.slug if post else None
        slug, number = base, 2
        while slug in self.slugs and slug != own:
            slug, number = f"{base[:190]}-{number}", number + 1
        if slug != base:
            self.report.note(
                "post", _("slug “%(base)s” already taken: stored as “%(slug)s”") % {"base": base, "slug": slug}
            )
        return slug

    def user_for(self, login):
        login = login or "wordpress"
        if login not in self.users:
            self.users[login] = self.find_or_create_user(login)
        return self.users[login]

    def find_or_create_user(self, login):
        User = get_user_model()
        username = login if re.fullmatch(r"[\w.@+-]{1,150}", login) else slugify(login)[:150] or "wordpress"
        user = User.objects.filter(username=username).first()
        if user:
            self.report.add("user", "unchanged")
            return user
        author = self.site.authors.get(login, wxr.Author(login=login))
        user = User(
            username=username,
            email=author.email if valid_email(author.email) else "",
            first_name=author.first_name[:150],
            last_name=author.last_name[:150],
            display_name=author.display_name[:150],
        )
        user.set_unusable_password()
        user.save()
        self.report.add("user", "created", _("without a password: set one with “manage.py changepassword”"))
        return user

    # Columns

    def import_republication(self, notice, post):
        if notice is None:
            return
        if not valid_url(notice["url"]):
            self.report.add("republication", "skipped", _("the link to the original is not a web address"))
            return
        taken = Republication.objects.filter(original_url=notice["url"]).exclude(post=post).exists()
        if taken:
            self.report.add("republication", "skipped", _("another post already republishes the same original"))
            return
        values = {
            "column": self.column_for(notice),
            "original_url": notice["url"],
            "original_title": post.title[:300],
            "originally_published_on": timezone.localdate(post.published_at) if post.published_at else None,
        }
        republication = Republication.objects.filter(post=post).first()
        if republication is None:
            Republication.objects.create(post=post, **values)
            self.report.add("republication", "created")
            return
        changed = [name for name, value in values.items() if getattr(republication, name) != value]
        for name in changed:
            setattr(republication, name, values[name])
        if changed:
            republication.save(update_fields=changed)
        self.report.add("republication", "updated" if changed else "unchanged")

    def column_for(self, notice):
        key = (notice["publication"].casefold(), notice["column"].casefold())
        if key not in self.columns:
            publication = Publication.objects.filter(name__iexact=notice["publication"]).first()
            if publication is None:
                parts = urlsplit(notice["url"])
                publication = Publication.objects.create(
                    name=notice["publication"][:200],
                    slug=free_slug(Publication, notice["publication"]),
                    url=f"{parts.scheme}://{parts.netloc}/",
                )
            column = Column.objects.filter(publication=publication, name__iexact=notice["column"]).first()
            if column is None:
                column = Column.objects.create(
                    publication=publication, name=notice["column"][:200], slug=free_slug(Column, notice["column"])
                )
            self.columns[key] = column
        return self.columns[key]

    # Old addresses

    def import_redirects(self, item, post):
        self.store_redirects(dict.fromkeys(old_urls.post_paths(item, self.site), {"post": post}))
        old_slugs = dict.fromkeys(old_urls.old_slug_paths(item), {"post": post})
        self.store_redirects(old_slugs, take_over=False)

    def import_archive_redirects(self):
        """Once every post is in: the old category, tag and author archives, and attachment pages."""
        wanted = {}
        base = old_urls.blog_base(self.site)
        if base != "/":
            wanted[base] = {"target": "/"}
        terms = self.all_terms()
        parents = {term.slug: term.parent for term in terms if term.domain == "category"}
        for term in terms:
            tag = self.tags.get(term.name[:100].casefold())
            if term.domain == "category":
                paths = old_urls.category_paths(term, parents, self.site)
            else:
                paths = old_urls.tag_paths(term, self.site)
            if tag is None or self.is_default_category(term):
                address = min(paths, key=lambda path: ("?" in path, len(path)))
                self.report.listing("term", f"{term.name} — {address}")
                continue
            wanted.update(dict.fromkeys(paths, {"tag": tag}))
        for login, user in self.archive_authors():
            author = self.site.authors.get(login, wxr.Author(login=login))
            target = reverse("blog:author-detail", args=[user.username])
            wanted.update(dict.fromkeys(old_urls.author_paths(author, self.site), {"target": target}))
        wanted.update(self.attachment_redirects())
        self.store_redirects(wanted)

    def all_terms(self):
        """Categories and tags of the channel (with their ids) and of the posts, once each."""
        terms = {(term.domain, term.slug): term for term in self.site.terms if term.domain in TAG_DOMAINS}
        for key, term in self.terms.items():
            terms.setdefault(key, term)
        return [term for term in terms.values() if term.slug and term.name]

    def archive_authors(self):
        """The old blog's authors and the Carnet user whose page now lists their posts."""
        if self.author:
            return [(login, self.author) for login in self.site.authors]
        return list(self.users.items())

    def attachment_redirects(self):
        """An attachment's page leads to the post or page it belonged to, when that one was imported."""
        posts = Post.objects.in_bulk(
            {parent for _id, parent, _title, _link in self.attachments}, field_name="wordpress_id"
        )
        wanted = {}
        for attachment_id, parent, title, link in self.attachments:
            if parent in posts or parent in self.pages.imported:
                paths = old_urls.attachment_paths(attachment_id, link, self.site)
                goes_to = {"post": posts[parent]} if parent in posts else {"page": self.pages.imported[parent]}
                wanted.update(dict.fromkeys(paths, goes_to))
            else:
                address = unquote(link) or f"{old_urls.blog_base(self.site)}?attachment_id={attachment_id}"
                self.report.listing("attachment", f"{markup.plain_text(title) or attachment_id} — {address}")
        return wanted

    def store_redirects(self, wanted, take_over=True):
        """Point each old path of `wanted` ({path: {"post"|"tag"|"target": …}}) at its new place.

        Without `take_over`, an address already leading to another post is left alone: a
        post's permalink wins over the same address made of another post's old slug.
        """
        if not wanted:
            return
        existing = {path: self.new_redirects[path] for path in wanted if path in self.new_redirects}
        stored = [path for path in wanted if path in self.redirect_paths]
        if stored:
            existing.update((r.old_path, r) for r in Redirect.objects.filter(old_path__in=stored))
        for path, goes_to in sorted(wanted.items()):
            if shadowed(path):
                self.report.listing("shadowed", path)
            values = {"post": None, "tag": None, "page": None, "target": "", **goes_to}
            redirect = existing.get(path)
            if redirect is None:
                self.new_redirects[path] = Redirect(old_path=path, **values)
                self.report.add("redirect", "created")
            elif leads_to(redirect, values):
                self.report.add("redirect", "unchanged")
            elif take_over:
                for name, value in values.items():
                    setattr(redirect, name, value)
                if redirect.pk:
                    redirect.save(update_fields=list(values))
                self.report.add("redirect", "updated")
            else:
                self.report.add("redirect", "skipped", _("an old slug's address already leads to another post"))

    # Comments

    def import_comments(self, item, post):
        wanted = {}
        for comment in item.comments:
            kind = COMMENT_KIND.get(comment.type)
            if kind is None:
                self.report.add("comment", "skipped", _("type “%(type)s”") % {"type": comment.type})
            elif not comment.id or comment.id in wanted:
                self.report.add("comment", "skipped", _("no WordPress id, or the same id twice"))
            else:
                wanted[comment.id] = comment
        existing = {}
        if not self.comment_ids.isdisjoint(wanted):
            self.flush()  # one of them may be waiting among the earlier posts' comments
            existing = {c.wordpress_id: c for c in Comment.objects.filter(wordpress_id__in=wanted)}
        new, changed = {}, set()
        for wordpress_id, comment in wanted.items():
            values = self.comment_values(comment, kind=COMMENT_KIND[comment.type])
            stored = existing.get(wordpress_id)
            if stored is None:
                new[wordpress_id] = Comment(post=post, wordpress_id=wordpress_id, language=post.language, **values)
                continue
            values["post_id"] = post.pk
            differs = [name for name, value in values.items() if getattr(stored, name) != value]
            for name in differs:
                setattr(stored, name, values[name])
            if differs:
                changed.add(wordpress_id)
        by_wordpress_id = {**existing, **new}
        for wordpress_id, comment in wanted.items():
            parent = by_wordpress_id.get(comment.parent_id)
            if comment.parent_id and parent is None:
                self.report.note("comment", _("reply to a comment missing from the export: kept as a comment"))
            if wordpress_id in new:
                self.new_comments[wordpress_id] = (new[wordpress_id], parent)
        self.comment_ids.update(new)
        if existing:
            self.flush()  # a stored comment may now reply to a new one: it needs its id
            self.link_threads(wanted, existing, by_wordpress_id, changed)
            Comment.objects.bulk_update([existing[i] for i in changed], [*COMMENT_FIELDS, "post", "parent"])
        self.report.add("comment", "created", count=len(new))
        self.report.add("comment", "updated", count=len(changed))
        self.report.add("comment", "unchanged", count=len(existing.keys() - changed))

    def link_threads(self, wanted, existing, by_wordpress_id, changed):
        for wordpress_id, stored in existing.items():
            parent = by_wordpress_id.get(wanted[wordpress_id].parent_id)
            parent_id = parent.pk if parent else None
            if stored.parent_id != parent_id:
                stored.parent_id = parent_id
                changed.add(wordpress_id)

    def flush(self):
        """Store the rows held back: the last posts' tags, old addresses and comments."""
        TaggedPost.objects.bulk_create(self.new_tags)
        Redirect.objects.bulk_create(self.new_redirects.values())
        self.redirect_paths.update(self.new_redirects)
        self.new_tags, self.new_redirects = [], {}
        self.insert_comments()

    def insert_comments(self):
        """Store the new comments parents first, so that each reply is stored with its parent's id."""
        waiting = self.new_comments
        while waiting:
            ready = [i for i, (_c, parent) in waiting.items() if parent is None or parent.wordpress_id not in waiting]
            # None ready: the rest reply to each other in a loop, and are linked once they all have ids.
            level = [waiting.pop(i) for i in ready or list(waiting)]
            for comment, parent in level:
                comment.parent_id = parent.pk if parent else None
            Comment.objects.bulk_create([comment for comment, _parent in level])
            if not ready:
                for comment, parent in level:
                    comment.parent_id = parent.pk
                Comment.objects.bulk_update([comment for comment, _parent in level], ["parent"])

    def comment_values(self, comment, kind):
        return {
            "kind": kind,
            "author_name": (comment.author or _("Anonymous"))[:100],
            "author_email": comment.email if valid_email(comment.email) else "",
            "author_url": comment.url if len(comment.url) <= 500 and valid_url(comment.url) else "",
            "ip_address": valid_ip(comment.ip),
            "created_at": parse_date(comment.date_gmt) or parse_date(comment.date, local=True) or timezone.now(),
            "body": content.comment_text(comment.content),
            "status": COMMENT_STATUS.get(comment.approved, CommentStatus.PENDING),
            "user_id": self.commenting_user_id(comment.user_id),
        }

    @cached_property
    def author_logins(self):
        """{WordPress user id: login} of the blog's authors; read once the export's header is in."""
        return {to_int(author.id): login for login, author in self.site.authors.items() if author.id}

    def commenting_user_id(self, wordpress_user_id):
        """The Carnet user behind a comment written by one of the blog's authors."""
        login = self.author_logins.get(wordpress_user_id) if wordpress_user_id else None
        return self.user_for(login).pk if login else None


def post_date(item):
    """When the post was (or will be) published: GMT date, else local date, else the RSS date.

    A draft whose GMT date is empty has none yet: WordPress dates it when it is published, and so
    does Carnet (its local date is only when it was last changed).
    """
    if item.status not in ("publish", "future") and parse_date(item.date_gmt) is None:
        return None
    found = parse_date(item.date_gmt) or parse_date(item.date, local=True)
    # A draft's pubDate is "Mon, 30 Nov -0001 00:00:00 +0000", which email.utils reads as a day of 2000.
    if found is None and item.pub_date and " -0001 " not in item.pub_date:
        try:
            found = parsedate_to_datetime(item.pub_date)
        except (TypeError, ValueError):
            found = None
        if found and found.year <= 1970:
            found = None
    return found


def parse_date(value, local=False):
    if not value or ZERO_DATE.match(value):
        return None
    try:
        moment = datetime.datetime.strptime(value.strip()[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(moment, timezone.get_default_timezone() if local else datetime.UTC)


def base_slug(item):
    slug = slugify(unquote(item.slug), allow_unicode=True) if item.slug else ""
    return (slug or slugify(markup.plain_text(item.title), allow_unicode=True) or f"post-{item.id}")[:190]


def slug_title(item):
    return base_slug(item).replace("-", " ").capitalize()


def free_slug(model, name):
    base = slugify(name)[:190] or model._meta.model_name
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def shadowed(path):
    """Whether one of Carnet's own pages (`/columns/`, `/search/`…) answers `path` before its redirect could."""
    if "?" in path:
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return not match.kwargs


def leads_to(redirect, values):
    """Whether a stored redirect already goes where `values` say."""
    post, tag, page = values["post"], values["tag"], values["page"]
    return (redirect.post_id, redirect.tag_id, redirect.page_id, redirect.target) == (
        post.pk if post else None,
        tag.pk if tag else None,
        page.pk if page else None,
        values["target"],
    )


def valid_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def valid_url(value):
    try:
        is_url(value)
    except ValidationError:
        return False
    return True


def valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
