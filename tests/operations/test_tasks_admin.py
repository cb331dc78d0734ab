"""The background tasks' admin in the admin's language: django-tasks-db names itself and its states in English."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_french_administrator_reads_the_background_tasks_in_french(french_client):
    french_client.force_login(UserFactory(is_staff=True, is_superuser=True))
    home = french_client.get("/admin/").content.decode()
    assert "Tâches en arrière-plan" in home and "Tasks Database Backend" not in home
    tasks = french_client.get("/admin/django_tasks_database/dbtaskresult/").content.decode()
    for words in ("Prête", "En cours", "Échouée", "Réussie", "Par priorité", "Par file"):
        assert words in tasks, words
    assert "Ready" not in tasks and "Par priority" not in tasks
