import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import AUTHORS, EDITORS
from blog.models import Post, PostStatus


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password("secret-password")


class AuthorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=AUTHORS))


class EditorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=EDITORS))


class PostFactory(factory.django.DjangoModelFactory):
    """A published post, dated yesterday unless told otherwise."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    author = factory.SubFactory(AuthorFactory)
    language = "fr"
    title = factory.Sequence(lambda n: f"Billet numéro {n}")
    slug = factory.Sequence(lambda n: f"billet-{n}")
    body = "Un paragraphe.\n\nUn autre paragraphe."
    status = PostStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def summary(self, create, extracted, **kwargs):
        """`summary={"en": "…"}` writes summaries in those languages."""
        if create and extracted:
            for code, text in extracted.items():
                self.set_current_language(code)
                self.summary = text
                self.save_translations()
