"""A catalogue of malformed requests: what scanners, broken clients and old links send.

Each entry is (method, address, extra client arguments). The test module sends them all
and expects no 5xx; the catalogue lives apart so that it reads as a list.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Raw (already percent-encoded) values put in place of a path segment or a parameter.
BAD_SEGMENTS = [
    "%00",  # NUL: PostgreSQL refuses it in any text
    "a%00b",
    "%FF",  # not UTF-8
    "%C3%28",  # a broken UTF-8 sequence
    "%C2%B2",  # "²": str.isdigit() says yes, int() says no
    "%D9%A1%D9%A2",  # Arabic-Indic digits
    "%0D%0ALocation:%20x",
    "9" * 5000,  # more digits than int() accepts
    "a" * 3000,
    "%2e%2e",
]
BAD_VALUES = [*BAD_SEGMENTS, "", "-1", "0", "1e3", "99999999999999999999999", "%5B%5D", "//evil.example"]
# Every variable WordPress read from the query string, and Carnet's own.
WORDPRESS_PARAMETERS = [
    "p",
    "page_id",
    "cat",
    "author",
    "attachment_id",
    "paged",
    "m",
    "tag",
    "category_name",
    "author_name",
    "feed",
    "s",
    "year",
    "monthnum",
]
CARNET_PARAMETERS = ["page", "q", "next"]
WORST_VALUES = ["%00", "%FF", "%C2%B2", "9" * 5000]
ODD_CONTENT_TYPES = [
    ("application/x-www-form-urlencoded; charset=utf-16", "name=a".encode("utf-16")),
    ("application/x-www-form-urlencoded; charset=utf-32", b"a=b"),
    ("application/x-www-form-urlencoded; charset=no-such-charset", b"a=b"),
    ("application/x-www-form-urlencoded", b"author_name=%FF%00&body=%C3%28"),
    ("multipart/form-data", b"--x\r\n"),  # no boundary
    ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\n"),
    ("text/plain; charset=utf-16", b"\xff\xfe\x00"),
    ("application/json", b"{not json"),
    ("", b"\x00\x01\x02"),
]
BAD_HOSTS = ["evil.example", "", "a b", "127.0.0.1:99999", "xn--", "localhost%00", "[::1"]
ADMIN_PREFIX = "/admin/"


def public_addresses(post, tag, author, column):
    """Every public URL name with one address of it, built on real content."""
    return {
        "blog:post-list": "/",
        "blog:archive-year": reverse("blog:archive-year", args=[post.published_at.year]),
        "blog:archive-month": reverse("blog:archive-month", args=[post.published_at.year, post.published_at.month]),
        "blog:post-detail": post.get_absolute_url(),
        "comments:create": post.get_url("comments:create"),
        "comments:post-feed": post.get_url("comments:post-feed"),
        "blog:tag-list": reverse("blog:tag-list"),
        "blog:tag-detail": reverse("blog:tag-detail", args=[tag]),
        "blog:tag-feed": reverse("blog:tag-feed", args=[tag]),
        "blog:tag-feed-atom": reverse("blog:tag-feed-atom", args=[tag]),
        "blog:language-detail": reverse("blog:language-detail", args=["fr"]),
        "blog:language-feed": reverse("blog:language-feed", args=["fr"]),
        "blog:language-feed-atom": reverse("blog:language-feed-atom", args=["en"]),
        "blog:feed": reverse("blog:feed"),
        "blog:feed-atom": reverse("blog:feed-atom"),
        "blog:author-detail": reverse("blog:author-detail", args=[author]),
        "blog:post-preview": reverse("blog:post-preview", args=[post.pk]),
        "comments:feed": reverse("comments:feed"),
        "comments:form-keys": reverse("comments:form-keys"),
        "comments:subscription-confirm": reverse("comments:subscription-confirm", args=["a" * 32]),
        "comments:subscription-unsubscribe": reverse("comments:subscription-unsubscribe", args=["a" * 32]),
        "columns:column-list": reverse("columns:column-list"),
        "columns:column-detail": reverse("columns:column-detail", args=[column]),
        "column-feed": reverse("column-feed", args=[column]),
        "column-feed-atom": reverse("column-feed-atom", args=[column]),
        "search:search": reverse("search:search") + "?q=internet",
        "sitemap": reverse("sitemap"),
        "robots": reverse("robots"),
        "login": reverse("login"),
        "set_language": reverse("set_language"),
        "admin:index": reverse("admin:index"),
        "admin:login": reverse("admin:login"),
        "healthz": reverse("healthz"),
        "wordpress": "/?p=1",
        "not-found": "/2010/05/an-old-address/",
        "pages:page": "/a-propos/",
    }


def url_names(patterns=None, namespace=""):
    """The names of every URL pattern outside the admin (the catalogue must cover them all)."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin" or str(pattern.pattern) == "accounts/":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def with_segment_replaced(path, index, value):
    segments = path.split("?")[0].strip("/").split("/")
    segments[index] = value
    return "/" + "/".join(segments) + "/"


def catalogue(addresses):
    """Every malformed request, as (method, address, client arguments)."""
    requests = []
    paths = sorted(set(addresses.values()))
    for path in paths:
        bare = path.split("?")[0]
        segments = [s for s in bare.strip("/").split("/") if s]
        for index in range(len(segments)):
            requests += [("GET", with_segment_replaced(bare, index, bad), {}) for bad in BAD_SEGMENTS]
        requests += [("GET", f"{bare}{bad}/", {}) for bad in ("%00", "%FF", "x%00")]
        requests += [("GET", f"{bare}?{name}={bad}", {}) for name in CARNET_PARAMETERS for bad in WORST_VALUES]
        requests += [("GET", f"{bare}?%00=1&%FF=%FF", {}), ("HEAD", f"{bare}?page=%00", {})]
        requests += [
            ("POST", bare, {"content_type": content_type, "data": body}) for content_type, body in ODD_CONTENT_TYPES
        ]
        requests += [("GET", bare, {"headers": {"host": host}}) for host in BAD_HOSTS[:3]]
        requests.append(("GET", bare, {"cookies": {"sessionid": "abc\x00def" * 4, "django_language": "fr\x00"}}))
    for base in ("/", "/2010/05/an-old-address/"):
        for name in WORDPRESS_PARAMETERS:
            requests += [("GET", f"{base}?{name}={bad}", {}) for bad in BAD_VALUES]
        requests.append(("GET", f"{base}?p=1&paged=%C2%B2&feed=%00&m=%D9%A1%D9%A2%D9%A3%D9%A4", {}))
    requests += [("GET", "/", {"headers": {"host": host}}) for host in BAD_HOSTS]
    huge = "&".join(f"p{i}={'x' * 50}" for i in range(3000))
    requests += [("GET", f"/?{huge}", {}), ("GET", f"/search/?q={'é' * 100000}", {}), ("POST", "/", {"data": huge})]
    requests += [("GET", f"/page/{'9' * 5000}/", {}), ("GET", f"/{'9' * 5000}/", {}), ("GET", "/feed/%00/", {})]
    unique = {(method, path, repr(arguments)): (method, path, arguments) for method, path, arguments in requests}
    return list(unique.values())
