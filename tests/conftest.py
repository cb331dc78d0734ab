import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rolled-back tests reuse primary keys; parler's translation cache must not outlive them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _roles(request):
    """Transactional tests (browser tests, migrations) are flushed, groups included: put them back first."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from accounts.roles import MEDIA_PERMISSIONS, PAGE_PERMISSIONS, PERMISSIONS, assign

    assign(apps, PERMISSIONS)
    assign(apps, MEDIA_PERMISSIONS)
    assign(apps, PAGE_PERMISSIONS)


@pytest.fixture(autouse=True)
def _english_interface(settings):
    """Tests read the English interface unless they ask for another language."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def french_client():
    return Client(HTTP_ACCEPT_LANGUAGE="fr")
