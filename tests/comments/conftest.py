import time

import pytest

from comments import spam
from comments.templatetags.comment_tags import post_url
from tests.factories import PostFactory


def form_data(**overrides):
    """What a reader who took a minute to write sends from the comment form."""
    return {
        "author_name": "Alice Martin",
        "author_email": "alice@example.org",
        "author_url": "",
        "body": "Un commentaire réfléchi.",
        "timestamp": spam.sign_timestamp(time.time() - 60),
        "leave_empty": "",
        **overrides,
    }


def comment_url(post):
    return post_url(post, "comments:create")


@pytest.fixture
def post(db):
    return PostFactory(title="Humanité d'internet", author__email="author@example.org")


@pytest.fixture(autouse=True)
def _comment_settings(settings):
    settings.COMMENTS_BLOCKLIST = ["viagra"]
    settings.COMMENTS_RATE_LIMIT = 5
    settings.AKISMET_API_KEY = ""
