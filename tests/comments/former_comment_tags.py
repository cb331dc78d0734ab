"""The template tags of the former comment section's templates (former_templates/comments/), for test_section.py.

The state they show (comments, form, notices) is read as comments.section reads it; only the writing of the markup
is the former one: its templates, and the reply form rendered through them.
"""

from django import template
from django.conf import settings

from comments import rendering
from comments.section import Section, comment_field
from comments.templatetags.comment_tags import post_url

register = template.Library()
register.simple_tag(comment_field)
register.simple_tag(post_url)


@register.inclusion_tag("comments/_comments.html", takes_context=True)
def comment_section(context, post):
    section = Section(context)
    return {
        "post": post,
        "request": context["request"],
        "comments_open": post.comments_open,
        "threads": section.threads,
        "count": section.count,
        "form": section.form,
        "replying_to": section.replying_to,
        "comment_error": context.get("comment_error"),
        "placed_notices": section.placed_notices,
        "form_notices": section.form_notices,
        "akismet": bool(settings.AKISMET_API_KEY),
        "section": section,
    }


class _FormerForm:
    """The section as the threads see it, its reply form rendered by the former template."""

    def __init__(self, context):
        self.section, self.context = context["section"], context

    def __getattr__(self, name):
        return getattr(self.section, name)

    def form_html(self):
        return self.context.template.engine.get_template("comments/_comment_form.html").render(self.context)


@register.simple_tag(takes_context=True)
def comment_thread_list(context):
    return rendering.threads_html(context["threads"], _FormerForm(context))


@register.simple_tag(takes_context=True)
def comment_form_keys(context):
    return context["section"].form_keys()
