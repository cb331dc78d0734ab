"""Keeping comment spam out without making honest readers suffer.

The checks that reject a form (honeypot, signed timestamp) live in the comment form;
this module decides what happens to a comment that passed them: published, held for a
moderator, or filed as spam.
"""

import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext, gettext_noop

from blog.links import absolute_url

from .models import Comment, CommentStatus

logger = logging.getLogger(__name__)

TIMESTAMP_SALT = "blog.comment-form"
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def sign_timestamp(moment=None):
    """The hidden form field that proves when the form was sent to the reader."""
    return signing.dumps(int(moment if moment is not None else time.time()), salt=TIMESTAMP_SALT)


def form_age(signed):
    """Seconds since the form was served, or None when the value was tampered with."""
    try:
        issued = signing.loads(signed, salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return None
    return time.time() - issued


def kept_timestamp(form):
    """The signed time a reader's form came back with after a mistake, if still valid: her typing time keeps
    counting from when she first got the form, so a quick correction is not refused as too fast."""
    signed = form.data.get("timestamp", "") if form is not None and form.is_bound else ""
    age = form_age(signed) if signed else None
    return signed if age is not None and 0 <= age <= settings.COMMENTS_MAX_FORM_AGE else None


def count_links(text):
    return len(LINK.findall(text))


def blocked_words(*texts):
    """The block-list words (COMMENTS_BLOCKLIST) found in any of `texts`, case-insensitively."""
    haystack = " ".join(texts).lower()
    return [word for word in settings.COMMENTS_BLOCKLIST if word.lower() in haystack]


# Why a comment was not published at once. It is stored in English, the words below filled in, and read in each
# reader's language (`reason_in_language`): the commenter's language is not the moderator's.
BLOCKED = gettext_noop("words from the block list: %(words)s")
LINKS = gettext_noop("%(count)d links (more than %(limit)d)")
AKISMET = gettext_noop("Akismet says spam")
UNAVAILABLE = gettext_noop("the spam check service did not answer")
FIRST = gettext_noop("first comment from this address")
PLACEHOLDER = re.compile(r"%\((\w+)\)([ds])")


def _pattern(reason):
    """The reason as a regular expression that finds its filled-in words again."""
    parts = PLACEHOLDER.split(reason)  # text, name, kind, text, name, kind…, text
    pattern = re.escape(parts[0])
    for name, kind, text in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        pattern += f"(?P<{name}>[0-9]+)" if kind == "d" else f"(?P<{name}>.+)"
        pattern += re.escape(text)
    return re.compile(pattern)


REASONS = [(reason, _pattern(reason)) for reason in (BLOCKED, LINKS, AKISMET, UNAVAILABLE, FIRST)]


def reason_in_language(stored):
    """A stored reason in the active language; one stored before reasons were kept in English, as it is."""
    for reason, pattern in REASONS:
        if match := pattern.fullmatch(stored):
            words = {name: int(value) if value.isdigit() else value for name, value in match.groupdict().items()}
            return gettext(reason) % words
    return stored


@dataclass
class Verdict:
    status: str
    reason: str = ""  # in English: see REASONS


def judge(comment, *, user=None, request_meta=None):
    """Decide the status of a new comment (not yet saved) and why it was not published at once."""
    words = blocked_words(comment.author_name, comment.author_email, comment.author_url, comment.body)
    if words:
        return Verdict(CommentStatus.SPAM, BLOCKED % {"words": ", ".join(words)})
    if user is not None and user.has_perm("comments.change_comment"):
        return Verdict(CommentStatus.APPROVED)
    links = count_links(comment.body) + count_links(comment.author_name)
    if links > settings.COMMENTS_MAX_LINKS:
        return Verdict(CommentStatus.PENDING, LINKS % {"count": links, "limit": settings.COMMENTS_MAX_LINKS})
    service = spam_service()
    if service is not None:
        try:
            if service.is_spam(comment, request_meta or {}):
                return Verdict(CommentStatus.SPAM, AKISMET)
        except SpamCheckUnavailable as error:
            logger.warning("Akismet unavailable, holding the comment: %s", error)
            return Verdict(CommentStatus.PENDING, UNAVAILABLE)
    if user is not None and user.is_authenticated and user == comment.post.author:
        return Verdict(CommentStatus.APPROVED)
    if not Comment.objects.approved().from_address(comment.author_email).exists():
        return Verdict(CommentStatus.PENDING, FIRST)
    return Verdict(CommentStatus.APPROVED)


class SpamCheckUnavailable(Exception):
    pass


class Akismet:
    """Akismet's comment-check API (https://akismet.com/developers/comment-check/)."""

    def __init__(self, api_key, url, site_url, timeout=5):
        self.api_key = api_key
        self.url = url
        self.site_url = site_url
        self.timeout = timeout

    def is_spam(self, comment, request_meta):
        data = {
            "api_key": self.api_key,
            "blog": self.site_url,
            "user_ip": comment.ip_address or "",
            "user_agent": comment.user_agent,
            "referrer": request_meta.get("HTTP_REFERER", ""),
            "permalink": absolute_url(comment.post.get_absolute_url()),
            "comment_type": "reply" if comment.parent_id else "comment",
            "comment_author": comment.author_name,
            "comment_author_email": comment.author_email,
            "comment_author_url": comment.author_url,
            "comment_content": comment.body,
            "blog_lang": comment.language,
            "blog_charset": "UTF-8",
        }
        request = urllib.request.Request(  # noqa: S310 - the URL is a setting, http(s) only
            self.url,
            data=urllib.parse.urlencode(data).encode(),
            headers={"User-Agent": "Carnet/1.0 | Akismet client"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = response.read(100).decode().strip()
        except (urllib.error.URLError, OSError) as error:
            raise SpamCheckUnavailable(str(error)) from error
        if answer not in {"true", "false"}:
            raise SpamCheckUnavailable(f"unexpected answer {answer!r}")
        return answer == "true"


def spam_service():
    """The Akismet client when AKISMET_API_KEY is set, else None."""
    if not settings.AKISMET_API_KEY:
        return None
    return Akismet(settings.AKISMET_API_KEY, settings.AKISMET_URL, settings.SITE_URL)
