"""Words Carnet translates that its own code never writes: listed here, or `make messages` drops their French.

Django's admin log keeps the names of the fields changed in English (« Title », « Body »…), and the admin's own
titles and separators are translated here the French way (« Modification : article »); django-tasks and taggit
name their models and fields in English only. Never imported: makemessages reads it.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

ADMIN_AND_LOG = [
    gettext_noop(":"),
    gettext_noop("Account"),
    gettext_noop("Add %s"),
    gettext_noop("Allow comments"),
    gettext_noop("Alt text"),
    gettext_noop("Archived copy"),
    gettext_noop("Blog post"),
    gettext_noop("Body"),
    gettext_noop("Change %s"),
    gettext_noop("Column"),
    gettext_noop("Failed checks in a row"),
    gettext_noop("First published on"),
    gettext_noop("Held because"),
    gettext_noop("In reply to"),
    gettext_noop("In the navigation"),
    gettext_noop("Kind"),
    gettext_noop("Last check error"),
    gettext_noop("Last checked"),
    gettext_noop("Markup"),
    gettext_noop("New address of the original"),
    gettext_noop("Original URL"),
    gettext_noop("Original title"),
    gettext_noop("Parent page"),
    gettext_noop("Publication date"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Status of the original"),
    gettext_noop("Status"),
    gettext_noop("Taggit"),
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("Title"),
    gettext_noop("Translation of"),
    gettext_noop("Used in"),
    gettext_noop("User agent"),
    gettext_noop("View %s"),
    gettext_noop("args kwargs"),
    gettext_noop("backend name"),
    gettext_noop("enqueued at"),
    gettext_noop("exception class path"),
    gettext_noop("finished at"),
    gettext_noop("priority"),
    gettext_noop("queue name"),
    gettext_noop("return value"),
    gettext_noop("run after"),
    gettext_noop("started at"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
]

TASK_STATUSES = [
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Successful"),
]
