from django.core.management.base import BaseCommand

from comments import outbox


class Command(BaseCommand):
    help = (
        "Put back what a crash left behind: tasks a killed worker left running, and queued e-mails "
        "without a task. Run it from cron every five minutes."
    )

    def handle(self, **options):
        reclaimed, requeued = outbox.sweep()
        self.stdout.write(f"{reclaimed} task(s) of dead workers reclaimed, {requeued} e-mail(s) queued again.")
