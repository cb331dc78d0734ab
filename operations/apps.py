from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Carnet for years: request hygiene, health, backups."""

    name = "operations"
    verbose_name = _("Operations")
