"""Every page a reader can reach, fetched with Django's test client."""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

from django.conf import settings

LINK = re.compile(r"""(?:href|src)="([^"]+)"|<(?:loc|link|id)>([^<]+)</|srcset="([^"]+)\"""")
PRIVATE = ("/admin/", "/accounts/", "/static/", "/i18n/", "/__")
# The comment form's one-time token (a retry of the same form stores one comment) is drawn per rendering.
SUBMISSION = re.compile(rb'(name="submission" value=")[0-9a-f-]{36}"')
# A feed with no entry is dated by Django at the time of the request.
EMPTY_FEED_DATE = re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>(?=</channel>)")
START = ["/", "/tags/", "/columns/", "/feed/", "/comments/feed/", "/sitemap.xml", "/robots.txt", "/services/atelier/"]
# Old WordPress addresses: a library picture (and a resized copy of it), a file kept as it was.
OLD_UPLOADS = [
    "/wp-content/uploads/2010/05/fete-d-ete.jpg",
    "/wp-content/uploads/2010/05/fete-d-ete-300x199.jpg",
    "/wp-content/uploads/2010/05/chanson.mp3",
]
SEARCHES = ["/search/?q=%C3%A9t%C3%A9", "/search/?q=internet", "/search/?q=cluetrain"]


def addresses(content, base):
    for href, text, srcset in LINK.findall(content):
        candidates = [href or text] if not srcset else [part.split()[0] for part in srcset.split(",") if part.strip()]
        for candidate in candidates:
            url = urljoin(base, candidate.replace("&amp;", "&"))
            parts = urlsplit(url)
            if (
                parts.netloc
                and parts.netloc != "testserver"
                and f"{parts.scheme}://{parts.netloc}" != settings.SITE_URL
            ):
                continue  # another site
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, limit=600):
    """{address: (status, content type, bytes or Location)} of every page and file reachable from the start pages."""
    seen, pages = set(), {}
    queue = deque(START + SEARCHES + OLD_UPLOADS)
    while queue and len(pages) < limit:
        address = queue.popleft()
        if address in seen or address.startswith(PRIVATE):
            continue
        seen.add(address)
        response = client.get(address)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        kind = response.get("Content-Type", "")
        content = SUBMISSION.sub(rb'\1(drawn per rendering)"', content)
        content = EMPTY_FEED_DATE.sub(b"<lastBuildDate>(time of the request)</lastBuildDate>", content)
        pages[address] = (response.status_code, kind, response.get("Location") or content)
        if response.get("Location"):  # where a redirect leads must answer too
            queue.extend(addresses(f'href="{response["Location"]}"', "http://testserver" + address))
        if response.status_code == 200 and ("html" in kind or "xml" in kind):
            queue.extend(addresses(content.decode(), "http://testserver" + address))
    return pages
