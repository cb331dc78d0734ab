"""The file export_wordpress writes, read by the rules of WordPress's own importer.

WordPress cannot run here. These tests follow the WordPress Importer plugin
(WordPress/wordpress-importer, `src/class-wxr-parser.php`, `src/class-wxr-parser-simplexml.php`
and `src/class-wxr-parser-regex.php` at commit b91aaf35a4f1, `src/class-wp-import.php` at
0144e8ce1d77): the lookups its parsers make, and what WP_Import does with the values.
"""

import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from wordpress import php

from .content import add_more_pages
from .test_site_archive import site  # noqa: F401 - the fixture

CONTENT = "http://purl.org/rss/1.0/modules/content/"  # the parsers name these two URIs themselves
DC = "http://purl.org/dc/elements/1.1/"
DATE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
NUMBER = re.compile(r"^\d+$")
TRIM = b" \t\n\r\0\x0b"  # PHP's trim() and rtrim()
ITEM_FIELDS = (
    "post_id",
    "post_date",
    "post_date_gmt",
    "comment_status",
    "ping_status",
    "post_name",
    "status",
    "post_parent",
    "menu_order",
    "post_type",
    "post_password",
    "is_sticky",
)
COMMENT_FIELDS = (
    "comment_id",
    "comment_author",
    "comment_author_email",
    "comment_author_IP",
    "comment_author_url",
    "comment_date",
    "comment_date_gmt",
    "comment_content",
    "comment_approved",
    "comment_type",
    "comment_parent",
    "comment_user_id",
)


@pytest.fixture
def export(site, tmp_path):  # noqa: F811
    add_more_pages()
    path = tmp_path / "carnet.wordpress.xml"
    call_command("export_wordpress", str(path), stdout=io.StringIO())
    return path.read_bytes()


# WXR_Parser_SimpleXML: DOMDocument + SimpleXML, namespaces as the document declares them.


