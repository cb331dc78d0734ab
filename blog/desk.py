"""The writing desk behind the post form: a live preview and the autosaved draft of what she types."""

import json
import math
import re
from html import unescape

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import markup
from .models import Language, Markup, Post, PostDraft
from .post_form import SUMMARY_FIELDS
from .templatetags.blog_tags import shown_html

WORDS_PER_MINUTE = 230
MAX_DRAFT_FIELDS = 200
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+(?:['’-]\w+)*")
STATS_TEMPLATE = gettext_lazy("Words: {words} · reading time: about {minutes} min")


def reading_stats(html):
    """(words, minutes to read) of rendered HTML; punctuation standing alone (« : ») is no word."""
    text = unescape(TAG.sub(" ", html))  # counting only: the HTML was cleaned already
    words = len(WORD.findall(text))
    return words, math.ceil(words / WORDS_PER_MINUTE)


def form_context(user, form, post):
    """What the post form's template shows around the fields: summaries in order, preview, counts, draft."""
    language = form["language"].value() or Language.FR
    summaries = [(code, form[name]) for code, name in SUMMARY_FIELDS.items() if name in form.fields]
    summaries.sort(key=lambda item: item[0] == language)  # the other language first
    kind = post.markup if post else Markup.MARKDOWN
    html = post.body_html if post and not form.is_bound else markup.render(form["body"].value(), kind)
    html = shown_html(html, language)  # as the post's page will show it
    words, minutes = reading_stats(html)
    draft = find_draft(user, post)
    return {
        "language": language,
        "markup": kind,
        "summaries": summaries,
        "preview_html": mark_safe(html),  # noqa: S308 - cleaned by nh3 when rendered
        "stats_template": STATS_TEMPLATE,
        "stats": STATS_TEMPLATE.format(words=formats.number_format(words, force_grouping=True), minutes=minutes),
        "draft": {"data": draft.data, "saved_at": draft.saved_at.isoformat()} if draft else None,
        "now": timezone.now().isoformat(),  # the server's clock, by which the browser dates what it keeps
    }


def may_write(user):
    return user.has_perm("blog.add_post") or user.has_perm("blog.change_post")


@never_cache
@require_POST
def preview(request):
    """The body as the published post will show it, rendered by the same function; word count in headers."""
    if not may_write(request.user):
        raise PermissionDenied
    kind = request.POST.get("markup", Markup.MARKDOWN)
    rendered = markup.render(request.POST.get("body", ""), kind if kind in Markup.values else Markup.MARKDOWN)
    html = shown_html(rendered, request.POST.get("language", ""))
    words, minutes = reading_stats(html)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["X-Word-Count"] = words
    response["X-Reading-Minutes"] = minutes
    return response


def find_draft(user, post):
    """The autosaved draft of `user` for `post` (None: the form of a new post)."""
    return PostDraft.objects.filter(user=user, post=post).first()


def clear_draft(user, post):
    PostDraft.objects.filter(user=user, post=post).delete()


def valid_fields(data):
    return (
        isinstance(data, dict)
        and len(data) <= MAX_DRAFT_FIELDS
        and all(
            isinstance(value, str | bool) or (isinstance(value, list) and all(isinstance(item, str) for item in value))
            for value in data.values()
        )
    )


def read_payload(request):
    """The JSON object sent, if it names its post (a pk, or null for a new post); else None."""
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return None
    if (
        isinstance(payload, dict)
        and "post" in payload
        and (payload["post"] is None or (type(payload["post"]) is int and 0 < payload["post"] < 2**63))
    ):
        return payload
    return None


@never_cache
@require_POST
def autosave(request):
    """Keep `{"post": pk or null, "data": {field: value}}` as the user's draft; `"discard": true` drops it."""
    if not may_write(request.user):
        raise PermissionDenied
    payload = read_payload(request)
    if payload is None:
        return JsonResponse({"error": _("The draft could not be read.")}, status=400)
    post = None
    if payload["post"] is not None:
        post = get_object_or_404(Post.objects.editable_by(request.user), pk=payload["post"])
    if payload.get("discard"):
        clear_draft(request.user, post)
        return JsonResponse({"discarded": True})
    if not valid_fields(payload.get("data")):
        return JsonResponse({"error": _("The draft could not be read.")}, status=400)
    draft, _created = PostDraft.objects.update_or_create(
        user=request.user, post=post, defaults={"data": payload["data"]}
    )
    return JsonResponse({"saved_at": draft.saved_at.isoformat()})
