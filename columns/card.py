"""The line a republished column adds under a post's title in lists and similar posts, and the menu's link to
the columns, built in Python (a template per post cost too much in lists, and one on every page; blog.cards)."""

from html import escape

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from blog.addresses import address
from blog.frame import menu_mark
from blog.templatetags.blog_tags import day_date


def menu_link(context):
    """The menu's link to the columns, marked as the reader's place on their index and on a column's page."""
    url = address("columns:column-list")
    current = menu_mark(context["request"], url, within="columns:column-detail")
    return mark_safe(f'<li><a href="{escape(url)}"{current}>{escape(gettext("Columns"))}</a></li>\n')  # noqa: S308


def column_line(context):
    """ "Column · first published in Publication, date", in the post's language."""
    post = context["post"]
    republication = getattr(post, "republication", None)
    if not republication:
        return "\n"
    with translation.override(post.language):
        column = republication.column
        values = {"column": escape(column.name), "publication": escape(column.publication.name)}
        if republication.originally_published_on:
            values["date"] = escape(day_date(republication.originally_published_on))
            line = gettext("%(column)s · first published in %(publication)s, %(date)s") % values
        else:
            line = gettext("%(column)s · first published in %(publication)s") % values
    return mark_safe(f'\n<p class="column-line" lang="{escape(post.language)}">{line}</p>\n\n')  # noqa: S308 - escaped