def declared_namespaces(data):
    return {prefix: uri for _event, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",))}  # noqa: S314


def child_text(element, namespace, name):
    """SimpleXML's `(string) $element->children(namespace)->name`: the first such child's text, or ""."""
    found = element.find(f"{{{namespace}}}{name}" if namespace else name)
    return (found.text or "") if found is not None else ""


def simplexml_reading(data):
    assert b"<!DOCTYPE" not in data  # the parser refuses any document type declaration
    namespaces = declared_namespaces(data)
    wp = namespaces.get("wp", "http://wordpress.org/export/1.1/")
    excerpt = namespaces.get("excerpt", "http://wordpress.org/export/1.1/excerpt/")
    root = ET.fromstring(data)  # noqa: S314 - our own file
    assert root.tag == "rss"
    channel = root.find("channel")
    version = channel.find(f"{{{wp}}}wxr_version")
    assert version is not None, "wp:wxr_version is what makes the file a WXR file"
    base_url = channel.find(f"{{{wp}}}base_site_url")
    assert base_url is not None
    authors = {}
    for author in channel.findall(f"{{{wp}}}author"):
        login = child_text(author, wp, "author_login")
        authors[login] = {
            name: child_text(author, wp, name)
            for name in ("author_id", "author_login", "author_email", "author_display_name")
        }
    tags = [
        {name: child_text(tag, wp, name) for name in ("term_id", "tag_slug", "tag_name")}
        for tag in channel.findall(f"{{{wp}}}tag")
    ]
    posts = []
    for item in channel.findall("item"):
        post = {
            "post_title": child_text(item, None, "title"),
            "guid": child_text(item, None, "guid"),
            "post_author": child_text(item, DC, "creator"),
            "post_content": child_text(item, CONTENT, "encoded"),
            "post_excerpt": child_text(item, excerpt, "encoded"),
        }
        post |= {name: child_text(item, wp, name) for name in ITEM_FIELDS}
        if item.find(f"{{{wp}}}attachment_url") is not None:
            post["attachment_url"] = child_text(item, wp, "attachment_url")
        post["terms"] = [
            {"name": c.text or "", "slug": c.get("nicename"), "domain": c.get("domain")}
            for c in item.findall("category")
            if c.get("nicename") is not None
        ]
        post["postmeta"] = [
            {"key": child_text(m, wp, "meta_key"), "value": child_text(m, wp, "meta_value")}
            for m in item.findall(f"{{{wp}}}postmeta")
        ]
        post["comments"] = [
            {name: child_text(c, wp, name) for name in COMMENT_FIELDS} for c in item.findall(f"{{{wp}}}comment")
        ]
        posts.append(post)
    return {
        "namespaces": namespaces,
        "version": version.text.strip(),
        "base_url": base_url.text.strip(),
        "authors": authors,
        "tags": tags,
        "posts": posts,
    }


# WXR_Parser_Regex: the fallback for a PHP without an XML extension, or for a file the others refuse.
# It reads lines of at most 8,191 bytes and takes values with regular expressions, without decoding
# entities: only CDATA sections come out as they were written.


def php_lines(data, length=8192):
    """fgets($fp, 8192): up to a newline, or 8,191 bytes."""
    position = 0
    while position < len(data):
        end = data.find(b"\n", position, position + length - 1)
        end = end + 1 if end != -1 else min(position + length - 1, len(data))
        yield data[position:end]
        position = end


def get_tag(text, tag):
    match = re.search(b"<" + tag + b".*?>(.*?)</" + tag + b">", text, re.IGNORECASE | re.DOTALL)
    if not match:
        return b""
    value = match.group(1)
    if value.startswith(b"<![CDATA["):
        if b"]]]]><![CDATA[>" in value:
            return b"".join(re.findall(rb"<!\[CDATA\[(.*?)\]\]>", value, re.DOTALL))
        return re.sub(rb"^<!\[CDATA\[(.*)\]\]>$", rb"\1", value, flags=re.DOTALL)
    return value


def normalized_html(value):
    """What the regex parser does to content and excerpts: upper-case tag names lowered, <br> and <hr> closed."""
    value = re.sub(rb"<(/?[A-Z]+)", lambda m: b"<" + m.group(1).lower(), value)
    return value.replace(b"<br>", b"<br />").replace(b"<hr>", b"<hr />")


def regex_reading(data):
    blocks = {b"item": [], b"wp:category": [], b"wp:tag": [], b"wp:term": []}
    version, base_url, authors = None, b"", {}
    in_block, block = False, b""
    for raw in php_lines(data):
        line = raw.rstrip(TRIM)
        if version is None and (found := re.search(rb"<wp:wxr_version>(\d+\.\d+)</wp:wxr_version>", line)):
            version = found.group(1)
        if b"<wp:base_site_url>" in line:
            base_url = re.search(rb"<wp:base_site_url>(.*?)</wp:base_site_url>", line, re.I | re.S).group(1)
            continue
        if b"<wp:author>" in line:
            author = re.search(rb"<wp:author>(.*?)</wp:author>", line, re.I | re.S)
            assert author, "the regex parser reads an author only when it is on one line"
            author = {name: get_tag(author.group(1), b"wp:" + name.encode()) for name in ("author_id", "author_login")}
            authors[author["author_login"]] = author
            continue
        for tag, found in blocks.items():
            opening, closing = line.find(b"<" + tag + b">"), line.find(b"</" + tag + b">")
            if whole := re.search(b"<" + tag + b">(.*?)</" + tag + b">", line, re.I | re.S):
                found.append(whole.group(1))
            elif opening != -1:
                block = line[opening + len(tag) + 2 :].strip(TRIM)
                line, in_block = b"", tag
            elif closing != -1:
                in_block = False
                block += line[:closing].strip(TRIM)
                found.append(block)
        if in_block and line:
            block += line + b"\n"
    posts = []
    for item in blocks[b"item"]:
        post = {
            "post_title": get_tag(item, b"title"),
            "guid": get_tag(item, b"guid"),
            "post_author": get_tag(item, b"dc:creator"),
            "post_content": normalized_html(get_tag(item, b"content:encoded")),
            "post_excerpt": normalized_html(get_tag(item, b"excerpt:encoded")),
        }
        post |= {name: get_tag(item, b"wp:" + name.encode()) for name in ITEM_FIELDS}
        post["terms"] = [
            {"name": name.replace(b"<![CDATA[", b"").replace(b"]]>", b""), "slug": slug, "domain": domain}
            for domain, slug, name in re.findall(
                rb'<category domain="([^"]+?)" nicename="([^"]+?)">(.+?)</category>', item, re.I | re.S
            )
        ]
        post["postmeta"] = [
            {"key": get_tag(m, b"wp:meta_key"), "value": get_tag(m, b"wp:meta_value")}
            for m in re.findall(rb"<wp:postmeta>(.+?)</wp:postmeta>", item, re.I | re.S)
        ]
        post["comments"] = [
            {name: get_tag(c, b"wp:" + name.encode()) for name in COMMENT_FIELDS}
            for c in re.findall(rb"<wp:comment>(.+?)</wp:comment>", item, re.I | re.S)
        ]
        posts.append(post)
    return {"version": version, "base_url": base_url, "authors": authors, "posts": posts}


def as_regex_reads(value):
    """A value read by SimpleXML as the regex parser gives it, in bytes.

    Its line reading changes every multi-line value of any WordPress export, WordPress's own too:
    each line but the last loses its trailing spaces, and blank lines inside the value are dropped.
    """
    if isinstance(value, dict):
        return {key: as_regex_reads(v) for key, v in value.items()}
    if isinstance(value, list):
        return [as_regex_reads(v) for v in value]
    lines = value.encode().split(b"\n")
    if len(lines) == 1:
        return lines[0]
    inside = [line.rstrip(TRIM) for line in lines[1:-1]]
    return b"\n".join([lines[0].rstrip(TRIM), *(line for line in inside if line), lines[-1]])


def test_wordpress_importer_accepts_the_channel(export):
    """The checks WXR_Parser_SimpleXML::parse makes before it reads anything, and the channel it reads."""
    found = simplexml_reading(export)
    assert found["namespaces"]["wp"] == "http://wordpress.org/export/1.2/"
    assert found["namespaces"]["excerpt"] == "http://wordpress.org/export/1.2/excerpt/"
    assert found["namespaces"]["content"] == CONTENT and found["namespaces"]["dc"] == DC
    assert re.match(r"^\d+\.\d+$", found["version"]) and float(found["version"]) <= 1.2  # WP_Import's max
    assert urlsplit(found["base_url"]).scheme in ("http", "https") and urlsplit(found["base_url"]).netloc
    # Authors: one per login, each with the numeric id comments' comment_user_id is mapped through.
    assert found["authors"] and all(NUMBER.match(a["author_id"]) for a in found["authors"].values())
    assert set(found["authors"]) == {a["author_login"] for a in found["authors"].values()}
    assert found["authors"]["claire"]["author_display_name"] == "Claire Martin"
    # Tags: term_exists() looks them up by slug, which must be unique.
    slugs = [tag["tag_slug"] for tag in found["tags"]]
    assert slugs and len(slugs) == len(set(slugs)) and all(slugs)
    assert all(NUMBER.match(tag["term_id"]) and tag["tag_name"] for tag in found["tags"])


def test_wordpress_importer_reads_every_item(export):
    """Every value WP_Import::process_posts uses, of the form it expects: known post types and
    statuses, MySQL dates, unique ids, parents among the items, tags known to the channel, meta it
    unserializes, comments whose parents and users it can map, attachments it can fetch."""
    found = simplexml_reading(export)
    posts = found["posts"]
    ids = [post["post_id"] for post in posts]
    assert all(NUMBER.match(i) and int(i) > 0 for i in ids)
    assert len(ids) == len(set(ids)), "WP_Import skips an item whose post_id it has already seen"
    by_id = {int(post["post_id"]): post for post in posts}
    tag_slugs = {tag["tag_slug"] for tag in found["tags"]}
    author_ids = {a["author_id"] for a in found["authors"].values()}
    seen = set()
    for post in posts:
        name = post["post_title"]
        assert post["post_type"] in ("post", "page", "attachment"), name
        assert post["status"] in ("publish", "future", "draft", "inherit"), name
        assert DATE.match(post["post_date"]) and DATE.match(post["post_date_gmt"]), name
        assert post["comment_status"] in ("open", "closed") and post["ping_status"] in ("open", "closed"), name
        assert re.match(r"^[a-z0-9_%-]+$", post["post_name"]), name  # as sanitize_title() keeps a slug
        assert NUMBER.match(post["menu_order"].lstrip("-")) and post["is_sticky"] in ("0", "1"), name
        assert post["post_password"] == "" and post["post_title"], name
        if post["post_type"] != "attachment":
            assert post["post_author"] in found["authors"] or (post["post_type"] == "page" and not post["post_author"])
        # post_exists(title, '', date) takes a second item of the same type, title and date for the first.
        if post["post_date"] != "0000-00-00 00:00:00":
            key = (post["post_type"], post["post_title"], post["post_date"])
            assert key not in seen, name
            seen.add(key)
        parent = int(post["post_parent"])
        if parent:
            expected = {"page": "page", "attachment": "post"}[post["post_type"]]
            assert by_id[parent]["post_type"] == expected, name
        for term in post["terms"]:
            assert term["domain"] == "post_tag" and term["slug"] in tag_slugs and term["name"], name
        meta = {m["key"]: m["value"] for m in post["postmeta"]}
        if post["post_type"] in ("post", "page"):
            assert meta["bb-post-language"] in ("fr", "en"), name
            if "bb-post-excerpts" in meta:  # maybe_unserialize() must find an array of strings
                excerpts = php.unserialize(meta["bb-post-excerpts"])
                assert excerpts and all(code in ("fr", "en") and text for code, text in excerpts.items()), name
        else:
            url = urlsplit(post["attachment_url"])
            assert url.scheme in ("http", "https") and re.search(r"\.\w+$", url.path), name
            using = [p for p in posts if post["attachment_url"] in p["post_content"]]
            assert using, "backfill_attachment_urls() replaces the file's address where posts use it"
        comment_ids = {}
        for comment in post["comments"]:
            assert NUMBER.match(comment["comment_id"]) and comment["comment_id"] not in comment_ids, name
            assert comment["comment_approved"] in ("1", "0", "spam", "trash"), name
            assert comment["comment_type"] in ("comment", "pingback", "trackback"), name
            assert DATE.match(comment["comment_date"]) and DATE.match(comment["comment_date_gmt"]), name
            assert comment["comment_author"] and comment["comment_content"], name
            assert comment["comment_user_id"] == "0" or comment["comment_user_id"] in author_ids, name
            comment_ids[comment["comment_id"]] = comment
        for comment in post["comments"]:
            # Comments are inserted in the order of their ids; a reply finds its parent only if it came first.
            parent = comment["comment_parent"]
            assert parent == "0" or int(parent) < int(comment["comment_id"]) and parent in comment_ids, name
    kinds = [post["post_type"] for post in posts]
    assert kinds.count("post") == 16 and kinds.count("page") == 6 and kinds.count("attachment") == 1
    pages = {post["post_name"]: post for post in posts if post["post_type"] == "page"}
    assert pages["conferences"]["post_parent"] == pages["services"]["post_id"]
    assert pages["conferences"]["menu_order"] == "-1" and pages["contact"]["menu_order"] == "1"
    assert any(comment["comment_parent"] != "0" for post in posts for comment in post["comments"])


def test_wordpress_importer_fallback_parser_reads_the_same(export):
    """WXR_Parser_Regex, which WordPress falls back to, gets every value SimpleXML gets: markup,
    entities and lines are in CDATA as in WordPress's own export, each author is on one line, and a
    post's categories carry `domain` before `nicename`."""
    simplexml, regex = simplexml_reading(export), regex_reading(export)
    assert regex["version"] == simplexml["version"].encode()
    assert regex["base_url"] == simplexml["base_url"].encode()
    assert set(regex["authors"]) == {login.encode() for login in simplexml["authors"]}
    assert len(regex["posts"]) == len(simplexml["posts"])
    for read_by_regex, read_by_simplexml in zip(regex["posts"], simplexml["posts"], strict=True):
        expected = as_regex_reads({key: read_by_simplexml[key] for key in read_by_regex})
        expected["post_content"] = normalized_html(expected["post_content"])
        expected["post_excerpt"] = normalized_html(expected["post_excerpt"])
        assert read_by_regex == expected, read_by_simplexml["post_title"]
    summer = next(p for p in regex["posts"] if p["post_name"] == b"l-ete-de-l-oeuvre")
    assert b"<p>" in summer["post_content"] and b"&lt;" not in summer["post_content"]
    assert any(b"Et la photo &lt;3 &amp; le reste." in c["comment_content"] for c in summer["comments"])
