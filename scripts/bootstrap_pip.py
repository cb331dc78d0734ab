"""Put pip into a virtualenv made with --without-pip.

Debian's python3 ships without ensurepip unless python3-venv is installed, so
`python3 -m venv` fails there. `make` then creates the virtualenv without pip and runs
this script with the virtualenv's python: it fetches pip's wheel from PyPI and lets that
wheel install itself. Standard library only.
"""

import json
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

INDEX = "https://pypi.org/pypi/pip/json"


def main():
    with urllib.request.urlopen(INDEX, timeout=60) as response:  # noqa: S310 - fixed https URL
        release = json.load(response)
    wheel = next(f for f in release["urls"] if f["packagetype"] == "bdist_wheel")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / wheel["filename"]
        urllib.request.urlretrieve(urljoin(INDEX, wheel["url"]), path)  # noqa: S310 - URL given by PyPI
        # A pip wheel can run itself: python pip.whl/pip install pip.whl
        subprocess.run([sys.executable, f"{path}/pip", "install", "--quiet", str(path)], check=True)  # noqa: S603


if __name__ == "__main__":
    main()
