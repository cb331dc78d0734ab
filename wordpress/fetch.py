"""Downloading the old blog's files: a few at a time, with a name, patiently when the network fails."""

import os
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
BACKOFF = 0.5  # seconds before the first retry; doubled for each next one
PERMANENT = {400, 401, 403, 404, 410, 451}


def user_agent():
    return f"Carnet-importer/1.0 (+{settings.SITE_URL}; moving a blog's pictures and files in)"


@dataclass
class Download:
    path: str  # the path in the uploads folder that was found
    file: str  # a local file holding it


class FetchError(Exception):
    pass


class Fetcher:
    """Fetches files into a temporary folder, removed when the `with` block ends."""

    def __init__(self, concurrency=4, timeout=30, retries=3, max_bytes=None):
        self.concurrency, self.timeout, self.retries = max(1, concurrency), timeout, retries
        self.max_bytes = max_bytes or 10 * settings.MEDIA_MAX_UPLOAD_SIZE
        self.folder = None

    def __enter__(self):
        self.folder = tempfile.mkdtemp(prefix="carnet-fetch-")
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.folder, ignore_errors=True)

    def fetch_all(self, jobs):
        """Yield (job, Download or error message) as they finish; `job.candidates()` lists (path, url)."""
        with ThreadPoolExecutor(self.concurrency) as pool:
            futures = {pool.submit(self.fetch_first, job.candidates()): job for job in jobs}
            for future in as_completed(futures):
                yield futures[future], future.result()

    def fetch_first(self, candidates):
        """The first candidate the old site has; else why none could be fetched."""
        errors = []
        for number, (path, url) in enumerate(candidates):
            target = os.path.join(self.folder, f"{id(candidates)}-{number}")
            try:
                self.fetch(url, target)
            except FetchError as error:
                errors.append(f"{url}: {error}")
                continue
            return Download(path, target)
        return "; ".join(errors) or _("no address to fetch it from")

    def fetch(self, url, target):
        for attempt in range(self.retries + 1):
            try:
                return self.fetch_once(url, target)
            except urllib.error.HTTPError as error:
                if error.code in PERMANENT or attempt == self.retries:
                    raise FetchError(f"HTTP {error.code}") from error
            except (urllib.error.URLError, OSError, ValueError) as error:
                if isinstance(error, ValueError) or attempt == self.retries:
                    raise FetchError(str(getattr(error, "reason", error))) from error
            time.sleep(BACKOFF * 2**attempt)
        return None

    def fetch_once(self, url, target):
        request = urllib.request.Request(url, headers={"User-Agent": user_agent()})  # noqa: S310 (http(s) only)
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(_("not a web address"))
        with urllib.request.urlopen(request, timeout=self.timeout) as response, open(target, "wb") as out:  # noqa: S310
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    raise ValueError(_("larger than %(size)s bytes") % {"size": self.max_bytes})
                out.write(chunk)
