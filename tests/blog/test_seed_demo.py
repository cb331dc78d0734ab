import pytest
from django.core.management import call_command

from blog.models import Post
from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_seed_demo_shows_every_feature_and_can_run_twice(client, capsys):
    """Demo content: both languages, summaries, shared tags, scheduled, draft, comments; no duplicates on rerun."""
    call_command("seed_demo")
    first = Post.objects.count()
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert Post.objects.count() == first
    assert "admin" in out and "password" in out
    assert Post.objects.published().filter(language="fr").exists()
    assert Post.objects.published().filter(language="en").exists()
    assert Post.objects.filter(status="draft").exists()
    assert Post.objects.filter(status="published").exclude(pk__in=Post.objects.published()).exists()
    shared = Post.objects.published().tag_counts().filter(num_posts__gt=1)
    assert shared.exists()
    assert Comment.objects.filter(status="approved", parent__isnull=False).exists()
    assert Comment.objects.filter(status="pending").exists()
    assert client.login(username="admin", password="carnet-demo")
    home = client.get("/").content.decode()
    assert 'class="summary" lang="en"' in home and 'class="summary" lang="fr"' in home
