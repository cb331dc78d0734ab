"""A search result: the post's title and an excerpt with the words found marked, as HTML built in Python.

The markup its template gave, as blog.cards does for a list's cards: the loop over ten results resolved some
200 template variables and filters, a fifth of the page's time (tests/blog/test_cards.py compares the
bytes with the former template's).
"""

from html import escape

from django.utils import translation
from django.utils.safestring import mark_safe

from blog.cards import meta_line_html, tags_html
from blog.templatetags.blog_tags import typography


def result_for(post, marker):
    """The post with its title marked, and an excerpt of the body, or of a summary where only it matches."""
    document = post.search_document
    texts = [(post.language, document.body), ("fr", document.summary_fr), ("en", document.summary_en)]
    marked = ((code, marker.marked_excerpt(text)) for code, text in texts)
    language, excerpt = next((found for found in marked if found[1] is not None), (post.language, None))
    if excerpt is None:  # found in the title or tags alone, or through stemming: the body, read once above, opens
        excerpt = marker.opening(document.body)
    return {
        "post": post,
        "title": marker.excerpt(post.title, size=len(post.title)),
        "excerpt": excerpt,
        "excerpt_language": language,
    }


def result_html(result):
    post, language = result["post"], result["excerpt_language"]
    return mark_safe(  # noqa: S308 - every value escaped, the marked title and excerpt by search.text.Marker
        "\n"
        f'<article class="search-result" lang="{escape(post.language)}">\n'
        f'  <h2><a href="{escape(post.get_absolute_url())}">{typography(result["title"], post.language)}</a></h2>\n'
        f"  {meta_line_html(post)}\n"
        f'  <p class="excerpt" lang="{escape(language)}">{typography(result["excerpt"], language)}</p>\n'
        f'  <footer lang="{escape(translation.get_language())}">{tags_html(post)}</footer>\n'
        "</article>\n"
    )
