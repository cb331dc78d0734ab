from django import template

from blog.templatetags.meta_tags import short_description

register = template.Library()


@register.filter
def page_description(page):
    """The start of the page's text, as short plain text, for search engines and link previews."""
    return short_description(page.body_html)
