"""Whole pages kept for anonymous readers, and 304 answers to those who already have them.

A page is kept under a key made of the content's version (pagecache.version), the
interface language, the host and the full path. Any change readers could see changes the
version, so an old page is never served: it is simply no longer asked for, and expires.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import version

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    """Sits just inside LocaleMiddleware, outside CSRF, sessions and messages (whose cookies it must see)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_anonymous_read(request):
            return self.get_response(request)
        if not settings.PAGE_CACHE_SECONDS:
            return self.without_cache(request)
        current = version.current()
        if current is None:
            return self.get_response(request)
        digest = hashlib.md5(  # noqa: S324 - a cache key, not a secret
            f"{current.key}|{request.LANGUAGE_CODE}|{request.get_host()}|{request.get_full_path()}".encode()
        ).hexdigest()
        etag = f'"{digest}"'
        not_modified = get_conditional_response(request, etag=etag, last_modified=current.timestamp)
        if not_modified is not None:
            return self.finish(not_modified, etag, current)
        key = f"pagecache:{digest}"
        # Views and tags read this to leave out what belongs to one visitor (a form's CSRF token).
        request.is_shared_page = True
        kept = cache_get(key)
        if kept is not None:
            status, headers, content = kept
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response.headers[name] = value
            return self.finish(response, etag, current)
        response = self.get_response(request)
        if self.is_shareable(request, response):
            self.finish(response, etag, current)
            kept = (response.status_code, dict(response.headers.items()), response.content)
            cache_set(key, kept, settings.PAGE_CACHE_SECONDS)
        return response

    def without_cache(self, request):
        """Cache off: no query of its own; the ETag is the page's checksum, as ConditionalGetMiddleware does."""
        response = self.get_response(request)
        if not self.is_shareable(request, response):
            return response
        patch_cache_control(response, max_age=0)
        patch_vary_headers(response, ["Cookie"])
        return ConditionalGetMiddleware(self.get_response).process_response(request, response)

    @staticmethod
    def is_anonymous_read(request):
        """GET or HEAD from someone with no session, no pending messages and no credentials."""
        return (
            request.method in {"GET", "HEAD"}
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and "Authorization" not in request.headers
        )

    @staticmethod
    def is_shareable(request, response):
        """A complete 200 page that set no cookie, wrote no session and is not marked private."""
        session = getattr(request, "session", None)
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (session is not None and session.modified)
            and not any(word in control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def finish(response, etag, current):
        response.headers["ETag"] = etag
        # Only a second that is over: a change later in the current second must not match it.
        if current.timestamp and current.timestamp < int(time.time()):
            response.headers["Last-Modified"] = http_date(current.timestamp)
        else:
            response.headers.pop("Last-Modified", None)
        # Browsers ask again each time (a 304 costs one query); shared caches keep pages per cookie.
        patch_cache_control(response, max_age=0)
        patch_vary_headers(response, ["Cookie"])
        return response


# A cache server that is down (Redis restarting) makes pages slower, never an error: each page is made afresh,
# and /healthz, which this middleware also serves, can still say what failed.
def cache_get(key):
    try:
        return cache.get(key)
    except Exception:
        logger.warning("Page cache unavailable: the page is made afresh", exc_info=True)
        return None


def cache_set(key, value, timeout):
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.warning("Page cache unavailable: the page is not kept", exc_info=True)
