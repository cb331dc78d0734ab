"""The page cache on Redis, as several app servers share it: a real redis-server on 127.0.0.1."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import cache

from tests.factories import PostFactory

from .conftest import cached_html

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_location(tmp_path_factory):
    """A throwaway redis-server; skipped where none is installed, never in CI (CARNET_REQUIRE_REDIS)."""
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CARNET_REQUIRE_REDIS"):
            pytest.fail("redis-server is required for the page cache tests (apt-get install redis-server).")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    command = [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", folder]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - fixed command
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(autouse=True)
def _redis_cache(settings, redis_location):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_location}
    }
    cache.clear()
    yield
    cache.clear()


def test_pages_are_kept_in_redis_and_follow_changes(client):
    """A page is served from Redis, and a new post shows at once."""
    PostFactory(title="Sur Redis")
    assert "Sur Redis" in cached_html(client, "/")
    assert any(key.startswith(b":1:pagecache:") for key in cache._cache.get_client().keys("*"))
    PostFactory(title="Encore un")
    assert "Encore un" in cached_html(client, "/")


def test_an_edit_retires_the_post_page_kept_in_redis(client):
    """A post page served from Redis shows the new title as soon as the post is saved."""
    post = PostFactory(title="Partagé")
    assert "Partagé" in cached_html(client, post.get_absolute_url())
    post.title = "Modifié"
    post.save()
    assert "Modifié" in client.get(post.get_absolute_url()).content.decode()
