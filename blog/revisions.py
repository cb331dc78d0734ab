"""Revisions: each save of a post keeps its words, and any earlier version can be brought back.

A revision is one row holding the post as the author sees it in the form (title, language,
status, body, the summary in each language, tag names), so summaries (parler rows) and tags
(taggit rows) come back with the rest, even after a tag was renamed or deleted. Restoring is
itself a save, recorded as a new revision: nothing is ever lost.
"""

import difflib
import itertools

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Language, Post, Revision, RevisionKind, TaggedPost

# What a revision keeps, in the order the diff shows it; restoring brings back all but the status.
FIELDS = {
    "title": _("title"),
    "language": _("language"),
    "status": _("status"),
    "body": _("body"),
    **{f"summary_{code}": label for code, label in (("fr", _("summary in French")), ("en", _("summary in English")))},
    "tags": _("tags"),
}
RESTORED = ["title", "language", "body", *(f"summary_{code}" for code in Language.values), "tags"]


def snapshot(post):
    """The post's content as stored now (read afresh: what a form just saved, not what is cached)."""
    stored = Post.objects.get(pk=post.pk)
    summaries = dict(Post.translations.field.model.objects.filter(master=post).values_list("language_code", "summary"))
    tags = TaggedPost.objects.filter(content_object=post).values_list("tag__name", flat=True)
    return {
        "title": stored.title,
        "language": stored.language,
        "status": stored.status,
        "body": stored.body,
        **{f"summary_{code}": summaries.get(code, "") for code in Language.values},
        "tags": sorted(tags, key=str.lower),
    }


def record(post, user=None, kind=RevisionKind.SAVED, restored_from=None):
    """Keep the post as it now stands, unless that is exactly its latest revision. Returns the new revision or None."""
    data = snapshot(post)
    latest = post.revisions.order_by("-created_at", "-pk").first()
    if latest and latest.data == data:
        return None
    return Revision.objects.create(post=post, user=user, data=data, kind=kind, restored_from=restored_from)


def record_first(post_pk):
    """Before the first save that keeps revisions (an imported or older post), keep the post as it was."""
    post = Post.objects.filter(pk=post_pk).first()
    if post and not post.revisions.exists():
        Revision.objects.create(post=post, data=snapshot(post), kind=RevisionKind.FOUND, created_at=post.updated_at)


@transaction.atomic
def restore(revision, user):
    """Bring back the words of `revision` (not its status: restoring never publishes or unpublishes)."""
    post = revision.post
    data = {**snapshot(post), **{name: revision.data[name] for name in RESTORED if name in revision.data}}
    post.title, post.language, post.body = data["title"], data["language"], data["body"]
    post.save()
    for code in Language.values:
        post.save_summary(code, data[f"summary_{code}"])
    post.tags.set(data["tags"])
    return record(post, user, kind=RevisionKind.RESTORED, restored_from=revision)


def record_first_of_each(queryset):
    """`record_first` for each post of `queryset`, before an update that saves them all at once."""
    posts = list(queryset)
    for post in posts:
        record_first(post.pk)
    return posts


def record_each(posts, user):
    for post in posts:
        record(post, user)


def changes(old, new):
    """What differs from `old` to `new` (revision data): a list of (label, lines), each line (sign, text).

    The sign is "-" (only in `old`), "+" (only in `new`) or " " (context, for long texts).
    Texts are compared line by line; the lines stay plain text, for the template to escape.
    """
    found = []
    for name, label in FIELDS.items():
        before, after = old.get(name, ""), new.get(name, "")
        if before == after:
            continue
        if name == "tags":
            lines = [("-", tag) for tag in before if tag not in after] + [
                ("+", tag) for tag in after if tag not in before
            ]
        else:
            lines = line_diff(before.splitlines(), after.splitlines())
        found.append((label, lines))
    return found


def line_diff(before, after, context=1):
    """The lines removed and added, with `context` unchanged lines around each change."""
    lines = []
    for group in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_grouped_opcodes(context):
        if lines:
            lines.append((" ", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [(" ", line) for line in before[i1:i2]]
            else:
                lines += [("-", line) for line in before[i1:i2]] + [("+", line) for line in after[j1:j2]]
    return lines


def history(post):
    """The post's revisions, newest first, each with `changed`: the labels of what it changed from the one before."""
    revisions = list(post.revisions.select_related("user", "restored_from").order_by("-created_at", "-pk"))
    for revision, previous in itertools.pairwise([*revisions, None]):
        revision.changed = [label for label, _lines in changes(previous.data if previous else {}, revision.data)]
    return revisions
