"""RSS 2.0 and Atom feeds of the latest posts: all, per language, per tag."""

import io
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import escape_uri_path
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from blog import markup, typesetting
from blog.links import absolute_url
from blog.lists import LIST_IDS
from blog.models import Language, Post

FEED_SIZE = 20
LANGUAGE_FEED_DESCRIPTIONS = {
    Language.FR: _("The latest posts written in French."),
    Language.EN: _("The latest posts written in English."),
}


class WrittenAtOnce:
    """A feed written into a string, then into the response at once: Django's generator wrote each of a feed's
    thousand pieces into the response, which encoded each on its own (a tenth of the feed's time)."""

    def write(self, outfile, encoding):
        text = io.StringIO()
        super().write(text, encoding)
        outfile.write(text.getvalue())


class PostsRss201rev2Feed(WrittenAtOnce, Rss201rev2Feed):
    pass


class FullContentAtom1Feed(WrittenAtOnce, Atom1Feed):
    """Atom with the whole post in <content> and each entry's language in xml:lang."""

    def item_attributes(self, item):
        return {"xml:lang": item["language"]}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


SITE_RELATIVE = re.compile(r'(\s(?:src|href)=")/(?!/)')
SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def with_full_addresses(html):
    """A feed reader shows an entry away from the site: its pictures and links must name the site
    (`/media/…` → `https://…/media/…`); Markdown and the media library write them from the site's root."""
    # Each pattern only where its text is: scanning the whole of twenty posts twice cost a tenth of a feed.
    if '="/' in html:
        html = SITE_RELATIVE.sub(lambda found: f"{found.group(1)}{settings.SITE_URL}/", html)
    if 'srcset="' in html:
        html = SRCSET.sub(lambda found: found.group(1) + _full_srcset(found.group(2)) + '"', html)
    return html


def _full_srcset(srcset):
    candidates = (candidate.strip() for candidate in srcset.split(","))
    return ", ".join(
        absolute_url(candidate) if candidate.startswith("/") and not candidate.startswith("//") else candidate
        for candidate in candidates
    )


def post_html(post):
    """The post as a feed item shows it: summaries first, each marked with its language, then the body, with full
    addresses.

    Feed readers often drop `lang`, so the `[en]` marker stays in the text itself.
    """
    parts = []
    for code, text in post.summaries():
        html = markup.markdown_to_html(text)
        marker = f"[{code}] "
        html = html.replace("<p>", f"<p>{marker}", 1) if html.startswith("<p>") else marker + html
        parts.append(f'<div lang="{code}">{typesetting.typeset(html, code)}</div>')
    parts.append(f'<div lang="{post.language}">{typesetting.typeset(post.body_html, post.language)}</div>')
    return with_full_addresses("\n".join(parts))


class PostsFeed(Feed):
    """RSS 2.0 of the latest posts in both languages; mixins narrow it, AtomMixin turns it into Atom."""

    feed_type = PostsRss201rev2Feed
    feed_language = None  # None: posts in both languages, no <language> element.

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Django falls back to the interface language; a mixed feed must carry none.
        feed.feed["language"] = self.get_feed_language(obj)
        feed.feed["feed_url"] = absolute_url(escape_uri_path(request.path))
        return feed

    def get_feed_language(self, obj):
        return self.feed_language

    def posts(self, obj):
        """The list of posts the feed's FEED_SIZE newest come from: the blog's, one of blog.lists.LIST_IDS with the
        values of its slots (mixins narrow it)."""
        return LIST_IDS["all"], {}

    def items(self, obj):
        return Post.objects.syndicated_among(self.posts(obj), 0, FEED_SIZE)

    def title(self, obj):
        return settings.SITE_NAME

    def description(self, obj):
        return _("The latest posts, in French and English.")

    def link(self, obj):
        return absolute_url(reverse("blog:post-list"))

    def item_title(self, post):
        return typesetting.typeset(post.title, post.language)

    def item_link(self, post):
        return absolute_url(post.get_absolute_url())

    item_guid_is_permalink = True

    def item_description(self, post):
        return post_html(post)

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return max(post.updated_at, post.published_at)

    def item_author_name(self, post):
        return post.author.public_name

    def item_categories(self, post):
        return [tag.name for tag in post.listed_tags()]

    def item_extra_kwargs(self, post):
        return {"language": post.language}


class AtomMixin:
    feed_type = FullContentAtom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def item_description(self, post):
        return None

    def item_extra_kwargs(self, post):
        return {**super().item_extra_kwargs(post), "content": post_html(post)}


class LanguageFeedMixin:
    def get_object(self, request, language):
        if language not in Language.values:
            raise Post.DoesNotExist
        return Language(language)

    def get_feed(self, language, request):
        with translation.override(language.value):
            return super().get_feed(language, request)

    def get_feed_language(self, language):
        return language.value

    def posts(self, language):
        return LIST_IDS["language"], {"language": language.value}

    def title(self, language):
        return f"{settings.SITE_NAME} [{language.value}]"

    def description(self, language):
        return LANGUAGE_FEED_DESCRIPTIONS[language]

    def link(self, language):
        return absolute_url(reverse("blog:language-detail", args=[language.value]))


class TagFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def posts(self, tag):
        return LIST_IDS["tag"], {"tag": tag.pk}

    def title(self, tag):
        return f"{settings.SITE_NAME} — {tag.name}"

    def description(self, tag):
        return _("The latest posts tagged “%(tag)s”.") % {"tag": tag.name}

    def link(self, tag):
        return absolute_url(reverse("blog:tag-detail", args=[tag.slug]))


class LatestPostsRssFeed(PostsFeed):
    pass


class LatestPostsAtomFeed(AtomMixin, PostsFeed):
    pass


class LanguageRssFeed(LanguageFeedMixin, PostsFeed):
    pass


class LanguageAtomFeed(AtomMixin, LanguageFeedMixin, PostsFeed):
    pass


class TagRssFeed(TagFeedMixin, PostsFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeedMixin, PostsFeed):
    pass
