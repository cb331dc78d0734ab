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

# Django's own French typed with a straight apostrophe (« L'objet article … a été ajouté avec succès »), in the admin
# the author writes in, its log, and the e-mail of a forgotten password: written the French way in Carnet's catalogue
# (’, a narrow no-break space before « : » and inside « »), and the log's « Modification de Étiquettes. » as « Champs
# modifiés : Étiquettes. ». The admin's JavaScript strings (« Aujourd’hui ») are in djangojs.po, which `make messages`
# leaves alone.
DJANGO_IN_FRENCH_TYPOGRAPHY = [
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("%(name)s object with primary key %(key)r does not exist."),
    gettext_noop("Add link"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("Designates whether the user can log into this admin site."),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. Note that both fields "
        "may be case-sensitive."
    ),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    gettext_noop("View selected %(model)s"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may "
        "still be able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
]

TASK_STATUSES = [
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Successful"),
]
