"""Visiting the originals of republished columns to learn whether they still exist."""

import http.client
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils import timezone

from .models import OriginalStatus, Republication

PERMANENT_REDIRECTS = {301, 308}
GONE = {404, 410}


@dataclass(frozen=True)
class Outcome:
    """What one visit learnt: a status, or an error that leaves the status as it was."""

    status: str = ""
    moved_to: str = ""
    error: str = ""


class _StopAtPermanentRedirect(urllib.request.HTTPRedirectHandler):
    """Follows temporary redirects, but reports a permanent one as the answer: the original has moved."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if code in PERMANENT_REDIRECTS:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def visit(url, timeout=None):
    """Ask `url` whether it still exists; never raises."""
    if urlsplit(url).scheme not in {"http", "https"}:
        return Outcome(error="not an http(s) address")
    headers = {"User-Agent": settings.COLUMNS_CHECK_USER_AGENT}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked above
    opener = urllib.request.build_opener(_StopAtPermanentRedirect)
    try:
        with opener.open(request, timeout=timeout or settings.COLUMNS_CHECK_TIMEOUT) as response:
            code = response.status
    except urllib.error.HTTPError as error:
        code = error.code
        location = error.headers.get("Location", "")
        error.close()
        if code in PERMANENT_REDIRECTS:
            return _moved(error.url, location)
    except (OSError, ValueError, http.client.HTTPException) as error:  # timeouts, refusals, bad URLs or answers
        return Outcome(error=str(getattr(error, "reason", error)) or error.__class__.__name__)
    if 200 <= code < 300:
        return Outcome(status=OriginalStatus.ONLINE)
    if code in GONE:
        return Outcome(status=OriginalStatus.GONE)
    return Outcome(error=f"HTTP {code}")


def _moved(url, location):
    new_url = urljoin(url, location.strip())
    if not location or urlsplit(new_url).scheme not in {"http", "https"}:
        return Outcome(error=f"permanent redirect to an unusable address: {location!r}")
    return Outcome(status=OriginalStatus.MOVED, moved_to=new_url)


def record(republication, outcome):
    """Store what a visit learnt; an error counts a failure and leaves the last known status, until so many
    failures in a row (COLUMNS_GONE_AFTER_FAILED_CHECKS) that the original counts as gone."""
    republication.checked_at = timezone.now()
    if outcome.error:
        republication.failed_checks += 1
        republication.last_check_error = outcome.error[:300]
        if republication.failed_checks >= settings.COLUMNS_GONE_AFTER_FAILED_CHECKS:
            republication.original_status = OriginalStatus.GONE
    else:
        republication.original_status = outcome.status
        republication.moved_to_url = outcome.moved_to
        republication.failed_checks = 0
        republication.last_check_error = ""
    republication.save(
        update_fields=["checked_at", "original_status", "moved_to_url", "failed_checks", "last_check_error"]
    )


def check_all(republications=None, concurrency=None, timeout=None, progress=None):
    """Visit every original a few at a time and record each answer; returns [(republication, outcome)].

    The visits run in threads; the database writes stay in the calling thread.
    `progress(done, total, republication)` is called after each visit.
    """
    republications = list(republications if republications is not None else Republication.objects.order_by("pk"))
    results = []
    with ThreadPoolExecutor(max_workers=concurrency or settings.COLUMNS_CHECK_CONCURRENCY) as pool:
        visits = {pool.submit(visit, r.original_url, timeout): r for r in republications}
        for future in as_completed(visits):
            republication, outcome = visits[future], future.result()
            record(republication, outcome)
            results.append((republication, outcome))
            if progress:
                progress(len(results), len(republications), republication)
    return results
