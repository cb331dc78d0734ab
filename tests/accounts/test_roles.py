import pytest
from django.contrib.auth.models import Group

from accounts.roles import AUTHORS, EDITORS
from tests.factories import AuthorFactory, EditorFactory

pytestmark = pytest.mark.django_db


def test_groups_exist_after_migrate_with_their_permissions():
    """Migrations create the Authors and Editors groups; only editors may edit everyone's posts."""
    authors = Group.objects.get(name=AUTHORS)
    editors = Group.objects.get(name=EDITORS)
    assert authors.permissions.filter(codename="change_post").exists()
    assert not authors.permissions.filter(codename="edit_all_posts").exists()
    assert editors.permissions.filter(codename="edit_all_posts").exists()
    assert editors.permissions.filter(codename="change_comment").exists()


def test_members_get_their_groups_rights():
    """A user in a group holds that group's permissions."""
    assert AuthorFactory().has_perm("blog.add_post")
    assert not AuthorFactory().has_perm("blog.edit_all_posts")
    assert EditorFactory().has_perm("blog.edit_all_posts")


def test_custom_user_model_carries_a_public_profile():
    """accounts.User is the user model, with a display name used publicly."""
    user = AuthorFactory(username="claire", display_name="Claire Martin")
    assert user._meta.label == "accounts.User"
    assert str(user) == "Claire Martin"
