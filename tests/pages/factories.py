import datetime

import factory
from django.utils import timezone

from blog.models import PostStatus
from pages.models import Page


class PageFactory(factory.django.DjangoModelFactory):
    """A published French page, dated yesterday unless told otherwise."""

    class Meta:
        model = Page
        skip_postgeneration_save = True

    language = "fr"
    title = factory.Sequence(lambda n: f"Page numéro {n}")
    body = "Un paragraphe de la page."
    status = PostStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def summary(self, create, extracted, **kwargs):
        for code, text in (extracted or {}).items():
            self.save_summary(code, text)
