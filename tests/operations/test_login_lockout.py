import pytest

from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture(autouse=True)
def _axes(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def log_in(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def lock_out(client, username, **headers):
    """Three wrong passwords: the form comes back twice, then the lockout."""
    statuses = [log_in(client, username, "wrong", **headers).status_code for _attempt in range(3)]
    assert statuses == [200, 200, 429]


def test_locked_out_author_reads_when_to_try_again_in_her_language(french_client):
    """After three wrong passwords, even the right one gets a French page saying when to try again."""
    AuthorFactory(username="claire")
    lock_out(french_client, "claire", REMOTE_ADDR="203.0.113.7")
    response = log_in(french_client, "claire", "secret-password", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de tentatives" in html
    assert "Vous pourrez réessayer après" in html


def test_lockout_holds_one_account_from_one_address_only(client):
    """The locked account still logs in from another address; another account from the same address too."""
    AuthorFactory(username="claire")
    AuthorFactory(username="marc")
    lock_out(client, "claire", REMOTE_ADDR="203.0.113.7")
    assert log_in(client, "claire", "secret-password", REMOTE_ADDR="198.51.100.2").status_code == 302
    client.logout()
    assert log_in(client, "marc", "secret-password", REMOTE_ADDR="203.0.113.7").status_code == 302


def test_behind_a_proxy_the_lockout_uses_the_readers_address(client, settings):
    """With CLIENT_IP_HEADER set, every request comes from the proxy, yet only the attacker's address is locked."""
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    AuthorFactory(username="claire")
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    lock_out(client, "claire", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert log_in(client, "claire", "secret-password", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 429
    response = log_in(client, "claire", "secret-password", HTTP_X_FORWARDED_FOR="10.1.1.1, 198.51.100.2", **proxy)
    assert response.status_code == 302
