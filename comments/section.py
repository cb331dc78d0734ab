"""A post's comment section, its threads and its form, as HTML built in Python.

The markup its templates gave (comments/_comments.html and _comment_form.html): with some thirty
tags, translations and includes between them, they cost a post page about 1.5 ms, more than its
comments' query. tests/comments/test_section.py compares every state of the section with the former
templates' markup.
"""

from functools import lru_cache
from html import escape

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.base import render_value_in_context
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_noop, ngettext

from blog.addresses import address

from . import spam, threads
from .forms import READER_FIELDS, CommentForm
from .rendering import threads_html
from .shown import shown_comments
from .text import name_html


def section_html(context):
    """The "post_after" slot of a post page: the approved comments of its post as threads, and the form to add
    one (as she typed it, after an error)."""
    return mark_safe("\n" + Section(context).html() + "\n")  # noqa: S308 - every value escaped below


class Section:
    """What the section shows, read once from the post page's template context; written by html()."""

    def __init__(self, context):
        self.context = context
        self.request = request = context["request"]
        self.post = post = context["post"]
        self.placed_notices, awaiting, self.form_notices = _notices(context.get("messages", ()))
        comments = shown_comments(post, awaiting=awaiting)
        by_pk = {comment.pk: comment for comment in comments if not comment.awaiting}
        form = context.get("comment_form")
        if form is None:
            reply_to = by_pk.get(_int(request.GET.get("replytocom")))
            form = CommentForm.for_reader(post, request.user, parent=reply_to)
        self.form = form
        self.comments_open = post.comments_open
        self.threads = threads.build(comments, settings.COMMENTS_MAX_DEPTH)
        self.count = len(by_pk)
        self.replying_to = by_pk.get(_int(form["parent"].value()))

    def html(self):
        post = self.post
        if self.count:
            count = render_value_in_context(self.count, self.context)  # spaced as the language groups digits
            heading = ngettext("%(counter)s comment", "%(counter)s comments", self.count) % {"counter": count}
        else:
            heading = escape(gettext("Comments"))
        if self.threads:
            listed = f'\n  <ol class="comment-list">\n    {threads_html(self.threads, self)}\n  </ol>\n  '
        elif self.comments_open:
            listed = f'<p class="empty">{escape(gettext("No comments yet."))}</p>'
        else:
            listed = ""
        if self.comments_open:
            ending = ("" if self.replying_to else self.form_html()) + "\n  "
        elif post.is_published:
            ending = f'\n  <p class="comments-closed">{escape(gettext("Comments are closed."))}</p>\n  '
        else:
            ending = ""
        feed = escape(post.get_url("comments:post-feed"))
        return (
            '<section class="comments" id="comments" aria-labelledby="comments-heading">\n'
            f'  <h2 id="comments-heading">{heading}</h2>\n'
            f"  {listed}\n"
            f'  <p class="comment-feed"><a href="{feed}" type="application/rss+xml">'
            f"{escape(gettext('Comments feed for this post'))}</a></p>\n"
            f"  {ending}\n"
            "</section>\n"
        )

    def form_html(self):
        """The form, under the section or under the comment she replies to."""
        form, replying_to = self.form, self.replying_to
        notices = "".join(
            f'<p class="comment-notice" role="status">{escape(str(message))}</p>' for message in self.form_notices
        )
        if replying_to:
            name = name_html(replying_to.author_name)
            heading = gettext("Reply to %(name)s") % {"name": name} + "\n      "
            submit = escape(gettext("Post reply"))
            url = escape(self.post.get_absolute_url())
            cancel = f'<a class="cancel-reply" href="{url}#respond">{escape(gettext("Cancel reply"))}</a>'
        else:
            heading, submit, cancel = escape(gettext("Leave a comment")), escape(gettext("Post comment")), ""
        error = self.context.get("comment_error")
        error = f'<p class="comment-error" role="alert">{escape(str(error))}</p>' if error else ""
        akismet = escape(gettext(_AKISMET)) if settings.AKISMET_API_KEY else ""
        return (
            '<div class="comment-form" id="respond">\n'
            f"    {notices}\n"
            f"    <h3>{heading}</h3>\n"
            f"    {error}\n"
            f"    {form.non_field_errors()}{form['parent'].errors}\n"
            f'    <form method="post" action="{escape(self.post.get_url("comments:create"))}#respond" novalidate '
            f'data-form-keys="{escape(address("comments:form-keys"))}">\n'
            f"      {self.form_keys()}\n"
            f"      {form['parent']}{form['submission']}\n"
            f"      {fields_html(form)}"
            '      <p class="leave-empty" aria-hidden="true">\n'
            f'        <label for="id_leave_empty">{escape(gettext("Leave this field empty"))}</label>\n'
            '        <input type="text" name="leave_empty" id="id_leave_empty" value="" tabindex="-1"'
            ' autocomplete="off">\n'
            "      </p>\n"
            f'      <p class="form-actions"><button type="submit">{submit}</button>\n'
            f"        {cancel}</p>\n"
            "    </form>\n"
            '    <p class="privacy-note"><small>\n'
            f"      {escape(gettext(_PRIVACY))}\n"
            f"      {akismet}\n"
            "    </small></p>\n"
            f'    <script src="{escape(static("js/comment-form.js"))}" defer></script>\n'
            "  </div>\n"
        )

    def form_keys(self):
        """The CSRF token and signed time of the form; empty on a page kept for every reader (a script fills them)."""
        if getattr(self.request, "is_shared_page", False):
            token, timestamp = "", ""
        else:
            token = get_token(self.request)
            timestamp = spam.kept_timestamp(self.form) or spam.sign_timestamp()
        return format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="timestamp" value="{}">',
            token,
            timestamp,
        )


