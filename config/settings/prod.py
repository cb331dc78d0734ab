"""Production: refuses to start without a secret key and allowed hosts."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool

for required in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not env(required):
        raise ImproperlyConfigured(f"Set the {required} environment variable for production.")

DEBUG = False
# HTTPS=0 only to try the production settings over plain HTTP on one's own machine (make serve):
# no redirect to https, no HSTS, cookies sent without TLS.
HTTPS = env_bool("HTTPS", True)
# The proxy that terminates TLS says so in X-Forwarded-Proto; it must overwrite what the client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Set SECURE_SSL_REDIRECT=0 when the proxy already redirects http:// to https:// itself.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer's plain-HTTP probe
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(365 * 24 * 3600) if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
