import factory

from columns.models import Column, OriginalStatus, Publication, Republication
from tests.factories import PostFactory


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    name = "Les Quotidiennes"
    slug = factory.Sequence(lambda n: f"quotidiennes-{n}")
    url = "https://www.lesquotidiennes.example/"
    language = "fr"


class ColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Column

    publication = factory.SubFactory(PublicationFactory)
    name = "Chroniques du monde connecté"
    slug = factory.Sequence(lambda n: f"chroniques-{n}")


class RepublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Republication

    post = factory.SubFactory(PostFactory)
    column = factory.SubFactory(ColumnFactory)
    original_url = factory.Sequence(lambda n: f"https://www.lesquotidiennes.example/chronique-{n}/")
    original_title = factory.LazyAttribute(lambda r: r.post.title)
    original_status = OriginalStatus.ONLINE
