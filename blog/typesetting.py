"""Text as its language prints it: what authors, readers and WordPress typed on a keyboard, set as a typesetter would.

Straight apostrophes and double quotes are curled, as WordPress showed twenty years of posts; French puts its narrow
no-break spaces around its punctuation. In plain text or HTML: never in a tag (an address's "L'Étranger", an
attribute's quotes), nor in code.
"""

import re

# Code, in HTML written by the cleaner (blog.markup.clean_html), whose tag names are in lower case: ignoring case took
# four times as long to search a long body (0.12 against 0.03 ms, 35 KB), once for each change made outside code.
VERBATIM = re.compile(r"<(pre|code|kbd|samp|script|style)\b")
VERBATIM_BLOCK = re.compile(r"<(pre|code|kbd|samp|script|style)\b.*?</\1\s*>", re.S)
MARK = re.compile(r"[:;!?»]")  # searched for alone: the search then skips ahead to the rare marks
SPACE_AFTER = re.compile(r"«(?:[ \u00a0\u202f]|&nbsp;)*")

# Where a curled mark goes: before a word, or a word marked or emphasised ("l'<em>été</em>", a search's
# "l'<mark>été</mark>"); in the text, not in a tag, whose next angle bracket is its own ">".
BEFORE_A_WORD = r"(?=\w|<(?:a|b|em|i|mark|strong)\b[^>]*>\w)"
IN_THE_TEXT = r"(?=[^<>]*(?:<|\Z))"
# What a double quote opening a word follows: a space, a bracket, a dash, or the start of a text or tag.
BEFORE_AN_OPENING = "\\s(\\[{—–>\u00a0\u202f"


def _marks(forms):
    """(form, its pattern, the mark printed) for each form of a straight mark, as typed or as escaped HTML, MARK in the
    pattern standing for it. Each is looked for from its first character, then behind it: a look behind first was
    tried at every character."""
    return [(form, re.compile(pattern.replace("MARK", re.escape(form))), printed) for form, pattern, printed in forms]


CURLED = [
    # An apostrophe between letters: "l'été", "aujourd'hui", "don't".
    *_marks((form, rf"MARK(?<=\wMARK){BEFORE_A_WORD}{IN_THE_TEXT}", "’") for form in ("'", "&#x27;", "&#39;")),
    # A double quote opening a word, then one closing it (after a letter or a mark, not an attribute's "=", which
    # fails at once: a page's attributes hold most of its double quotes).
    *_marks(
        (form, rf"MARK(?<![^{BEFORE_AN_OPENING}]MARK){BEFORE_A_WORD}{IN_THE_TEXT}", "“") for form in ('"', "&quot;")
    ),
    *_marks((form, rf"MARK(?<=[^\s=]MARK){IN_THE_TEXT}", "”") for form in ('"', "&quot;")),
]


def typeset(text, language_code):
    """Text (plain, or HTML) as `language_code` prints it: typed apostrophes and quotes curled, and in French a narrow
    no-break space before : ; ! ? » and after « ("http://" and "10:30" have no space to replace); not in code. Code is
    looked for once, for both."""
    if language_code == "fr":
        return _outside_code(text, lambda part: _spaced(_curled(part)))
    return curled(text)


def curled(html):
    """The apostrophes and double quotes typed in the text of some HTML (CURLED) printed ’ “ ”; not in code."""
    if not any(form in html for form, _pattern, _printed in CURLED):  # most titles: no regular expression to run
        return html
    return _outside_code(html, _curled)


def _outside_code(html, change):
    """`html` with `change` made to what it holds outside code (most of it holds none)."""
    if not VERBATIM.search(html):
        return change(html)
    parts, start = [], 0
    for block in VERBATIM_BLOCK.finditer(html):
        parts += [change(html[start : block.start()]), block.group()]
        start = block.end()
    return "".join([*parts, change(html[start:])])


def _curled(text):
    for form, pattern, printed in CURLED:
        if form in text:
            text = pattern.sub(printed, text)
    return text


def _spaced(text):
    """French spacing of text holding no code (a space inside a tag is an attribute's text)."""
    parts, start = [], 0
    for mark in MARK.finditer(text):
        if text[mark.start() - 1 : mark.start()] not in (" ", "\u00a0", "\u202f", ";"):  # ";" ends "&nbsp;"
            continue
        before = _without_trailing_spaces(text[start : mark.start()])
        if len(before) < mark.start() - start:
            parts += [before, "\u202f"]
            start = mark.start()
    text = "".join(parts) + text[start:] if parts else text
    return SPACE_AFTER.sub("«\u202f", text) if "«" in text else text


def _without_trailing_spaces(text):
    while True:
        text = text.rstrip(" \u00a0\u202f")
        if not text.endswith("&nbsp;"):
            return text
        text = text[: -len("&nbsp;")]
