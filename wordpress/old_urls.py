"""The old blog's addresses: those the importer stores, and how a request finds its new place.

A stored `Redirect` holds one old address per post, tag, category or author. Their
variants (`page/2/`, `feed/`, `comment-page-3/`, `?paged=2`, `&feed=rss2`…) are not
stored: a request is read as "this stored address, plus this suffix", and the suffix is
carried over to the new address. What needs no stored address at all (feeds of the
whole blog, date archives, page numbers of a Carnet list) is answered by rule.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlencode, urlsplit

from django.urls import Resolver404, resolve, reverse, reverse_lazy
from django.utils.text import slugify

FEED = reverse_lazy("blog:feed")
ATOM_FEED = reverse_lazy("blog:feed-atom")
COMMENTS_FEED = reverse_lazy("comments:feed")
# The RSS and Atom feeds of Carnet's lists, by the name of the list's URL.
FEEDS_OF = {
    "blog:post-list": ("blog:feed", "blog:feed-atom"),
    "blog:tag-detail": ("blog:tag-feed", "blog:tag-feed-atom"),
    "blog:language-detail": ("blog:language-feed", "blog:language-feed-atom"),
}
FEED_KINDS = {"rss": "rss", "rss2": "rss", "rdf": "rss", "atom": "atom"}
# Addresses WordPress answered with a feed, from 2004's `wp-rss2.php` on.
FEEDS = {
    "/wp-rss.php": FEED,
    "/wp-rss2.php": FEED,
    "/wp-rdf.php": FEED,
    "/wp-feed.php": FEED,
    "/wp-atom.php": ATOM_FEED,
    "/wp-commentsrss2.php": COMMENTS_FEED,
    **{f"/comments/feed/{kind}/": COMMENTS_FEED for kind in FEED_KINDS},
}
QUERY_FEEDS = {"comments-rss2": COMMENTS_FEED, "comments-atom": COMMENTS_FEED}
SUFFIX = re.compile(
    r"^(?P<base>/(?:.*?/)??)(?:(?P<is_feed>feed/(?:(?P<feed>rss2?|rdf|atom)/)?)|page/(?P<page>[0-9]{1,9})/"
    r"|comment-page-\d+/|(?:trackback|embed|amp)/|(?P<number>[0-9]+)/)$"
)
# A WordPress id or number: ASCII digits only (`str.isdigit()` also takes "²", which `int()` refuses).
NUMBER = re.compile(r"[0-9]{1,18}")
QUERY_VARS = {
    "p",
    "page_id",
    "attachment_id",
    "cat",
    "tag",
    "category_name",
    "author",
    "author_name",
    "m",
    "feed",
    "paged",
    "s",
}


@dataclass(frozen=True)
class Suffix:
    """What an old address adds to the page it names: a page number, a feed, or a language (qTranslate's and
    Polylang's `&lang=fr`: the post's translation in it, when there is one)."""

    page: int = 1
    feed: str = ""
    language: str = ""

    def apply(self, url, post=None):
        other_language = post is not None and self.language and self.language != post.language
        if other_language and (translation := post.linked_translation):
            return self.apply(translation.get_absolute_url(), translation)
        if self.feed:
            return feed_of(url, self.feed, post)
        if self.page > 1 and post is None:
            return f"{url}?page={self.page}"
        return url


@dataclass
class Wanted:
    """Stored old addresses a request may mean (best first, each with its suffix), and
    where to send it by rule when none is stored."""

    candidates: list[tuple[str, Suffix]] = field(default_factory=list)
    fallback: str = ""


def feed_of(url, kind, post=None):
    """The feed of the page at `url` (a post's is its comments feed), or the page itself when it has none."""
    if post is not None:
        return post.get_url("comments:post-feed")
    page = carnet_page(unquote(url))  # `url` comes from reverse(): quoted
    if page is None or page.view_name not in FEEDS_OF:
        return url
    rss, atom = FEEDS_OF[page.view_name]
    return reverse(atom if kind == "atom" else rss, kwargs=page.kwargs)


def carnet_page(path):
    """What Carnet's URLs make of `path` (no query: only the URL patterns), or None.

    The pages app's last route takes any path: it names one of Carnet's pages only when a
    page is there, which the URLs cannot tell, so it counts as none.
    """
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return None if match.namespace == "pages" else match


def decoded(text):
    """A path or slug as stored: percent-escapes decoded, accents composed (NFC) whichever way they were sent."""
    return unicodedata.normalize("NFC", unquote(text))


def asked_in(query, page):
    """The page number (`query[page]`: WordPress's `paged`, Carnet's `page`) and the language (`lang`) a query
    string asks for."""
    number = query.get(page, "")
    return Suffix(page=int(number) if NUMBER.fullmatch(number) else 1, language=query.get("lang", "")[:2].lower())


def from_path(path, query=None):
    """What a request for `path` (decoded), which Carnet does not know, may have meant on the old blog.

    `query` (the request's GET) may add a language (qTranslate's `permalink?lang=fr`) or a page number (a
    merged tag's own `/tag/old/?page=2`)."""
    path = unicodedata.normalize("NFC", path)
    if path in FEEDS:
        return Wanted(fallback=FEEDS[path])
    asked = asked_in(query or {}, page="page")
    wanted = Wanted(candidates=[(path, asked)])
    if not path.endswith("/"):
        path += "/"
        wanted.candidates.append((path, asked))
    match = SUFFIX.match(path)
    if match:
        base, feed = match.group("base"), match.group("feed") or "rss"
        suffix = Suffix(
            page=int(match.group("page") or asked.page),
            feed=FEED_KINDS[feed] if match.group("is_feed") else "",
            language=asked.language,
        )
        wanted.candidates.append((base, suffix))
        wanted.fallback = by_rule(base, suffix, number=match.group("number"))
    # A permalink with no closing slash (`/work/my-post.html`) took suffixes and a slash too: `…html/feed/`.
    known = {old for old, _suffix in wanted.candidates}
    wanted.candidates += [
        (old[:-1], suffix) for old, suffix in wanted.candidates if old.endswith("/") and old[:-1] not in known | {""}
    ]
    return wanted


def by_rule(base, suffix, number):
    """Where `base` + a suffix goes without a stored address, when it is one of the blog's pages.

    A number after a post is its page, after a month a day: Carnet shows the month. A feed
    goes to the page's feed, when the page has one.
    """
    page = carnet_page(base)
    if page is None or page.namespace != "blog":
        return ""
    if number:
        return base if page.view_name == "blog:archive-month" else ""
    if suffix.feed and page.view_name not in FEEDS_OF:
        return ""
    return suffix.apply(base)


def from_query(path, query):
    """What WordPress's query-string addresses (`/?p=12`, `/?cat=3&feed=rss2`, `/?m=201003`) meant.

    None when the request carries none of WordPress's variables, or when `path` is one of
    Carnet's own pages (the admin's `?p=2`, for one): its query string is its own.
    """
    if not QUERY_VARS & query.keys() or (path != "/" and carnet_page(path)):
        return None
    feed = query.get("feed", "")
    suffix = replace(asked_in(query, page="paged"), feed=FEED_KINDS.get(feed, "rss" if feed else ""))
    wanted = Wanted()
    for name in ("p", "page_id", "attachment_id", "cat", "author"):
        value = query.get(name, "")
        if NUMBER.fullmatch(value):
            wanted.candidates.append((f"{path}?{name}={int(value)}", suffix))
    for name, folder in (("tag", "tag"), ("category_name", "category"), ("author_name", "author")):
        value = query.get(name, "").strip("/")
        if value:
            wanted.candidates.append((f"{path}{folder}/{value}/", suffix))
    # Only a Carnet page gets a page number or a feed by rule: `//elsewhere.example/?paged=2` must not leave the site.
    by_rule = suffix.apply(path) if suffix != Suffix() and carnet_page(path) else ""
    wanted.fallback = QUERY_FEEDS.get(feed) or date_archive(query.get("m", "")) or search(query) or by_rule
    if not wanted.fallback and suffix != Suffix() and path != "/":
        wanted.candidates.append((path, suffix))  # `/blog/?feed=rss2`: the feed of where `/blog/` leads
    return wanted


def search(query):
    """`/?s=words`, WordPress's search, is Carnet's `/search/?q=words`."""
    if "s" not in query:
        return ""
    return f"{reverse('search:search')}?{urlencode({'q': query['s']})}"


def date_archive(value):
    """`?m=2010` → the year's archive; `?m=201003` and `?m=20100304` → the month's."""
    if not NUMBER.fullmatch(value) or len(value) < 4:
        return ""
    if len(value) < 6 or not 1 <= int(value[4:6]) <= 12:
        return reverse("blog:archive-year", args=[int(value[:4])])
    return reverse("blog:archive-month", args=[int(value[:4]), int(value[4:6])])


# What the importer stores


def blog_base(site, link=""):
    """The path the old blog lived under: `/`, or `/blog/` for a blog in a folder."""
    return urlsplit(site.base_blog_url or link).path.rstrip("/") + "/"


def permalink(link):
    """The path of a WordPress permalink, or "" for a query-string link such as `/?p=ID`."""
    parts = urlsplit(link)
    if not parts.path or parts.query:
        return ""
    return decoded(parts.path)[:500]


def post_paths(item, site):
    """The addresses the old blog answered for a post: its permalink and `?p=ID`."""
    paths = {f"{blog_base(site, item.link)}?p={item.id}"}
    if permalink(item.link):
        paths.add(permalink(item.link))
    return paths


def old_slug_paths(item):
    """The permalinks the post had under the slugs WordPress kept in `_wp_old_slug`."""
    path, slug = permalink(item.link), decoded(item.slug)
    head, found, tail = path.rpartition(f"/{slug}/")
    if not slug or not found:
        return set()
    return {f"{head}/{decoded(old)}/{tail}"[:500] for old in item.old_slugs if old and decoded(old) != slug}


def attachment_paths(attachment_id, link, site):
    paths = {f"{blog_base(site, link)}?attachment_id={attachment_id}"}
    if permalink(link):
        paths.add(permalink(link))
    return paths


def category_paths(term, parents, site):
    """`/category/parent/child/`, and `/category/child/`, which WordPress also answered."""
    chain, slug, seen = [term.slug], term.parent, {term.slug}
    while slug and slug not in seen:
        chain.insert(0, slug)
        seen.add(slug)
        slug = parents.get(slug, "")
    base = blog_base(site)
    paths = {f"{base}category/{'/'.join(decoded(s) for s in chain)}/", f"{base}category/{decoded(term.slug)}/"}
    if term.id:
        paths.add(f"{base}?cat={term.id}")
    return {path[:500] for path in paths}


def tag_paths(term, site):
    return {f"{blog_base(site)}tag/{decoded(term.slug)}/"[:500]}


def author_paths(author, site):
    """`/author/NICENAME/` (WordPress's nicename is the login made into a slug) and `?author=ID`."""
    base = blog_base(site)
    paths = {f"{base}author/{slugify(author.login) or author.login}/"}
    if NUMBER.fullmatch(author.id):
        paths.add(f"{base}?author={int(author.id)}")
    return paths
