"""WordPress pages (`wp:post_type` page) made into Carnet pages, with their old addresses.

Pages are kept aside while the export is read and imported once it is all in, parents
first: a page may come before its parent in the file. Each remembers its WordPress id, so
a second run finds what the first stored and creates nothing.
"""

from dataclasses import replace
from urllib.parse import unquote

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from blog import markup
from blog.models import Language, Markup, PostStatus
from pages.addresses import is_carnet_address
from pages.models import Page

from . import content, languages, old_urls, qtranslate
from .report import RULES
from .values import POST_STATUS, base_slug, listed_twice, post_date, slug_title

SKIPPED_STATUSES = ("trash", "auto-draft", "inherit")
IN_MENU = gettext_lazy("in the site's menu (untick “in the navigation” on the page to leave it out)")


class PageImport:
    def __init__(self, run):
        self.importer = run
        self.report = run.report
        self.items = {}
        self.imported = {}

    def keep(self, item):
        """Called for each page item of the export, in the order of the file."""
        reason = self.skip_reason(item)
        if reason:
            self.report.add("page", "skipped", reason)
            return
        self.items[item.id] = item
        if item.comments:
            self.report.add("comment", "skipped", _("on a page (Carnet's pages take no comments)"), len(item.comments))

    def skip_reason(self, item):
        if item.status in SKIPPED_STATUSES:
            return _("status “%(status)s”") % {"status": item.status}
        if not item.id:
            return _("no WordPress id")
        if item.id in self.items:
            return listed_twice(item)
        return None

    def run(self):
        """Import the kept pages, each after its parent, into `imported` ({WordPress id: page})."""
        done = self.imported
        for item in self.in_order():
            parent_id = item.parent_id if item.parent_id in done else None
            if item.parent_id and parent_id is None:
                self.report.listing("page_parent", f"{self.name(item)} ({item.parent_id})")
            parent = done.get(parent_id)
            versions, _copies = qtranslate.versions(item, Language.values)
            versions = versions or [(None, item)]
            page = self.import_page(versions[0][1], parent, versions[0][0], wordpress_id=item.id)
            for code, version in versions[1:]:
                other = replace(version, slug=f"{unquote(item.slug) or page.slug}-{code}")
                self.import_page(other, parent, code, wordpress_id=None)
            done[item.id] = page
            paths = {f"{old_urls.blog_base(self.importer.site, item.link)}?page_id={item.id}"}
            paths |= old_urls.post_paths(item, self.importer.site)
            self.importer.redirects.store(dict.fromkeys(paths, {"page": page}))

    def in_order(self):
        """Parents before their pages (a loop, or a parent missing from the export, ends at the top)."""
        ordered, placed = [], set()

        def place(item, seen):
            if item.id in placed or item.id in seen:
                return
            parent = self.items.get(item.parent_id)
            if parent is not None:
                place(parent, seen | {item.id})
            placed.add(item.id)
            ordered.append(item)

        for item in self.items.values():
            place(item, set())
        return ordered

    def import_page(self, item, parent, qtranslate_code, wordpress_id):
        converted = content.convert(item.content, item.id, item.meta, self.importer.files, self.importer.children)
        found = languages.detect(item, converted.html, self.importer.site.language, qtranslate=qtranslate_code)
        language = found.language or self.importer.default_language
        self.report.note("page", RULES[found.source or "default"])
        self.importer.report_content(item, found.title, converted)
        body = content.clean_body(found.body)
        body = self.importer.uploads.rewrite(body, self.importer.old_hosts, item.meta.get("_thumbnail_id"))
        self.importer.count_old_pictures(body)
        if wordpress_id:
            page = Page.objects.filter(wordpress_id=wordpress_id).first()
        else:
            page = Page.objects.filter(wordpress_id=None, parent=parent, slug=base_slug(item)).first()
        values = {
            "title": (found.title or slug_title(item))[:250],
            "language": language,
            "body": body,
            "markup": Markup.HTML,
            "status": POST_STATUS.get(item.status, PostStatus.DRAFT) if not item.password else PostStatus.DRAFT,
            "published_at": post_date(item) or (page.published_at if page else None),
            "order": item.menu_order,
            "parent": parent,
        }
        if page is None:
            page = Page(wordpress_id=wordpress_id, slug=self.free_slug(item, parent, None), **values)
            outcome = "created"
            if parent is None and page.status == PostStatus.PUBLISHED:
                self.report.note("page", IN_MENU)
        else:
            changed = [name for name, value in values.items() if getattr(page, name) != value]
            for name in changed:
                setattr(page, name, values[name])
            if page.parent_id != (parent.pk if parent else None) or is_carnet_address(page.path_with(page.slug)):
                page.slug = self.free_slug(item, parent, page)
                changed.append("slug")
            outcome = "updated" if changed else "unchanged"
        if outcome != "unchanged":
            page.save()
        if self.set_summaries(page, found.summaries) and outcome == "unchanged":
            outcome = "updated"
        if item.password:
            self.report.note("page", _("password-protected: imported as a draft"))
        self.report.add("page", outcome)
        return page

    def set_summaries(self, page, summaries):
        existing = {t.language_code: t.summary for t in page.translations.all()}
        changed = False
        for code, text in summaries.items():
            if code in Language.values and existing.get(code) != text:
                page.save_summary(code, text)
                changed = True
        return changed

    def free_slug(self, item, parent, page):
        """The item's slug, unless Carnet answers that address or a sibling has it: then `-2`, `-3`…"""
        base = base_slug(item)
        probe = page or Page(parent=parent)
        probe.parent = parent
        siblings = Page.objects.filter(parent=parent).exclude(pk=page.pk if page else None)
        slug, number = base, 2
        while siblings.filter(slug=slug).exists() or is_carnet_address(probe.path_with(slug)):
            slug, number = f"{base[:190]}-{number}", number + 1
        if slug != base:
            self.report.listing(
                "page_address", f"{self.name(item)}: /{probe.path_with(base)}/ → /{probe.path_with(slug)}/"
            )
        return slug

    def name(self, item):
        return markup.plain_text(item.title) or unquote(item.slug) or str(item.id)
