"""A site as a blogger leaves it: the demo content and more, with accents, threads, a picture and a column."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from blog.models import Post, PostStatus, Revision
from comments.models import Comment, CommentStatus, Subscription
from media.services import create_from_file
from wordpress.models import Redirect, Upload


def jpeg(size=(800, 600)):
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    buffer.seek(0)
    return buffer


def build_site():
    """Load seed_demo, then add what it lacks; returns the main French post."""
    call_command("seed_demo", stdout=io.StringIO())
    claire = get_user_model().objects.get(username="claire")
    claire.bio = "Consultante, blogueuse depuis 2004 — « l'internet, c'est des gens »."
    claire.save()
    picture = create_from_file(
        jpeg(),
        "fête-d'été.jpg",
        alt="Des lampions au-dessus d'une cour, le soir",
        caption="La fête de l'été",
        credit="Photo : Claire Martin (CC BY)",
        uploaded_by=claire,
    )
    now = timezone.now()
    post = Post.objects.create(
        author=claire,
        language="fr",
        title="L'été de l'œuvre : « à la française »",
        slug="l-ete-de-l-oeuvre",
        body=(
            "Un billet d'été, avec des apostrophes (l'œuvre, d'abord) et des guillemets « français ».\n\n"
            "<!--more-->\n\n"
            f"![]({picture.url})\n\n"
            "## Ce qu'il en reste\n\n"
            "Une liste :\n\n- l'été ;\n- l'automne.\n\n"
            "Et un lien : <https://example.org/été?x=1&y=2>."
        ),
        status=PostStatus.PUBLISHED,
        published_at=now - datetime.timedelta(days=3, hours=2),
    )
    post.tags.add("été", "œuvres d'art", "internet")
    post.save_summary("en", "Summer, *the work*, and what's left of it — with an apostrophe.")
    post.save_summary("fr", "L'été, l'œuvre, et ce qu'il en reste.")
    # Its translation, linked both ways.
    translation = Post.objects.create(
        author=claire,
        language="en",
        title="The summer of the work: “the French way”",
        slug="the-summer-of-the-work",
        body="A summer post, translated. It's short.",
        status=PostStatus.PUBLISHED,
        published_at=now - datetime.timedelta(days=2),
        translation_of=post,
    )
    translation.tags.add("été", "translation")
    translation.save_summary("fr", "La traduction d'un billet d'été.")
    # A slug changed after publication: the old address keeps working.
    translation.slug = "summer-of-the-work"
    translation.save()
    # A draft and a scheduled post, which readers must not see.
    Post.objects.create(author=claire, language="fr", title="Brouillon : l'idée", body="Pas encore.")
    Post.objects.create(
        author=claire,
        language="en",
        title="Scheduled",
        slug="scheduled",
        body="Soon.",
        status=PostStatus.PUBLISHED,
        published_at=now + datetime.timedelta(days=5),
    )
    for number in range(1, 5):  # more posts than a list page holds: lists get a second page
        note = Post.objects.create(
            author=claire,
            language="fr",
            title=f"Note d'atelier n° {number}",
            body=f"Une note brève, la {number}ᵉ, écrite à l'atelier.",
            status=PostStatus.PUBLISHED,
            published_at=now - datetime.timedelta(days=70 + number),
        )
        note.tags.add("notes")
    Revision.objects.create(post=post, user=claire, data={"title": post.title, "body": post.body}, kind="saved")
    # A thread: a comment, a reply, a reply to the reply; one held, one removed.
    first = Comment.objects.create(
        post=post,
        author_name="Zoé d'Aubigné",
        author_email="zoe@example.org",
        author_url="https://zoe.example.org/",
        body="Très beau billet ! J'aime l'idée « à la française ».\n\nEt la photo <3 & le reste.",
        status=CommentStatus.APPROVED,
        language="fr",
        ip_address="192.0.2.10",
        created_at=now - datetime.timedelta(days=2, hours=5),
    )
    reply = Comment.objects.create(
        post=post,
        parent=first,
        author_name="Claire Martin",
        author_email=claire.email,
        user=claire,
        body="Merci Zoé ! C'était l'été dernier.",
        status=CommentStatus.APPROVED,
        language="fr",
        created_at=now - datetime.timedelta(days=2, hours=3),
    )
    Comment.objects.create(
        post=post,
        parent=reply,
        author_name="Zoé d'Aubigné",
        author_email="zoe@example.org",
        body="Et l'automne, alors ?",
        status=CommentStatus.APPROVED,
        language="fr",
        created_at=now - datetime.timedelta(days=1),
    )
    Comment.objects.create(
        post=post,
        author_name="Spammeur",
        author_email="spam@example.com",
        body="Achetez !",
        status=CommentStatus.SPAM,
        created_at=now - datetime.timedelta(hours=5),
    )
    Subscription.objects.create(post=post, email="zoe@example.org", language="fr", confirmed_at=now)
    Subscription.objects.create(post=post, email="zoe@example.org", scope="replies", comment=first, language="fr")
    Redirect.objects.create(old_path="/2009/05/12/vieux-billet/", post=post)
    Redirect.objects.create(old_path="/a-propos/", target="/tags/")
    # Files of the old WordPress uploads folder: a picture now in the library, a sound kept as it was.
    Upload.objects.create(path="2010/05/fete-d-ete.jpg", key="2010/05/fete-d-ete.jpg", item=picture)
    sound = default_storage.save("wordpress/2010/05/chanson.mp3", ContentFile(b"ID3\x03\x00" + bytes(200)))
    Upload.objects.create(path="2010/05/chanson.mp3", key="2010/05/chanson.mp3", file=sound)
    add_pages(now)
    return post


def add_pages(now):
    """A page with a page under it, in French with a summary for English readers, and old addresses to them."""
    from pages.models import Page

    services = Page.objects.create(
        language="fr",
        title="Services",
        slug="services",
        body="Ce que je fais : du conseil, des ateliers, de l'écriture.",
        status=PostStatus.PUBLISHED,
        published_at=now - datetime.timedelta(days=9),
        order=2,
    )
    workshop = Page.objects.create(
        language="fr",
        title="L'atelier d'été",
        slug="atelier",
        parent=services,
        body="Un atelier « à la française », l'été.",
        status=PostStatus.PUBLISHED,
        published_at=now - datetime.timedelta(days=8),
    )
    workshop.slug = "atelier-d-ete"  # /services/atelier/ now leads to the page
    workshop.save()
    workshop.save_summary("en", "A summer workshop, the French way.")
    Redirect.objects.create(old_path="/?page_id=7", page=services)


def add_more_pages():
    """Besides the site's About, Services and its workshop: an English page placed before Services,
    a second page under Services placed before the workshop, and a draft."""
    from pages.models import Page

    now = timezone.now()
    services = Page.objects.get(path="services")
    contact = Page.objects.create(
        language="en",
        title="Contact & hours",
        slug="contact",
        body="Write to *claire@example.org*; I answer within a week.\n\n- Mornings: writing\n- Afternoons: you",
        status=PostStatus.PUBLISHED,
        published_at=now - datetime.timedelta(days=4),
        order=1,
    )
    contact.save_summary("fr", "Comment m'écrire, et quand j'y réponds.")
    Page.objects.create(
        language="fr",
        title="Conférences : l'œuvre « en public »",
        slug="conferences",
        parent=services,
        body="Des conférences sur l'écriture en ligne.",
        status=PostStatus.PUBLISHED,
        published_at=now - datetime.timedelta(days=6),
        order=-1,
    )
    Page.objects.create(language="fr", title="Tarifs (brouillon)", slug="tarifs", body="À venir.")
