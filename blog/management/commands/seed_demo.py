from django.core.management.base import BaseCommand
from django.urls import reverse

from blog import demo, extensions


class Command(BaseCommand):
    help = "Load demo content that shows every feature (safe to run again)."

    def handle(self, *args, **options):
        admin, author = demo.ensure_users()
        created = demo.seed_posts(author)
        for seed in extensions.demo_seeders:
            seed(author)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new posts)."))
        self.stdout.write(
            f"Log in at http://127.0.0.1:8000{reverse('admin:index')} as '{admin.username}' (all rights) "
            f"or '{author.username}' (an author), password '{demo.DEMO_PASSWORD}' "
            "unless you changed it."
        )
