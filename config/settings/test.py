"""Test settings: fast hashing, mail kept in memory, tasks run immediately, uploads in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = False
SITE_URL = "http://testserver"
# The suite measures what each view costs (locked query counts); tests/pagecache turns the cache on.
PAGE_CACHE_SECONDS = 0
MEDIA_ROOT = tempfile.mkdtemp(prefix="carnet-test-media-")
