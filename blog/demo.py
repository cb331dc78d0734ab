"""Demo content that shows every feature of the blog; safe to load again and again."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import AUTHORS

from .models import Post, PostStatus

DEMO_PASSWORD = "carnet-demo"  # noqa: S105 - printed to the developer, demo only

POSTS = [
    {
        "slug": "internet-espace-de-vie",
        "title": "Internet, un espace de vie",
        "language": "fr",
        "days_ago": 40,
        "tags": ["internet", "médias sociaux", "relations"],
        "summary": {"en": "The internet is not a *channel* to communicate through: it is a place where people live."},
        "body": (
            "Quand on parle de présence en ligne, on pense souvent « canal de communication ». "
            "C'est réducteur : internet est d'abord un **espace social**.\n\n"
            "<!--more-->\n\n"
            "Derrière chaque page, il y a quelqu'un. Les forums, les blogs, les réseaux : "
            "ce sont les gens et leurs relations qui en font la structure.\n\n"
            "> Le web, c'était cette collection de voix humaines.\n\n"
            "Être présent en ligne, c'est plus du savoir-être que du savoir-faire."
        ),
    },
    {
        "slug": "why-i-still-keep-a-blog",
        "title": "Why I still keep a blog",
        "language": "en",
        "days_ago": 30,
        "tags": ["blogging", "internet", "writing"],
        "summary": {"fr": "Pourquoi je garde un blog après vingt ans : c'est ma maison sur le web."},
        "body": (
            "Twenty years in, people still ask why I bother with a blog when there are so many platforms.\n\n"
            "<!--more-->\n\n"
            "Because it is *mine*. Platforms come and go; the posts here stay, at the same address, "
            "and the conversations in the comments stay with them.\n\n"
            "- it keeps my writing in one place;\n- it lets me write in French *and* English;\n"
            "- nobody can switch it off but me."
        ),
    },
    {
        "slug": "le-temps-que-ca-prend",
        "title": "Le temps que ça prend",
        "language": "fr",
        "days_ago": 20,
        "tags": ["médias sociaux", "relations", "temps"],
        "summary": {
            "en": '"It takes time" usually means "I don\'t see the point". Seen as a social space, it changes.'
        },
        "body": (
            "« Ça prend du temps. » Oui. Boire un café aussi, aller à un apéro aussi.\n\n"
            "Ce qu'on dit vraiment, c'est souvent « je ne vois pas l'intérêt ». "
            "Si on vit le online comme un espace d'interactions auxquelles on prend plaisir, "
            "la question du temps se transforme."
        ),
    },
    {
        "slug": "notes-from-a-workshop-in-neuchatel",
        "title": "Notes from a workshop in Neuchâtel",
        "language": "en",
        "days_ago": 10,
        "tags": ["workshops", "blogging", "relations"],
        "summary": {
            "fr": "Atelier à Neuchâtel sur « se faire connaître à l'heure du 2.0 » : ce que j'en retiens.",
            "en": "What a room full of people taught me about being known online.",
        },
        "body": (
            "On Friday I ran a workshop in Neuchâtel about making yourself known online.\n\n"
            "The surprise: nobody wanted tips. They wanted stories of how relationships started online "
            "and ended up as work, friendships, projects.\n\n"
            "See [the course page](https://example.org/workshops) for the slides."
        ),
    },
    {
        "slug": "ce-qui-vient",
        "title": "Ce qui vient",
        "language": "fr",
        "days_ago": -7,
        "tags": ["blogging"],
        "summary": {"en": "A scheduled post: readers will only see it next week."},
        "body": "Un billet programmé : il apparaîtra tout seul à sa date de publication.",
    },
    {
        "slug": "draft-newsletters",
        "title": "Thoughts on newsletters",
        "language": "en",
        "status": PostStatus.DRAFT,
        "tags": ["writing"],
        "summary": {},
        "body": "A draft, still missing its French summary. Only staff can see it.",
    },
]


def ensure_users():
    """The demo admin (superuser) and an author who only sees her own posts."""
    User = get_user_model()
    admin, admin_created = User.objects.get_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "display_name": "Carnet", "email": "admin@example.org"},
    )
    author, author_created = User.objects.get_or_create(
        username="claire",
        defaults={
            "is_staff": True,
            "display_name": "Claire Martin",
            "preferred_language": "fr",
            "email": "claire@example.org",
        },
    )
    for user, created in ((admin, admin_created), (author, author_created)):
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
    author.groups.add(Group.objects.get(name=AUTHORS))
    return admin, author


def seed_posts(author):
    created = 0
    now = timezone.now()
    for spec in POSTS:
        post, was_created = Post.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "author": author,
                "title": spec["title"],
                "language": spec["language"],
                "body": spec["body"],
                "status": spec.get("status", PostStatus.PUBLISHED),
                "published_at": now - datetime.timedelta(days=spec["days_ago"]) if "days_ago" in spec else None,
            },
        )
        if not was_created:
            continue
        created += 1
        post.tags.add(*spec["tags"])
        for code, text in spec["summary"].items():
            post.set_current_language(code)
            post.summary = text
        post.save()
    return created
