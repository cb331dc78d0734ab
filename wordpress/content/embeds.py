"""Players of other sites → a link card: no request to YouTube or anyone until the reader clicks.

Flash `<object>`/`<embed>` (dead in every browser), `<iframe>` players, the
`[youtube]`, `[dailymotion]`, `[vimeo]`, `[gist]`, `[flickr]` and `[embed]` shortcodes
and URLs alone on a line (WordPress's auto-embeds) become a paragraph with a link to
the video's or document's own page, named after its site.
"""

import html
import re
from urllib.parse import urlsplit

from .shortcodes import attributes, pattern

SERVICES = [
    (
        "YouTube",
        re.compile(r"(?:youtube(?:-nocookie)?\.com/(?:v/|embed/|watch\?(?:.*&)?v=)|youtu\.be/)([\w-]{6,})"),
        "https://www.youtube.com/watch?v={}",
    ),
    (
        "Dailymotion",
        re.compile(r"(?:dailymotion\.com/(?:swf/(?:video/)?|embed/video/|video/)|dai\.ly/)([a-zA-Z0-9]+)"),
        "https://www.dailymotion.com/video/{}",
    ),
    ("Vimeo", re.compile(r"vimeo\.com/(?:moogaloop\.swf\?clip_id=|video/|)(\d+)"), "https://vimeo.com/{}"),
]
PAGES = {name.lower(): (name, page) for name, _player, page in SERVICES}
PLAYER_SHORTCODE = pattern(["youtube", "dailymotion", "vimeo"])
GIST = pattern(["gist"])
FLICKR = pattern(["flickr"])
EMBED = pattern(["embed"], closing="required")
OBJECT = re.compile(r"<object\b.*?</object>", re.IGNORECASE | re.DOTALL)
LONE_EMBED = re.compile(r"<embed\b[^>]*>(?:\s*</embed>)?", re.IGNORECASE)
IFRAME = re.compile(r"""<iframe\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1[^>]*>.*?</iframe>""", re.IGNORECASE | re.DOTALL)
MOVIE = re.compile(
    r"""<param\b[^>]*\bname\s*=\s*["'](?:movie|src|url)["'][^>]*\bvalue\s*=\s*["']([^"']+)["']"""
    r"""|<param\b[^>]*\bvalue\s*=\s*["']([^"']+)["'][^>]*\bname\s*=\s*["'](?:movie|src|url)["']"""
    r"""|<embed\b[^>]*\bsrc\s*=\s*["']([^"']+)["']|<object\b[^>]*\bdata\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)
BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
URL = re.compile(r"^https?://", re.IGNORECASE)


def page_of(url):
    """(the address of a player's own page, the site's name) for a player or page URL."""
    url = html.unescape(url.strip())
    if url.startswith("//"):
        url = f"https:{url}"
    for name, player, page in SERVICES:
        found = player.search(url)
        if found:
            return page.format(found.group(1)), name
    return url, urlsplit(url).hostname or url


def card(url, site):
    """The link card: the site's name, then the address, both escaped."""
    if not URL.match(url):
        return ""
    return f'<p class="embed-link"><a href="{html.escape(url)}">{html.escape(site)} — {html.escape(url)}</a></p>'


def link_or_card(url):
    """A card for a known video site, else the plain link WordPress showed when it could not embed."""
    page, site = page_of(url)
    if any(site == name for name, _player, _page in SERVICES):
        return card(page, site)
    return f'<p><a href="{html.escape(page)}">{html.escape(page)}</a></p>' if URL.match(page) else ""


def player_shortcode(match):
    name, values = match.group(1).lower(), attributes(match.group(2))
    given = (match.group(3) or "").strip() or values.get("id") or values.get("url") or values.get(0, "")
    if URL.match(given) or given.startswith("//"):
        return card(*page_of(given))
    given = re.sub(r"[^\w-]", "", given)
    site, page = PAGES[name]
    return card(page.format(given), site) if given else ""


def gist(match):
    values = attributes(match.group(2))
    given = (match.group(3) or "").strip() or values.get("id") or values.get("url") or values.get(0, "")
    identifier = re.sub(r"[^\w/-]", "", given)
    url = given if URL.match(given) else f"https://gist.github.com/{identifier}"
    label = "GitHub Gist" + (f" ({values['file']})" if values.get("file") else "")
    return card(url, label) if given else ""


def flickr(match):
    values = attributes(match.group(2))
    given = (match.group(3) or "").strip()
    given = given or next((v for v in values.values() if URL.match(v)), "")
    if not given:
        found = next((values[k] for k in ("photo", "video", "set", "id", 0) if values.get(k)), "")
        identifier = re.sub(r"\D", "", found)
        given = f"https://www.flickr.com/photo.gne?id={identifier}" if identifier else ""
    return card(given, "Flickr") if given else ""


def flash(match):
    found = MOVIE.search(match.group(0))
    url = next((g for g in found.groups() if g), "") if found else ""
    return card(*page_of(url)) if url else ""


def convert(text, held, counts):
    """Every player and document of another site held aside as a link card; `counts` says how many."""

    def count(kind, function):
        def replace(match):
            piece = function(match)
            counts[kind if piece else f"{kind}-empty"] += 1
            return held.block(piece) if piece else ""

        return replace

    text = OBJECT.sub(count("Flash player", flash), text)
    text = LONE_EMBED.sub(count("Flash player", flash), text)
    text = IFRAME.sub(count("iframe player", lambda m: card(*page_of(m.group(2)))), text)
    text = PLAYER_SHORTCODE.sub(count("video shortcode", player_shortcode), text)
    text = GIST.sub(count("gist", gist), text)
    text = FLICKR.sub(count("Flickr", flickr), text)
    text = EMBED.sub(count("embed", lambda m: link_or_card(m.group(3).strip())), text)
    return BARE_URL_LINE.sub(lambda m: held.block(link_or_card(m.group(1))), text)
