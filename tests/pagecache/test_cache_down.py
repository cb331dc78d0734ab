"""A cache server that is down (Redis restarting, or not started yet) slows pages down and breaks none."""

import socket

import pytest
from django.test import override_settings

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def nothing_listening():
    """A Redis address where no server answers: a port just freed."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"redis://127.0.0.1:{sock.getsockname()[1]}/0"


def test_readers_get_pages_and_healthz_says_what_failed_while_redis_is_down(client):
    post = PostFactory(title="Sans cache")
    down = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": nothing_listening()}}
    with override_settings(CACHES=down):
        for url in ("/", post.get_absolute_url(), "/feed/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "Sans cache" in response.content.decode()
        health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["cache"] == "error"
