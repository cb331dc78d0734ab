"""The pieces of a post's card (blog.cards) for templates."""

from django import template

from blog import cards

register = template.Library()


@register.simple_tag(takes_context=True)
def post_card(context, post):
    return cards.card_html(post, context)


@register.simple_tag(takes_context=True)
def similar_post(context, post):
    return cards.mention_html(post, context)


register.simple_tag(cards.meta_line_html, name="meta_line")
register.simple_tag(cards.post_date_html, name="post_date")
register.simple_tag(cards.summaries_html, name="summaries")
register.simple_tag(cards.tags_html, name="tag_links")
