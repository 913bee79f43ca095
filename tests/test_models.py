"""Models load per domain (``juwei.storage.models.DOMAINS``): each domain's module, loaded alone in a fresh
process as a command loads it, must bring every table its foreign keys refer to. (In-process tests cannot
see this: once any test has called ``load_all()`` every table is defined.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from juwei.storage.models import DOMAINS

PROBE = """
import sys
from sqlalchemy.orm import configure_mappers
import juwei.storage.models as models
module = models.__getattr__(sys.argv[1]).__module__
loaded = sorted(n for n in sys.modules if n.startswith("juwei.storage.models."))
for table in models.metadata.tables.values():
    for fk in table.foreign_keys:
        fk.column  # raises NoReferencedTableError when the referred table is not defined
configure_mappers()
print(module, loaded)
"""


@pytest.mark.parametrize("name", sorted(n for names in DOMAINS.values() for n in names))
def test_each_model_loads_with_what_it_refers_to(name):
    result = subprocess.run([sys.executable, "-c", PROBE, name], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    module = result.stdout.split()[0]
    assert module == f"juwei.storage.models.{next(d for d, names in DOMAINS.items() if name in names)}"


def test_a_tally_does_not_load_the_minutes_or_petition_signatures():
    code = ("import sys, juwei.services.voting; "
            "print(sorted(n for n in sys.modules if n.startswith('juwei.storage.models.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "meetings" in loaded and "minutes" not in loaded and "petitions" not in loaded
