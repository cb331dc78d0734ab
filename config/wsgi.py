import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()

# What loading the site made (some 80,000 objects: modules, models, settings) lives as long as the worker: kept out
# of the garbage collector's full rounds, each of which walked all of it (one every few hundred requests under
# load; a tag page on the bench corpus: 0.18–0.24 → 0.11–0.12 ms of collection per request, /work/notes/gc_time.py).
gc.freeze()
