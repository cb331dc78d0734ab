"""Addresses of posts and tags, each reversed once per process.

A list page asked reverse() for some 80 of them (a post's card: its own, its tags', its comments'),
at 40 µs each. An address depends only on the URL configuration, the script prefix, the language and
the values in it, which make the key; a changed URL setting (tests) empties the store.
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def address(name, *args, **kwargs):
    """reverse(name, args, kwargs), kept: the arguments must be hashable (numbers, strings)."""
    return _reversed(*_here(), name, args, tuple(kwargs.items()))


def addresser():
    """address(), for many addresses in a row (a list's tags): reading the URL configuration, the script prefix
    and the language took nearly all of each call's time (5 µs), so they are read once here."""
    here = _here()

    def address_here(name, *args, **kwargs):
        return _reversed(*here, name, args, tuple(kwargs.items()))

    return address_here


def _here():
    """What an address depends on besides its name and values: the URL configuration, script prefix, language."""
    return (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())


@lru_cache(maxsize=50_000)
def _reversed(urlconf, prefix, language, name, args, kwargs):
    return reverse(name, args=args, kwargs=dict(kwargs))


@receiver(setting_changed)
def forget_addresses(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME", "LANGUAGE_CODE", "LANGUAGES", "USE_I18N"}:
        _reversed.cache_clear()
