"""The language a text is written in, from its words.

py3langid (a maintained fork of langid.py) ships its model inside the package, needs
nothing but numpy, and classifies a post in a millisecond; its model is loaded once, on
the first post that needs it, since most imports have a plugin's sign on every post.
"""

import re
from functools import cache

from blog import markup

MIN_WORDS = 12
MIN_CONFIDENCE = 0.8
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
URL = re.compile(r"\S+://\S+")


@cache
def identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def words_of(title, body):
    text = markup.plain_text(CODE.sub(" ", f"<p>{title}</p> {body}"))
    return URL.sub(" ", text).split()


def detect(title, body, candidates):
    """One of `candidates` ("fr", "en"), or None when the text is too short or in another language."""
    words = words_of(title, body)
    if len(words) < MIN_WORDS:
        return None
    ranking = identifier().rank(" ".join(words))
    language, confidence = ranking[0]
    return language if language in candidates and confidence >= MIN_CONFIDENCE else None
