from django import template

from comments.models import Comment

register = template.Library()


@register.simple_tag
def post_url(post, name):
    """The URL named `name` that sits under the post's permalink (comment form, comments feed)."""
    return post.get_url(name)


@register.inclusion_tag("admin/comments/_pending_comments.html", takes_context=True)
def pending_comments_notice(context):
    """On the admin index, for moderators: how many comments await a decision."""
    request = context["request"]
    if not request.user.has_perm("comments.change_comment"):
        return {"count": 0}
    return {"count": Comment.objects.moderated_by(request.user).pending().count()}
