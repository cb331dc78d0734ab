from django.apps import AppConfig


class BenchConfig(AppConfig):
    """`make bench`: a generated corpus served by gunicorn, loaded with wrk (config.settings.bench only)."""

    name = "bench"
