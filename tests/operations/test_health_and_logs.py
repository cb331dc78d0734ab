import logging

import pytest
from django.db import connection
from django.templatetags.static import static
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from operations.request_log import RequestContextFilter

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_queue_without_writing(client):
    """/healthz answers JSON a monitor can read, never cached, and runs no write on the database."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "oldest_queued_task_seconds": None}
    assert "no-cache" in response["Cache-Control"]
    assert all(query["sql"].lstrip().upper().startswith("SELECT") for query in queries.captured_queries)


def test_healthz_reports_the_oldest_task_waiting_for_a_worker(client, settings):
    """With the database task queue, a task waiting for twenty minutes makes the server "degraded", not down."""
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTHZ_MAX_QUEUE_AGE = 900
    waiting = DBTaskResult.objects.create(
        task_path="operations.tests.nothing",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=20))
    report = client.get("/healthz").json()
    assert report["status"] == "degraded"
    assert 1195 <= report["oldest_queued_task_seconds"] <= 1260


def test_healthz_answers_503_when_the_cache_fails(client, tmp_path):
    """A cache that cannot store anything takes the server out of the load balancer."""
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": not_a_directory}
    }
    with override_settings(CACHES=broken):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.addFilter(RequestContextFilter())
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_log_lines_of_a_request_carry_its_id_and_the_readers_address(client, settings):
    """The X-Request-ID a response carries is on the log line of that request, with the reader's address."""
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    handler = Records()
    logging.getLogger("django.request").addHandler(handler)
    try:
        response = client.get("/no-such-page/", HTTP_X_REAL_IP="198.51.100.9")
    finally:
        logging.getLogger("django.request").removeHandler(handler)
    assert response.status_code == 404
    assert len(response["X-Request-ID"]) == 32
    [record] = handler.records
    assert (record.request_id, record.client_ip) == (response["X-Request-ID"], "198.51.100.9")


def test_request_id_from_the_proxy_is_kept(client):
    """nginx's $request_id passed as X-Request-ID is the id of the request in Carnet's logs too."""
    response = client.get("/healthz", HTTP_X_REQUEST_ID="4f6c1d0e9a8b7c6d5e4f3a2b1c0d9e8f")
    assert response["X-Request-ID"] == "4f6c1d0e9a8b7c6d5e4f3a2b1c0d9e8f"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def test_health_checks_of_servers_sharing_one_cache_do_not_fail_each_other():
    """With several app servers on one Redis, the load balancer probes them all at once: a probe
    must not read the value another server's probe just stored, or healthy servers get taken out."""
    import sys
    import threading

    from operations import health

    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # let the probes interleave as two processes would
    failures = []

    def probe_many():
        for _ in range(300):
            try:
                health.cache_ok()
            except RuntimeError as error:
                failures.append(error)

    probes = [threading.Thread(target=probe_many) for _ in range(4)]
    try:
        for probe in probes:
            probe.start()
        for probe in probes:
            probe.join()
    finally:
        sys.setswitchinterval(switch_interval)
    assert failures == []


def test_favicon_ico_leads_to_the_site_icon(client):
    """Browsers and feed readers ask /favicon.ico: it is not a 404 (nor a redirect to /favicon.ico/)."""
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.svg")
