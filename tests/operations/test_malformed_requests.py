import logging

import pytest
from django.test import Client

from tests.columns.factories import RepublicationFactory
from tests.factories import PostFactory

from .malformed import catalogue, public_addresses, url_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def addresses():
    post = PostFactory(tags=["internet"])
    column = RepublicationFactory(post=PostFactory(tags=["chronique"])).column
    return public_addresses(post, "internet", post.author.username, column.slug)


def test_catalogue_covers_every_public_url(addresses):
    """Each public URL pattern has its place in the catalogue of malformed requests."""
    assert url_names() - addresses.keys() == set()


def test_no_malformed_request_gets_a_server_error(addresses, capsys, caplog):
    """NUL and broken UTF-8 in paths and parameters, Unicode digits, huge queries, odd charsets,
    bad hosts and cookies: each gets an answer below 500."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="fr")
    requests = catalogue(addresses)
    server_errors = []
    caplog.set_level(logging.ERROR, logger="django.request")  # 4xx are expected: no warning for each
    caplog.set_level(logging.ERROR, logger="django.security")
    for method, path, arguments in requests:
        client.cookies.clear()
        client.cookies["csrftoken"] = "a" * 32  # so that a POST's form is read for the token
        for name, value in arguments.get("cookies", {}).items():
            client.cookies[name] = value
        options = {key: value for key, value in arguments.items() if key != "cookies"}
        response = client.generic(method, path, **options)
        if response.status_code >= 500:
            server_errors.append((response.status_code, method, path[:120], str(options)[:120]))
    with capsys.disabled():
        print(f"\n{len(requests)} malformed requests, {len(server_errors)} answered 5xx")
    assert server_errors == []


@pytest.mark.parametrize("path", ["/?p=%C2%B2", "/?cat=%C2%B2", "/?author=%C2%B2", "/?paged=%C2%B2", "/?m=%C2%B2" * 4])
def test_superscript_digits_in_wordpress_parameters_are_not_a_number(client, path):
    """ "²" is not a WordPress id: the home page answers, with no redirect."""
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/tag/a%00b/", "/authors/%00/", "/comments/confirm/%00/", "/nowhere%00/"])
def test_nul_in_an_address_is_refused_in_the_readers_language(french_client, path):
    """A NUL character gets a 400 page saying, in French, that the address was not understood."""
    response = french_client.get(path)
    assert response.status_code == 400
    assert "Adresse incomprise" in response.content.decode()


def test_form_in_utf16_gets_a_400_not_a_500():
    """A POST declaring charset=utf-16 fails the CSRF check with a 4xx, not a server error."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    data = "name=a".encode("utf-16")
    response = client.generic("POST", "/i18n/setlang/", data, "application/x-www-form-urlencoded; charset=utf-16")
    assert response.status_code == 400
