import factory
from django.utils import timezone

from comments.models import Comment, CommentStatus, Subscription, SubscriptionScope
from tests.factories import PostFactory


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved comment on a published post."""

    class Meta:
        model = Comment

    post = factory.SubFactory(PostFactory)
    author_name = factory.Sequence(lambda n: f"Lectrice {n}")
    author_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    body = "Merci pour ce billet."
    status = CommentStatus.APPROVED
    language = "fr"
    ip_address = "192.0.2.1"


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription to every new comment on a post."""

    class Meta:
        model = Subscription

    post = factory.SubFactory(PostFactory)
    email = factory.Sequence(lambda n: f"follower{n}@example.org")
    scope = SubscriptionScope.ALL
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)
