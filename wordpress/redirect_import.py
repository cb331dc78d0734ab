"""The old blog's addresses made into redirects: posts, pages, archives and attachment pages.

New redirects wait in `waiting` and are stored a batch at a time by flush().
"""

from urllib.parse import unquote

from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blog import markup
from blog.models import Post, PostStatus
from blog.models.tag_names import same_tag

from . import old_urls, wxr
from .models import Redirect
from .values import TAG_DOMAINS


class RedirectImport:
    def __init__(self, run):
        self.importer = run
        self.report = run.report
        self.paths = set()  # old paths of the redirects stored before this run, and since
        self.waiting = {}  # {old path: Redirect} not stored yet
        self.months = set()  # (year, month) of the published posts, for a blog in a folder
        self.language_folders = set()  # Polylang's `fr/` in `/blog/fr/essai/`

    def load(self):
        """Called once the transaction has begun: the redirects an earlier run stored."""
        self.paths = set(Redirect.objects.values_list("old_path", flat=True))

    def for_post(self, item, post):
        site = self.importer.site
        self.store(dict.fromkeys(old_urls.post_paths(item, site), {"post": post}))
        old_slugs = dict.fromkeys(old_urls.old_slug_paths(item), {"post": post})
        self.store(old_slugs, take_over=False)
        self.see_folders(item, post)

    def see_folders(self, item, post):
        """A blog in a folder (`/blog/`): its date archives and Polylang's language folders are not Carnet's
        addresses, as they are for a blog at the root, so they get redirects of their own."""
        base = old_urls.blog_base(self.importer.site, item.link)
        if base == "/" or post.status != PostStatus.PUBLISHED or post.published_at is None:
            return
        day = timezone.localtime(post.published_at)
        self.months.add((day.year, day.month))
        if old_urls.permalink(item.link).startswith(f"{base}{post.language}/"):
            self.language_folders.add(post.language)

    def for_archives(self):
        """Once every post is in: the old category, tag and author archives, and attachment pages."""
        run, site = self.importer, self.importer.site
        wanted = {}
        base = old_urls.blog_base(site)
        if base != "/":
            wanted[base] = {"target": "/"}
            wanted.update(self.folder_redirects(base))
        terms = self.all_terms()
        parents = {term.slug: term.parent for term in terms if term.domain == "category"}
        for term in terms:
            tag = run.tags.get(same_tag(term.name[:100]))
            if term.domain == "category":
                paths = old_urls.category_paths(term, parents, site)
            else:
                paths = old_urls.tag_paths(term, site)
            if tag is None or run.is_default_category(term):
                address = min(paths, key=lambda path: ("?" in path, len(path)))
                self.report.listing("term", f"{term.name} — {address}")
                continue
            wanted.update(dict.fromkeys(self.in_language_folders(paths, base), {"tag": tag}))
        for login, user in self.archive_authors():
            author = site.authors.get(login, wxr.Author(login=login))
            target = reverse("blog:author-detail", args=[user.username])
            wanted.update(dict.fromkeys(old_urls.author_paths(author, site), {"target": target}))
        wanted.update(self.attachment_redirects())
        self.store(wanted)

    def folder_redirects(self, base):
        wanted = {}
        for year, month in self.months:
            wanted[f"{base}{year}/"] = {"target": reverse("blog:archive-year", args=[year])}
            wanted[f"{base}{year}/{month:02d}/"] = {"target": reverse("blog:archive-month", args=[year, month])}
        for code in self.language_folders:
            wanted[f"{base}{code}/"] = {"target": reverse("blog:language-detail", args=[code])}
        return wanted

    def in_language_folders(self, paths, base):
        """`/blog/category/x/` and, with Polylang's language folders, `/blog/fr/category/x/` too."""
        folders = [f"{base}{code}/" for code in self.language_folders]
        return set(paths) | {
            (folder + path.removeprefix(base))[:500] for path in paths if path.startswith(base) for folder in folders
        }

    def all_terms(self):
        """Categories and tags of the channel (with their ids) and of the posts, once each."""
        run = self.importer
        terms = {(term.domain, term.slug): term for term in run.site.terms if term.domain in TAG_DOMAINS}
        for key, term in run.terms.items():
            terms.setdefault(key, term)
        return [term for term in terms.values() if term.slug and term.name]

    def archive_authors(self):
        """The old blog's authors and the Carnet user whose page now lists their posts."""
        run = self.importer
        if run.author:
            return [(login, run.author) for login in run.site.authors]
        return list(run.users.items())

    def attachment_redirects(self):
        """An attachment's page leads to the post or page it belonged to, when that one was imported."""
        run, pages = self.importer, self.importer.pages.imported
        posts = Post.objects.in_bulk(
            {parent for _id, parent, _title, _link in run.attachments}, field_name="wordpress_id"
        )
        wanted = {}
        for attachment_id, parent, title, link in run.attachments:
            if parent in posts or parent in pages:
                paths = old_urls.attachment_paths(attachment_id, link, run.site)
                goes_to = {"post": posts[parent]} if parent in posts else {"page": pages[parent]}
                wanted.update(dict.fromkeys(paths, goes_to))
            else:
                address = unquote(link) or f"{old_urls.blog_base(run.site)}?attachment_id={attachment_id}"
                self.report.listing("attachment", f"{markup.plain_text(title) or attachment_id} — {address}")
        return wanted

    def store(self, wanted, take_over=True):
        """Point each old path of `wanted` ({path: {"post"|"tag"|"page"|"target": …}}) at its new place.

        Without `take_over`, an address already leading to another post is left alone: a
        post's permalink wins over the same address made of another post's old slug.
        """
        if not wanted:
            return
        existing = {path: self.waiting[path] for path in wanted if path in self.waiting}
        stored = [path for path in wanted if path in self.paths]
        if stored:
            existing.update((r.old_path, r) for r in Redirect.objects.filter(old_path__in=stored))
        for path, goes_to in sorted(wanted.items()):
            if shadowed(path):
                self.report.listing("shadowed", path)
            values = {"post": None, "tag": None, "page": None, "target": "", **goes_to}
            redirect = existing.get(path)
            if redirect is None:
                self.waiting[path] = Redirect(old_path=path, **values)
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

    def flush(self):
        Redirect.objects.bulk_create(self.waiting.values())
        self.paths.update(self.waiting)
        self.waiting = {}


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
