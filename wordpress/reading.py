"""The bytes of an export, made readable before the XML parser sees them.

Exports found in the wild name the wrong encoding in their XML declaration (UTF-8
declared ISO-8859-1 turns "économie" into "Ã©conomie"), or use a prefix such as `atom:`
without declaring it (older wordpress.com exports), which XML parsers refuse whole.
Both are repaired here, and each repair is said in the report.
"""

import codecs
import re

from django.utils.translation import gettext as _

from .wxr import WXRError

DECLARATION = re.compile(rb"""^(\xef\xbb\xbf)?(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"']*)\3""")
CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.DOTALL)
RSS_TAG = re.compile(rb"<rss\b")
WELL_KNOWN = {
    "atom": "http://www.w3.org/2005/Atom",
    "wp": "http://wordpress.org/export/1.2/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "slash": "http://purl.org/rss/1.0/modules/slash/",
    "georss": "http://www.georss.org/georss",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "sy": "http://purl.org/rss/1.0/modules/syndication/",
}


def prepare(data):
    """(bytes the XML parser reads as the author wrote them, what was repaired: a list of sentences)."""
    notes = []
    data = fix_encoding(data, notes)
    data = declare_prefixes(data, notes)
    return data, notes


def fix_encoding(data, notes):
    declared = DECLARATION.match(data)
    if not declared:
        return data
    name = declared.group(4).decode("ascii", "replace").strip()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise WXRError(
            _("The file says it is written in the “%(encoding)s” encoding, which is unknown.") % {"encoding": name}
        ) from None
    if codec == "utf-8":
        return data
    if not data.isascii() and is_utf8(data):
        notes.append(
            _("The file says it is written in %(encoding)s, but its bytes are UTF-8: it was read as UTF-8.")
            % {"encoding": name}
        )
        return as_utf8(data, declared)
    if codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        return data  # the parser reads those itself, from the byte order mark
    try:
        text = data[declared.end() :].decode(codec)
    except UnicodeDecodeError as error:
        raise WXRError(
            _("The file is not written in the %(encoding)s encoding it names (byte %(position)s).")
            % {"encoding": name, "position": declared.end() + error.start}
        ) from None
    return as_utf8(data[: declared.end()] + text.encode("utf-8"), declared)


def is_utf8(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def as_utf8(data, declared):
    return declared.group(2) + declared.group(3) + b"UTF-8" + declared.group(3) + data[declared.end() :]


def declare_prefixes(data, notes):
    """Declare on <rss> the well-known prefixes the export uses in its XML (not in its texts) but never declares."""
    rss = RSS_TAG.search(data)
    if rss is None:
        return data
    candidates = [p for p in WELL_KNOWN if not re.search(rb"xmlns:" + p.encode() + rb"\s*=", data)]
    used = [p for p in candidates if re.search(rb"<" + p.encode() + rb":", data)]
    if not used:
        return data
    outside_texts = CDATA.sub(b"", data)
    declarations = b""
    for prefix in used:
        if not re.search(rb"</?" + prefix.encode() + rb":[A-Za-z_]", outside_texts):
            continue
        declarations += f' xmlns:{prefix}="{WELL_KNOWN[prefix]}"'.encode()
        notes.append(_("The file uses the prefix “%(prefix)s:” without declaring it: declared.") % {"prefix": prefix})
    return data[: rss.end()] + declarations + data[rss.end() :]
