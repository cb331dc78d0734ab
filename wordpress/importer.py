"""Importing a WordPress export into Carnet, in one transaction.

Every object remembers its WordPress id, so a second run finds what the first one
stored: it creates nothing new and updates only what the export changed. The run reads the
items and writes the posts and their tags; pages, comments, old addresses and republished
columns each have a module of their own (`pages`, `comment_import`, `redirect_import`,
`column_import`), whose helper the run hands itself to.
"""

import io
import re
from dataclasses import replace
from functools import cached_property
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from blog import extensions, markup
from blog.models import Language, Markup, Post, PostStatus, TaggedPost
from blog.models.tag_names import same_tag

from . import blogs, content, languages, polylang, qtranslate, reading, wxr
from .clock import Clock
from .column_import import ColumnImport
from .comment_import import CommentImport
from .files import Files
from .pages import PageImport
from .redirect_import import RedirectImport
from .report import CONTENT, REMOVED, RULES, Report
from .values import (
    POST_STATUS,
    TAG_DOMAINS,
    base_slug,
    listed_twice,
    modified_date,
    post_date,
    slug_title,
    valid_email,
)

# The default category's slug in WordPress's languages; else it is the category with the lowest id.
DEFAULT_CATEGORIES = {"uncategorized", "uncategorised", "non-classe", "non-classé", "sans-categorie", "allgemein"}
ATTACHMENT = re.compile(rb"<wp:post_type>\s*(?:<!\[CDATA\[)?attachment\b")


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
        self.post_ids = set()
        self.known_ids = set()  # WordPress ids of the posts stored before this run
        self.created_ids = set()  # Carnet ids of the posts this run created
        self.slugs = set()  # every post's slug, kept current as posts are saved
        # Rows held back and stored together by flush(), every FLUSH_EVERY items.
        self.new_tags = []
        self.terms = {}
        self.attachments = []
        self.files = {}
        self.children = {}
        self.clock = Clock()
        self.uploads = Files(self.report, folder=media_from, fetch=fetch_media)
        self.pages = PageImport(self)
        self.comments = CommentImport(self)
        self.redirects = RedirectImport(self)
        self.columns = ColumnImport(self)
        self.translations = polylang.Translations(self.report)

    def run(self, source, dry_run=False):
        """Import `source` (a path or a binary file); nothing is stored if it fails or for a dry run."""
        if not hasattr(source, "read"):
            with open(source, "rb") as opened:
                return self.run(opened, dry_run=dry_run)
        data, notes = reading.prepare(source.read())
        for note in notes:
            self.report.listing("reading", note)
        blogs.check(next(wxr.read(io.BytesIO(data))))
        if self.uploads.wanted:
            self.site, wanted = self.uploads.read(data)
            self.uploads.bring_in(wanted, lambda login: self.author or self.user_for(login), dry_run=dry_run)
        self.read_files(data)
        try:
            with transaction.atomic(), extensions.bulk_writing():
                self.tags = {same_tag(tag.name): tag for tag in Tag.objects.all()}
                self.known_ids = set(Post.objects.exclude(wordpress_id=None).values_list("wordpress_id", flat=True))
                self.slugs = set(Post.objects.values_list("slug", flat=True))
                self.comments.load()
                self.redirects.load()
                for number, entry in enumerate(wxr.read(io.BytesIO(data))):
                    if isinstance(entry, wxr.Site):
                        self.site = entry
                        blogs.remember(entry)
                    else:
                        self.import_item(entry)
                    if self.progress:
                        self.progress(number)
                    if number % FLUSH_EVERY == 0:
                        self.flush()
                self.flush()
                self.translations.link()
                self.pages.run()
                self.redirects.for_archives()
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
        self.translations.see(item, post)
        self.redirects.for_post(item, post)
        self.comments.import_comments(item, post)

    def skip_reason(self, item):
        if item.type == "attachment":
            if self.uploads.wanted:
                return _("an attachment's page is not a post (its file: see “files” below)")
            return _("attachments are not imported (their files stay where they are)")
        if item.type == "nav_menu_item":
            return _("menu entries are not imported: the site's menu lists the published top-level pages")
        if item.type != "post":
            return _("“%(type)s” items are not imported") % {"type": item.type}
        if item.status in ("trash", "auto-draft", "inherit"):
            return _("status “%(status)s”") % {"status": item.status}
        if not item.id:
            return _("no WordPress id")
        if item.id in self.post_ids:
            return listed_twice(item)
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
            if modified := modified_date(item, post.published_at):
                # As WordPress dated it, not the import's time (auto_now): feeds and the sitemap tell readers and
                # crawlers what changed, and moving day changed no post.
                Post.objects.filter(pk=post.pk).update(updated_at=modified)
        if outcome == "created":
            self.created_ids.add(post.pk)
        if self.set_tags(item, post, created=outcome == "created") and outcome == "unchanged":
            outcome = "updated"
            Post.objects.filter(pk=post.pk).update(updated_at=timezone.now())
        if item.password:
            self.report.note("post", _("password-protected: imported as a draft"))
        elif item.status == "future":
            self.report.note("post", _("scheduled in WordPress: published by itself on its date"))
        elif item.status not in POST_STATUS:
            self.report.note("post", _("“%(status)s” in WordPress: imported as a draft") % {"status": item.status})
        self.report.add("post", outcome)
        self.columns.import_republication(notice, post)
        return post

    def count_old_pictures(self, body):
        pictures = content.old_pictures(body, self.old_hosts)
        if pictures:
            self.report.note(
                "post",
                _(
                    "pictures still on the old site, shown only while it stays online "
                    "(bring them over with --fetch-media or --media-from)"
                ),
                pictures,
            )

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
            names.setdefault(same_tag(term.name[:100]), term.name[:100])
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
        key = same_tag(name)
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
            # Said by name: a WordPress "admin" is given to Carnet's own "admin", whose name then signs the posts.
            reason = _("the posts of WordPress's “%(login)s” go to the Carnet account of that name") % {"login": login}
            self.report.add("user", "unchanged", reason)
            return user
        author = self.site.authors.get(login, wxr.Author(login=login))
        user = User(
            username=username,
            email=author.email if valid_email(author.email) else "",
            first_name=author.first_name[:150],
            last_name=author.last_name[:150],
            display_name=author.display_name[:150],
            # The language of her e-mails: the blog's, as the export gives it.
            preferred_language=languages.language_code(self.site.language) or self.default_language,
        )
        user.set_unusable_password()
        user.save()
        self.report.add("user", "created", _("without a password: set one with “manage.py changepassword”"))
        return user

    def flush(self):
        """Store the rows held back: the last posts' tags, old addresses and comments."""
        TaggedPost.objects.bulk_create(self.new_tags)
        self.new_tags = []
        self.redirects.flush()
        self.comments.insert()
