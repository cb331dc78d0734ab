"""Local development: debug on, e-mail printed to the console, tasks run immediately."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
