"""Demo columns: a magazine, its column and two republished pieces, one whose original is gone."""

import datetime

from django.utils import timezone

from blog.models import Post, PostStatus

from .models import Column, OriginalStatus, Publication, Republication

DESCRIPTIONS = {
    "en": "I write a weekly column for Les Quotidiennes, which I republish here for safekeeping.",
    "fr": "J'écris une chronique hebdomadaire pour Les Quotidiennes, que je republie ici pour la garder en lieu sûr.",
}

PIECES = [
    {
        "slug": "parler-comme-un-etre-humain",
        "title": "Parler comme un être humain",
        "days_ago": 60,
        "tags": ["médias sociaux", "entreprise"],
        "body": (
            "Dans un article publié hier, Dan Pink lance un défi à ses lecteurs : parler comme un être humain "
            "dans le monde professionnel.\n\n"
            "<!--more-->\n\n"
            "Pour ne pas aller dans le mur lorsqu'on met les pieds dans les médias sociaux, il est important "
            "d'apprendre (ou de réapprendre) à parler comme un être humain."
        ),
        "original_url": "https://www.lesquotidiennes.com/chroniques/parler-comme-un-etre-humain",
        "status": OriginalStatus.ONLINE,
        "archive_url": "",
    },
    {
        "slug": "lisez-le-cluetrain-manifesto",
        "title": "Lisez le Cluetrain Manifesto",
        "days_ago": 53,
        "tags": ["cluetrain", "médias sociaux"],
        "body": (
            "« Lisez le Cluetrain Manifesto ! » Voilà mon refrain, que je répète comme un vieux disque rayé "
            "depuis des années.\n\n"
            "Les marchés sont des conversations : tout le reste en découle."
        ),
        "original_url": "https://www.lesquotidiennes.com/chroniques/lisez-le-cluetrain-manifesto",
        "status": OriginalStatus.GONE,
        "archive_url": (
            "https://web.archive.org/web/2011/https://www.lesquotidiennes.com/chroniques/lisez-le-cluetrain-manifesto"
        ),
    },
]


def seed(author):
    """Create what is missing; returns the number of new republished pieces."""
    publication, _created = Publication.objects.get_or_create(
        slug="les-quotidiennes",
        defaults={"name": "Les Quotidiennes", "url": "https://www.lesquotidiennes.com/", "language": "fr"},
    )
    column, created = Column.objects.get_or_create(
        slug="chroniques-du-monde-connecte",
        defaults={"publication": publication, "name": "Chroniques du monde connecté"},
    )
    if created:
        for code, text in DESCRIPTIONS.items():
            column.set_current_language(code)
            column.description = text
        column.save()
    created_pieces = 0
    for spec in PIECES:
        published_at = timezone.now() - datetime.timedelta(days=spec["days_ago"])
        post, post_created = Post.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "author": author,
                "title": spec["title"],
                "language": "fr",
                "body": spec["body"],
                "status": PostStatus.PUBLISHED,
                "published_at": published_at,
            },
        )
        if post_created:
            post.tags.add(*spec["tags"])
        _republication, piece_created = Republication.objects.get_or_create(
            post=post,
            defaults={
                "column": column,
                "original_url": spec["original_url"],
                "originally_published_on": timezone.localdate(post.published_at) - datetime.timedelta(days=1),
                "original_status": spec["status"],
                "archive_url": spec["archive_url"],
            },
        )
        created_pieces += piece_created
    return created_pieces
