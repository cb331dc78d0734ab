"""A port of WordPress's `wpautop`: blank lines make paragraphs, single newlines `<br>`."""

import re

MORE = "<!--more-->"
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    r"blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    r"footer|nav|figure|figcaption|details|menu|summary|audio|video|object)"
)
BLOCK_OPEN = re.compile(rf"(<{BLOCKS}[\s/>])", re.IGNORECASE)
BLOCK_CLOSE = re.compile(rf"(</{BLOCKS}>)", re.IGNORECASE)
BLOCK_TAG = rf"</?{BLOCKS}[^>]*>"


def autop(text):
    preserved = []

    def keep(match):
        preserved.append(match.group(0))
        return f"<pre wp-pre-tag-{len(preserved) - 1}></pre>"

    text = PRE.sub(keep, text)
    text = TAG.sub(lambda m: m.group(0).replace("\n", " "), text)
    text = BLOCK_OPEN.sub(r"\n\n\1", text)
    text = BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = text.replace(MORE, f"\n\n{MORE}\n\n")
    chunks = [chunk.strip("\n") for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    text = "".join(paragraph(chunk) for chunk in chunks)
    text = re.sub(rf"<p>\s*({BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = re.sub(r"</blockquote></p>", "</p></blockquote>", text, flags=re.IGNORECASE)
    text = re.sub(rf"<p>\s*({BLOCK_TAG})", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"({BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\n</p>", "</p>", text)
    text = re.sub(r"<p>\s*</p>", "", text)
    return re.sub(r"<pre wp-pre-tag-(\d+)></pre>", lambda m: preserved[int(m.group(1))], text)


def paragraph(chunk):
    if chunk == MORE:
        return f"{MORE}\n"
    if not re.match(BLOCK_TAG, chunk, flags=re.IGNORECASE):
        chunk = re.sub(r"(?<!<br />)[ \t]*\n", "<br />\n", chunk)
    return f"<p>{chunk}</p>\n"
