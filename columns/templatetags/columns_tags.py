from django import template

from blog.links import absolute_url

register = template.Library()


@register.filter
def canonical_url(post):
    """The absolute address search engines should index for `post`: its original while that lives, else itself."""
    republication = getattr(post, "republication", None)
    if republication:
        return republication.canonical_url()
    return absolute_url(post.get_absolute_url())


@register.filter
def description_for(column, language):
    """(language, text) of the column's description, in `language` when written, else in any language."""
    descriptions = column.descriptions()
    if language in descriptions:
        return language, descriptions[language]
    return next(iter(descriptions.items()), None)