_PRIVACY = gettext_noop(
    "Privacy: your name, website and comment are shown publicly; your e-mail address never is. We keep your IP "
    "address and browser name to fight spam."
)
_AKISMET = gettext_noop(
    "To filter spam, your comment, name, e-mail address, website, IP address and browser name are sent to "
    "Akismet (Automattic Inc.)."
)


def fields_html(form):
    """The fields she fills in, and the choice of notices. Those of a blank form, the same for every reader who is
    not logged in, are written once per language: through Django's forms, they were a fifth of the section."""
    return _blank_fields_html(get_language()) if form.is_blank else _fields_html(form)


@lru_cache(maxsize=len(settings.LANGUAGES))
def _blank_fields_html(language):
    """`language`, the active one, is the key: the labels and help are in it."""
    return _fields_html(CommentForm(post=None))


def _fields_html(form):
    fields = "\n      ".join(comment_field(form[name]) for name in (*READER_FIELDS, "body"))
    return (
        f"{fields}\n"
        '      <p class="remember" hidden>\n'  # shown by static/js/comment-form.js, which does the remembering
        '        <label><input type="checkbox" id="remember-commenter"> '
        f"{escape(gettext('Remember my name, e-mail and website in this browser'))}</label>\n"
        "      </p>\n"
        '      <fieldset class="notify">\n'
        f"        <legend>{form['notify']} {form['notify'].label_tag()}</legend>\n"
        f"        {form['notify_scope'].errors}{form['notify_scope']}\n"
        '        <small class="help">'
        f"{escape(gettext('We first send you an e-mail to confirm; every message has a link to stop.'))}</small>\n"
        "      </fieldset>\n"
    )


def comment_field(field):
    """A field of the comment form with its label, errors and help."""
    help_text = (
        # The id the input's aria-describedby names (Django adds it when there is help).
        format_html(' <small class="help" id="{}_helptext">{}</small>', field.auto_id, field.help_text)
        if field.help_text
        else ""
    )
    return format_html('<p class="field">{}{}\n  {}{}</p>\n', field.label_tag(), field.errors, field, help_text)


def _notices(messages):
    """What the comment view said: under the reader's comment once published or held for moderation (`awaiting`:
    the id of the latter), else next to the form. Returns (notices by comment id, awaiting, the form's notices)."""
    notices = [message for message in messages if "comment" in message.extra_tags.split()]
    placed, awaiting = {}, None
    for message in notices:
        for tag in message.extra_tags.split():
            kind, _dash, pk = tag.partition("-")
            if kind in {"published", "awaiting"} and pk.isdigit():
                placed[int(pk)] = message
                if kind == "awaiting":
                    awaiting = int(pk)
    return placed, awaiting, [m for m in notices if m not in placed.values()]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
