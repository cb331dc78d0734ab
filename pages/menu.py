"""The site menu's links to pages, on every page (the 404 page included), built in Python: a template cost more."""

from dataclasses import dataclass
from html import escape

from django.utils.safestring import mark_safe

from blog.compiled import CompiledQuery
from blog.frame import menu_mark

from .models import Page, page_url


@dataclass(frozen=True)
class NavigationLink:
    title: str
    url: str
    language: str


# Asked on every page: compiled once.
_NAVIGATION = CompiledQuery(lambda now: Page.objects.in_navigation(now).values_list("title", "path", "language"))


def navigation_pages():
    """The pages listed in the site's menu (one query), on every page, the 404 page included."""
    return [NavigationLink(title, page_url(path), language) for title, path, language in _NAVIGATION()]


def menu_links(context):
    """The menu's links to the pages, the reader's own marked (built here: a template on every page)."""
    request = context["request"]
    links = (
        f'\n        <li><a href="{escape(page.url)}" lang="{escape(page.language)}"'
        f"{menu_mark(request, page.url)}>{escape(page.title)}</a></li>"
        for page in navigation_pages()
    )
    return mark_safe("".join(links) + "\n")  # noqa: S308 - escaped
