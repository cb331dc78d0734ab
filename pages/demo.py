"""The demo's About page: in French, with a few lines for English readers."""

from django.utils import timezone

from blog.models import PostStatus

from .models import Page

ABOUT = {
    "title": "À propos",
    "body": (
        "Je m'appelle Claire. J'écris ce carnet depuis 2005, en français et en anglais, "
        "sur internet, les relations et le temps qu'on y passe.\n\n"
        "Pour m'écrire : claire@example.org. Les commentaires sont ouverts sous chaque billet."
    ),
    "summary_en": "Claire has kept this notebook since 2005, in French and English: who she is and how to reach her.",
}


def seed(author):
    page, created = Page.objects.get_or_create(
        slug="a-propos",
        parent=None,
        defaults={
            "title": ABOUT["title"],
            "language": "fr",
            "body": ABOUT["body"],
            "status": PostStatus.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    if created:
        page.save_summary("en", ABOUT["summary_en"])
    return 1 if created else 0
