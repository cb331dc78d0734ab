import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Parler caches translations by post id, and ids come back after each test's rollback."""
    cache.clear()
    yield
    cache.clear()
