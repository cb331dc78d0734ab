import datetime

import factory

from columns.models import Column, Publication, Republication
from tests.factories import PostFactory


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication
        django_get_or_create = ["slug"]

    name = "Les Quotidiennes"
    slug = "les-quotidiennes"
    url = "https://www.lesquotidiennes.example/"
    language = "fr"


class ColumnFactory(factory.django.DjangoModelFactory):
    """Chroniques du monde connecté, described in English and French unless told otherwise."""

    class Meta:
        model = Column
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    publication = factory.SubFactory(PublicationFactory)
    name = "Chroniques du monde connecté"
    slug = "chroniques-du-monde-connecte"

    @factory.post_generation
    def description(self, create, extracted, **kwargs):
        """`description={"en": "…"}`; by default one description per language."""
        if not create:
            return
        descriptions = (
            extracted
            if extracted is not None
            else {
                "en": "I write a weekly column for Les Quotidiennes, which I republish here for safekeeping.",
                "fr": "J'écris une chronique hebdomadaire pour Les Quotidiennes.",
            }
        )
        for code, text in descriptions.items():
            self.set_current_language(code)
            self.description = text
            self.save_translations()


class RepublicationFactory(factory.django.DjangoModelFactory):
    """A French post republished from the column, first published the day before the blog copy."""

    class Meta:
        model = Republication

    post = factory.SubFactory(PostFactory)
    column = factory.SubFactory(ColumnFactory)
    original_url = factory.Sequence(lambda n: f"https://www.lesquotidiennes.example/chroniques/{n}")
    originally_published_on = factory.LazyAttribute(lambda r: (r.post.published_at - datetime.timedelta(days=1)).date())
