from dataclasses import dataclass

from django import template

from blog.compiled import CompiledQuery
from blog.templatetags.meta_tags import short_description
from pages.models import Page, page_url

register = template.Library()


@dataclass(frozen=True)
class NavigationLink:
    title: str
    url: str
    language: str


# Asked on every page: compiled once.
_NAVIGATION = CompiledQuery(lambda now: Page.objects.in_navigation(now).values_list("title", "path", "language"))


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The pages listed in the site's menu (one query), on every page, the 404 page included."""
    return [NavigationLink(title, page_url(path), language) for title, path, language in _NAVIGATION()]


@register.filter
def page_description(page):
    """The start of the page's text, as short plain text, for search engines and link previews."""
    return short_description(page.body_html)
