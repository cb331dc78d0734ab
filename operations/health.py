"""`/healthz`: whether this app server can serve, for a load balancer or an uptime monitor."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """JSON: database, cache, age of the oldest task waiting for a worker. Writes nothing to the database.

    503 when the database or the cache cannot be used (take this server out); a queue
    older than HEALTHZ_MAX_QUEUE_AGE leaves it 200 but "degraded": the web server is fine,
    the worker needs a look.
    """
    report = {"database": check(database_ok), "cache": check(cache_ok), "oldest_queued_task_seconds": None}
    if report["database"] == "ok":
        report["oldest_queued_task_seconds"] = oldest_queued_task_age()
    if "error" in (report["database"], report["cache"]):
        report["status"] = "error"
    elif (report["oldest_queued_task_seconds"] or 0) > settings.HEALTHZ_MAX_QUEUE_AGE:
        report["status"] = "degraded"
    else:
        report["status"] = "ok"
    return JsonResponse(report, status=503 if report["status"] == "error" else 200)


def check(probe):
    try:
        probe()
    except Exception:
        logger.exception("Health check %s failed", probe.__name__)
        return "error"
    return "ok"


def database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_ok():
    # A key of its own: servers sharing one cache are probed at the same moment.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 30)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def oldest_queued_task_age():
    """Seconds since the oldest task ready to run was queued; None without a database task queue."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return None
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return None if oldest is None else round((timezone.now() - oldest).total_seconds())
