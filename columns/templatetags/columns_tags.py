from django import template

register = template.Library()


@register.filter
def description_for(column, language):
    """(language, text) of the column's description, in `language` when written, else in any language."""
    descriptions = column.descriptions()
    if language in descriptions:
        return language, descriptions[language]
    return next(iter(descriptions.items()), None)
