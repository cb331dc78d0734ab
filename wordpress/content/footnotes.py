"""Gutenberg footnotes: their texts live in the post's `footnotes` meta, shown by a block."""

import json
import re

BLOCK = re.compile(r"<!--\s*wp:footnotes\b[^>]*?/?-->(?:.*?<!--\s*/wp:footnotes\s*-->)?", re.DOTALL)


def notes(meta):
    try:
        found = json.loads(meta.get("footnotes") or "[]")
    except ValueError:
        return []
    return [note["content"] for note in found if isinstance(note, dict) and note.get("content")]


def convert(text, meta, held):
    """The footnotes block becomes a numbered list of the notes (at the end when the block is missing)."""
    texts = notes(meta)
    if not texts:
        return text, 0
    listing = held.block('<ol class="footnotes">' + "".join(f"<li>{t}</li>" for t in texts) + "</ol>")
    text, found = BLOCK.subn(lambda m: listing, text, count=1)
    return (text if found else f"{text}\n\n{listing}"), len(texts)
