"""The registries a new domain adds a line to agree with each other and with the files that exist: the
command table, the model domains, the migrations, what is due, the documents and the translations of codes
(docs/architecture.md, "Adding a domain")."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "juwei"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def test_every_command_module_is_in_the_command_table_and_every_entry_loads():
    from juwei.cli import COMMANDS, _load

    modules = {p.stem for p in (SRC / "cli").glob("*.py") if not p.stem.startswith("_")}
    listed = {module for module, _, _ in COMMANDS.values()}
    assert modules == listed, f"not in COMMANDS: {modules - listed}; no module: {listed - modules}"
    for name in COMMANDS:
        assert _load(name).name == name


def test_every_model_module_is_a_domain_and_defines_what_the_domain_lists():
    import importlib

    from sqlmodel import SQLModel

    from juwei.storage.models import DOMAINS

    modules = {p.stem for p in (SRC / "storage" / "models").glob("*.py")} - {"__init__", "base"}
    assert modules == set(DOMAINS)
    for module, names in DOMAINS.items():
        loaded = importlib.import_module(f"juwei.storage.models.{module}")
        defined = {name for name, obj in vars(loaded).items() if inspect.isclass(obj)
                   and issubclass(obj, SQLModel) and getattr(obj, "__table__", None) is not None
                   and obj.__module__ == loaded.__name__}
        assert defined == set(names), module


def test_the_migrations_are_the_schema_revisions_in_order():
    from juwei.storage import migrate
    from juwei.storage.engine import SCHEMA_HEAD, SCHEMA_REVISIONS

    assert tuple(migrate.script_revisions()) == SCHEMA_REVISIONS and SCHEMA_HEAD == SCHEMA_REVISIONS[-1]
    files = sorted(p.name.split("_", 1)[0] for p in (SRC / "storage" / "migrations" / "versions").glob("0*.py"))
    assert tuple(files) == SCHEMA_REVISIONS


@pytest.mark.parametrize("registry", ["SOURCES", "BOARD"])
def test_every_due_entry_names_a_function_of_scope_and_day(registry):
    from juwei.services import due

    for name, entry in getattr(due, registry).items():
        function = due.resolve(entry)
        assert callable(function), (registry, name)
        assert len(inspect.signature(function).parameters) >= 2, (registry, name, entry)


def test_every_document_has_a_template_in_every_language_and_format():
    from juwei.render import (DOCUMENTS, ELECTION_DOCUMENTS, EVALUATION_TEMPLATES, LANGUAGES, SENTIMENT_DOCUMENTS,
                              SHEETS, election_template)

    elections = {election_template(doc) for doc in ELECTION_DOCUMENTS}
    for doc in (*DOCUMENTS, *SENTIMENT_DOCUMENTS, *SHEETS, *sorted(elections), *EVALUATION_TEMPLATES.values()):
        for lang in LANGUAGES:
            for fmt in ("md", "html"):
                assert (TEMPLATES / lang / f"{doc}.{fmt}.j2").is_file(), (doc, lang, fmt)
    # and no template that no document, board or body uses
    used = (set(DOCUMENTS) | set(SENTIMENT_DOCUMENTS) | set(SHEETS) | elections | set(EVALUATION_TEMPLATES.values())
            | {"disclosure", "board_index", "base"})
    for lang in LANGUAGES:
        for path in (TEMPLATES / lang).glob("*.j2"):
            stem = path.name.split(".", 1)[0]
            assert stem.startswith("_") or stem in used, path


def test_every_code_table_is_used():
    """label(kind, code): the kinds the CLI shows are checked code by code in tests/test_code_labels.py; here,
    that the list of codes holds no kind that nothing shows or reads (a label() call, a code typed through
    code_option/CodeChoice/find_code/read_code, or a kind held in a table such as _FIELD_CODES)."""
    import ast

    from juwei.locales.codes import CODES

    used = set()
    for path in SRC.rglob("*.py"):
        if "locales" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                used.add(node.value)
    assert set(CODES) <= used, set(CODES) - used
