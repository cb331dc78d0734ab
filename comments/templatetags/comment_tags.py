from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.html import format_html

from comments import rendering, spam
from comments import text as comment_text
from comments import threads as comment_threads
from comments.forms import CommentForm
from comments.models import Comment
from comments.shown import shown_comments

register = template.Library()


@register.filter
def comment_body(text):
    """A comment's plain text as paragraphs with clickable links, everything else escaped."""
    return comment_text.render_body(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.inclusion_tag("comments/_comments.html", takes_context=True)
def comment_section(context, post):
    """The approved comments of `post` as threads, and the form (bound, after an error) to add one."""
    request = context["request"]
    notices = _notices(context.get("messages", ()))
    comments = shown_comments(post, awaiting=notices["awaiting"])
    by_pk = {comment.pk: comment for comment in comments if not comment.awaiting}
    form = context.get("comment_form")
    if form is None:
        reply_to = by_pk.get(_int(request.GET.get("replytocom")))
        form = CommentForm.for_reader(post, request.user, parent=reply_to)
    return {
        "post": post,
        "request": request,
        "comments_open": post.comments_open,
        "threads": comment_threads.build(comments, settings.COMMENTS_MAX_DEPTH),
        "count": len(by_pk),
        "form": form,
        "replying_to": by_pk.get(_int(form["parent"].value())),
        "comment_error": context.get("comment_error"),
        **notices,
        "akismet": bool(settings.AKISMET_API_KEY),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.simple_tag(takes_context=True)
def comment_thread_list(context):
    """The comment section's threads as HTML (comments.rendering: a template per comment cost most of a long page)."""
    return rendering.threads_html(context["threads"], context)


@register.simple_tag
def comment_field(field):
    """A field of the comment form with its label, errors and help (a template included four times cost more)."""
    help_text = (
        # The id the input's aria-describedby names (Django adds it when there is help).
        format_html(' <small class="help" id="{}_helptext">{}</small>', field.auto_id, field.help_text)
        if field.help_text
        else ""
    )
    return format_html('<p class="field">{}{}\n  {}{}</p>\n', field.label_tag(), field.errors, field, help_text)


@register.simple_tag(takes_context=True)
def comment_form_keys(context):
    """The CSRF token and signed time of the form; empty on a page kept for every reader (a script fills them)."""
    request = context["request"]
    if getattr(request, "is_shared_page", False):
        token, timestamp = "", ""
    else:
        token, timestamp = get_token(request), spam.kept_timestamp(context.get("form")) or spam.sign_timestamp()
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}"><input type="hidden" name="timestamp" value="{}">',
        token,
        timestamp,
    )


def _notices(messages):
    """What the comment view said: under the reader's comment once published or held for moderation (`awaiting`:
    the id of the latter), else next to the form."""
    notices = [message for message in messages if "comment" in message.extra_tags.split()]
    placed, awaiting = {}, None
    for message in notices:
        for tag in message.extra_tags.split():
            kind, _dash, pk = tag.partition("-")
            if kind in {"published", "awaiting"} and pk.isdigit():
                placed[int(pk)] = message
                if kind == "awaiting":
                    awaiting = int(pk)
    return {
        "placed_notices": placed,
        "awaiting": awaiting,
        "form_notices": [m for m in notices if m not in placed.values()],
    }


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


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
