"""The page header every page carries (site name, menu, search box, language switch), written in Python: through
its template it was most of the frame's time, 0.6 of 0.85 ms (tests/blog/test_cards.py compares the bytes).
The apps' menu links (columns, pages) mark the reader's place with its `menu_mark`."""

from functools import lru_cache
from html import escape

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext, pgettext

from blog import extensions
from blog.addresses import address


def menu_mark(request, url, within=None):
    """The reader's place in the menu, for the link to `url`: ' aria-current="page"' on that page,
    ' aria-current="true"' on a page within it (of the view named `within`), else nothing."""
    if request.path == url:
        return ' aria-current="page"'
    if within and getattr(request.resolver_match, "view_name", None) == within:
        return ' aria-current="true"'
    return ""


# On a phone, where the header's search box gives way to it: beside the language switch, the menu below keeping
# its line (in French, « Rechercher » wrapped alone onto a third).
MAGNIFIER = (
    '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">'
    '<circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/>'
    '<path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>'
)


def header_html(context, search=True):
    """The site's header; `search`: with the search box (the search page has its own form)."""
    request = context["request"]
    latest, tags, search_page = address("blog:post-list"), address("blog:tag-list"), address("search:search")
    box = ""
    if search:
        box = (
            f'<form class="site-search" action="{escape(search_page)}" method="get" role="search">\n'
            '      <label class="visually-hidden" for="site-search-q">'
            f"{escape(gettext('Search the posts'))}</label>\n"
            '      <input id="site-search-q" type="search" name="q" maxlength="200">\n'
            f'      <button type="submit">{escape(gettext("Search"))}</button>\n'
            "    </form>"
        )
    return (
        '<header class="site-header">\n'
        f'    <p class="site-name"><a href="{escape(latest)}">{escape(str(context["SITE_NAME"]))}</a></p>\n'
        f'    <nav aria-label="{escape(gettext("Main"))}">\n'
        "      <ul>\n"
        "        \n"
        f'        <li><a href="{escape(latest)}"{menu_mark(request, latest)}>'
        f"{escape(pgettext('menu', 'Latest posts'))}</a></li>\n"
        f'        <li><a href="{escape(tags)}"{menu_mark(request, tags, within="blog:tag-detail")}>'
        f"{escape(gettext('Tags'))}</a></li>\n"
        f"        {extensions.render('nav', context)}\n"
        "      </ul>\n"
        "    </nav>\n"
        f"    {box}\n"
        f'    <a class="phone-search" href="{escape(search_page)}"{menu_mark(request, search_page)}>{MAGNIFIER}'
        f'<span class="visually-hidden">{escape(gettext("Search"))}</span></a>\n'
        f"    {language_switch_html(request)}\n"
        "  </header>"
    )


def language_switch_html(request):
    """The form changing the interface language, each button named in its own language."""
    current = get_language()
    buttons = "".join(_language_button(code, current) for code, _name in settings.LANGUAGES)
    return (
        f'\n<form class="language-switch" action="{escape(address("set_language"))}" method="post">\n'
        f'  <input name="next" type="hidden" value="{escape(request.get_full_path())}">\n'
        f'  <span class="label" id="language-switch-label">{escape(gettext("Interface:"))}</span>\n'
        f'  <span role="group" aria-labelledby="language-switch-label">{buttons}</span>\n'
        "</form>\n"
    )


@lru_cache(maxsize=64)
def _language_button(code, current):
    """A button, the same for every page in one language: kept (its title is looked up in the other language)."""
    title = ""
    if code != current:
        with translation.override(code):
            title = f' title="{escape(gettext("Show menus and buttons in this language"))}"'
    name = escape(capfirst(get_language_info(code)["name_local"]))
    pressed = "true" if code == current else "false"
    return (
        f'\n    <button type="submit" name="language" value="{escape(code)}" lang="{escape(code)}" '
        f'aria-pressed="{pressed}"{title}>{name}</button>'
    )
