"""A post's card in lists, and the pieces other pages share with it (date, meta line, summaries, tags), as HTML
built in Python.

The same markup their templates gave, at a fraction of the cost: a list page of ten cards resolved
some 500 template variables, 100 URLs and 50 includes (tests/blog/test_cards.py renders the
former templates next to these functions and compares the bytes). Every value is escaped here, by the
standard library's `html.escape`, which Django's `escape` wraps in a per-call check for lazy strings (some
350 calls on a tag page; the values here are plain strings), as are the pieces of the page's frame.
"""

from functools import lru_cache
from html import escape

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from blog import extensions
from blog.addresses import addresser
from blog.templatetags.blog_tags import day_date, markdown, shown_html, summary_label, tag_link, typography


def card_html(post, context):
    """A post in a list: title, date, summaries, excerpt or body, tags and what other apps add."""
    language = escape(post.language)
    url = escape(post.get_absolute_url())
    with context.push(post=post):
        meta, footer = extensions.render("post_card_meta", context), extensions.render("post_card_footer", context)
    if post.excerpt_html:
        body = (
            f"{shown_html(post.excerpt_html, post.language)}\n"
            f'    <p class="more" lang="{escape(translation.get_language())}"><a href="{url}">'
            f"{escape(gettext('Continue reading'))}"
            f'<span class="visually-hidden"> — <span lang="{language}">{typography(post.title, post.language)}'
            "</span></span></a></p>\n"
            "    "
        )
    else:
        body = shown_html(post.body_html, post.language)
    return mark_safe(  # noqa: S308 - every value escaped above
        "\n"
        '<article class="post-card">\n'
        f'  <header lang="{language}">\n'
        f'    <h2><a href="{url}">{typography(post.title, post.language)}</a></h2>\n'
        f"    {meta_line_html(post)}\n"
        "  </header>\n"
        f"  {summaries_html(post.own_other_language_summaries())}\n"
        f"  {meta}\n"
        f'  <div class="body" lang="{language}">\n'
        f"    {body}\n"
        "  </div>\n"
        f'  <footer class="card-footer">{tags_html(post)}{footer}</footer>\n'
        "</article>\n"
    )


def mention_html(post, context):
    """A similar post on another post's page: its title, date, its summary for the other language, what apps add."""
    with context.push(post=post):
        meta = extensions.render("post_card_meta", context)
    summaries = post.own_other_language_summaries()
    summary = "".join(summary_html(code, text, "summary other-language") for code, text in summaries[:1])
    return mark_safe(  # noqa: S308 - every value escaped, Markdown cleaned by nh3
        f'\n    <li lang="{escape(post.language)}"><a class="title" href="{escape(post.get_absolute_url())}">'
        f"{typography(post.title, post.language)}</a>\n"
        f"      {meta_line_html(post)}\n"
        f"      {summary}\n"
        f"      {meta}</li>\n  "
    )


def post_date_html(post):
    """The publication date, written in the post's language."""
    published = template_localtime(post.published_at)
    text = _day_in(published.date(), post.language)
    return mark_safe(f'<time datetime="{published.isoformat()}">{text}</time>\n')  # noqa: S308 - escaped


@lru_cache(maxsize=20_000)
def _day_in(day, language):
    """`day` as `language` writes it, escaped. Kept: a day's text never changes, and switching language to write
    it took a tenth of a card's time."""
    with translation.override(language):
        return escape(day_date(day))


def meta_line_html(post):
    """Date · language, under a post's title in lists and search results."""
    date = f"{post_date_html(post)} · " if post.published_at else ""
    return mark_safe(  # noqa: S308 - escaped
        f'<p class="meta-line">{date}<span class="lang-name" lang="{escape(post.language)}">'
        f"{escape(post.get_language_display())}</span></p>\n"
    )


def summaries_html(summaries):
    """(language, Markdown) summaries, each labelled in its own language."""
    parts = (f"\n{summary_html(code, text)}\n" for code, text in summaries)
    return mark_safe("".join(parts) + "\n")  # noqa: S308 - escaped, Markdown cleaned by nh3


def summary_html(code, text, css_class="summary"):
    """A summary (Markdown) written in `code`, labelled in its own language."""
    return (
        f'<div class="{css_class}" lang="{escape(code)}"><span class="summary-label">{escape(summary_label(code))}'
        f"</span> {typography(markdown(text), code)}</div>"
    )


TAG_REL = ' rel="tag"'


def tags_html(post):
    """The post's tags, each a link to its page."""
    tags = post.listed_tags()
    if not tags:
        return mark_safe("\n")
    address = addresser()
    links = "".join(f"<li>{tag_link(tag, address, TAG_REL)}</li>" for tag in tags)
    return mark_safe(  # noqa: S308 - escaped
        f'\n<div class="tags"><span class="tags-label">{escape(gettext("Tags:"))}</span> <ul>{links}</ul></div>\n\n'
    )
