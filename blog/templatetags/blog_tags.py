from django import template
from django.utils.safestring import mark_safe

from blog import markup
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
