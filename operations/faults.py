"""Fault points for the crash tests: CARNET_FAULT=<name> kills the process (SIGKILL) when it reaches `name`.

CARNET_FAULT_ONCE=<file> makes it fire once: the file is created just before, and its
presence disarms the point (a restarted process carries the same environment).
Without CARNET_FAULT, a fault point is one dictionary lookup.
"""

import os
import signal
from pathlib import Path


def point(name):
    if os.environ.get("CARNET_FAULT") != name:
        return
    once = os.environ.get("CARNET_FAULT_ONCE")
    if once:
        if Path(once).exists():
            return
        Path(once).write_text(f"{name} {os.getpid()}\n")
    os.kill(os.getpid(), signal.SIGKILL)
