from django import template
from django.utils.safestring import mark_safe

from blog import extensions, markup
from blog.models import Post

register = template.Library()


@register.filter
def markdown(text):
    """Render a summary (Markdown) into cleaned HTML."""
    return mark_safe(markup.markdown_to_html(text))  # noqa: S308 - cleaned by nh3


@register.inclusion_tag("includes/_popular_tags.html")
def popular_tags(limit=20):
    tags = Post.objects.published().tag_counts().order_by("-num_posts", "name")[:limit]
    return {"tags": tags}


@register.simple_tag(takes_context=True)
def slot(context, name):
    """The templates other apps registered for the place `name` of a page (see blog.extensions), rendered here."""
    engine = context.template.engine
    parts = [engine.get_template(template_name).render(context) for template_name in extensions.templates(name)]
    return mark_safe("".join(parts))  # noqa: S308 - templates, autoescaped as any other
