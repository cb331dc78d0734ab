from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def run_import():
    """Run `import_wordpress` on a file and return what it printed."""

    def run(path, *args):
        out = StringIO()
        call_command("import_wordpress", str(path), *args, stdout=out)
        return out.getvalue()

    return run
