"""What a page tells search engines and link previews about itself."""

import html
import json
import re

from django import template
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from blog import extensions, markup, typesetting
from blog.links import absolute_url
from blog.templatetags.blog_tags import typography
from blog.text import excerpt

register = template.Library()

OG_LOCALES = {"fr": "fr_FR", "en": "en_US"}
DESCRIPTION_LENGTH = 160
# As django.utils.html.json_script does: nothing in the data can close the <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def page_meta(context):
    """A page's description, robots rule and Open Graph and Twitter tags, from the context's `meta_title`,
    `meta_description`, `meta_language` and `og_type` (the site's own where missing), `noindex` and `preview`.
    Written here: through a template, on every page, it cost more than the rest of the page's head."""
    language = context.get("meta_language") or get_language()
    site_name = context.get("SITE_NAME", "")
    title = typography(context.get("meta_title") or site_name, language)
    description = typography(context.get("meta_description") or gettext("A notebook in French and English."), language)
    robots = '<meta name="robots" content="noindex">' if context.get("noindex") or context.get("preview") else ""
    request = context.get("request")
    url = html.escape(f"{context.get('SITE_URL', '')}{iri_to_uri(request.path) if request else ''}")
    return mark_safe(  # noqa: S308 - escaped
        f'\n  <meta name="description" content="{description}">\n'
        f"  {robots}\n"
        f'  <meta property="og:site_name" content="{html.escape(site_name)}">\n'
        f'  <meta property="og:type" content="{html.escape(context.get("og_type") or "website")}">\n'
        f'  <meta property="og:title" content="{title}">\n'
        f'  <meta property="og:description" content="{description}">\n'
        f'  <meta property="og:url" content="{url}">\n'
        f'  <meta property="og:locale" content="{html.escape(og_locale(language))}">\n'
        '  <meta name="twitter:card" content="summary">\n'
        f'  <meta name="twitter:title" content="{title}">\n'
        f'  <meta name="twitter:description" content="{description}">\n'
    )


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get((language_code or "")[:2], OG_LOCALES["en"])


@register.filter
def post_description(post):
    """The summary in the post's own language if it has one, else its excerpt, as short plain text."""
    own_summary = dict(post.summaries()).get(post.language)
    html = markup.markdown_to_html(own_summary) if own_summary else (post.excerpt_html or post.body_html)
    return short_description(html)


def short_description(html):
    """Some HTML as the short plain text search engines and link previews show, cut after a word."""
    return excerpt(markup.opening_text(html, DESCRIPTION_LENGTH), DESCRIPTION_LENGTH - 1)


IMG = re.compile(r"<img\b[^>]*>")
IMG_ATTRIBUTE = re.compile(r'\s(src|alt)="([^"]*)"')


@register.filter
def post_image(post):
    """The post's first picture, for link previews: {"url": its full address, "alt": its text}, or None."""
    tag = IMG.search(post.body_html or "")
    attributes = {name: html.unescape(value) for name, value in IMG_ATTRIBUTE.findall(tag.group())} if tag else {}
    src = attributes.get("src", "")
    if src.startswith("/") and not src.startswith("//"):
        src = absolute_url(src)
    if not src.startswith(("https://", "http://")):
        return None
    return {"url": src, "alt": typesetting.typeset(attributes.get("alt", ""), post.language)}


@register.simple_tag
def post_canonical_url(post):
    """The address search engines should index for `post`: the first an app names (blog.extensions), else its own."""
    for canonical_url in extensions.canonical_urls:
        if url := canonical_url(post):
            return url
    return absolute_url(post.get_absolute_url())


def original_url(post):
    """The address of the magazine page a republished column comes from, if any."""
    republication = getattr(post, "republication", None)  # the reverse one-to-one raises an AttributeError
    return republication.last_known_address if republication else None


@register.simple_tag
def post_json_ld(post, description):
    """A schema.org BlogPosting for `post` (`description`: its post_description) in a <script> tag."""
    url = absolute_url(post.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": typesetting.typeset(post.title, post.language),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": post.language,
        "datePublished": post.published_at.isoformat() if post.published_at else None,
        "dateModified": post.updated_at.isoformat(),
        "author": {
            "@type": "Person",
            "name": post.author.public_name,
            "url": absolute_url(reverse("blog:author-detail", args=[post.author.username])),
        },
        "keywords": [tag.name for tag in post.listed_tags()],
        "description": typesetting.typeset(description, post.language),
    }
    if based_on := original_url(post):
        data["isBasedOn"] = based_on
    text = json.dumps({key: value for key, value in data.items() if value is not None}, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - <, > and & escaped above
    )
