from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Public profile"), {"fields": ["display_name", "bio", "website", "preferred_language"]}),
    ]
    list_display = ["username", "display_name", "email", "preferred_language", "is_staff"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
