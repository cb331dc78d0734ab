"""Reading WordPress shortcodes, and holding finished HTML aside while the rest is converted."""

import html
import re
from dataclasses import dataclass, field

ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
# Quotes as the visual editor may have stored them.
QUOTES = {"&quot;": '"', "&#8221;": '"', "&#8243;": '"', "&#8220;": '"', "”": '"', "″": '"', "“": '"'}
LEFT_OVER = re.compile(r"\[(/?)([a-zA-Z][\w-]*)((?:\s|=)[^\[\]\n]*)?\]")
HELD = re.compile(r"<pre wp-held-(\d+)></pre>|\ue000(\d+)\ue001")
NOT_SHORTCODES = {"fr", "en"}


def pattern(names, closing="optional"):
    """`[name attributes]`, with `…[/name]` when `closing` is "required" or "optional"."""
    names = "|".join(names)
    opening = rf"\[({names})(?![\w-])(=?[^\]]*)\]"
    if closing == "required":
        return re.compile(rf"{opening}(.*?)\[/\1\]", re.IGNORECASE | re.DOTALL)
    # The optional content stops before the next shortcode of the same name: `[youtube a] [youtube b][/youtube]`.
    return re.compile(rf"{opening}(?:((?:(?!\[\1(?![\w-])).)*?)\[/\1\])?", re.IGNORECASE | re.DOTALL)


def attributes(text):
    """WordPress's shortcode_parse_atts: {"name": value} and the positional values under 0, 1…"""
    text = (text or "").strip().lstrip("=")
    for entity, quote in QUOTES.items():
        text = text.replace(entity, quote)
    found, position = {}, 0
    for match in ATTRIBUTE.finditer(text):
        groups = match.groups()
        for name, value in ((groups[0], groups[1]), (groups[2], groups[3]), (groups[4], groups[5])):
            if name:
                found[name.lower()] = html.unescape(value).strip()
                break
        else:
            value = next(g for g in groups[6:] if g is not None)
            found[position] = html.unescape(value).strip()
            position += 1
    return found


@dataclass
class Held:
    """Finished HTML taken out of the text, so later stages (paragraphs, links) leave it alone."""

    pieces: list[str] = field(default_factory=list)

    def block(self, piece):
        self.pieces.append(piece)
        return f"\n\n<pre wp-held-{len(self.pieces) - 1}></pre>\n\n"

    def inline(self, piece):
        self.pieces.append(piece)
        return f"\ue000{len(self.pieces) - 1}\ue001"

    def restore(self, text):
        def put_back(match):
            piece = self.pieces[int(match.group(1) or match.group(2))]
            return self.restore(piece) if "wp-held-" in piece or "\ue000" in piece else piece

        return HELD.sub(put_back, text)


def left_over(text):
    """The names of shortcodes still in `text` once every known one is converted."""
    return sorted(
        {match.group(2).lower() for match in LEFT_OVER.finditer(text) if match.group(2).lower() not in NOT_SHORTCODES}
    )
