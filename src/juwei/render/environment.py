"""The Jinja2 environments documents are rendered in.

Templates are looked up first in the clerk's own folder (``--templates DIR``, same layout as the packaged
one: ``zh_CN/notice.html.j2``), then in the packaged ``juwei/templates`` (the repository's top-level
``templates/`` folder, force-included into the wheel). Both are rendered in Jinja's immutable sandbox:
a community's letterhead template can format what it is given but cannot reach into Python.

HTML autoescapes; Markdown has its own "autoescape" (``finalize``) that backslash-escapes every printed
value, so a topic or name holding ``<script>`` or ``**`` prints literally in both. In both, every printed
value is scrubbed of ID numbers and phones first (LAW.md "Privacy").

A third environment writes Markdown *source*: the bodies juwei stores in a disclosure
(``{lang}/bodies/*.md.j2``, :mod:`juwei.render.bodies`). It prints values as they are, because a stored body
is text, not a printout: the service has already applied the privacy rules, and both printouts escape the
body when it is shown (see :mod:`juwei.render.markdown`). It reads only the packaged templates.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from juwei.errors import JuweiError
from juwei.i18n import t
from juwei.render import filters

from juwei.render import FORMATS


@functools.cache
def packaged_templates() -> Path:
    """The packaged templates: ``juwei/templates`` in a wheel, the repository's ``templates/`` when editable."""
    from importlib.resources import files

    shipped = files("juwei").joinpath("templates")
    if shipped.is_dir():
        return Path(str(shipped))
    repository = Path(__file__).resolve().parents[3] / "templates"
    if repository.is_dir():
        return repository
    raise JuweiError(t("the document templates are missing from this installation (looked in {a} and {b}); "
                       "reinstall juwei", a=str(shipped), b=str(repository)))


def environment(fmt: str, templates_dir: str | Path | None = None) -> ImmutableSandboxedEnvironment:
    """A sandboxed environment for ``fmt`` (md|html), with the clerk's templates before the packaged ones."""
    if fmt not in FORMATS:
        raise JuweiError(t("unknown format '{fmt}'; allowed: {allowed}", fmt=fmt, allowed=", ".join(FORMATS)))
    custom = str(Path(templates_dir).resolve()) if templates_dir else None
    if custom is not None and not Path(custom).is_dir():
        raise JuweiError(t("--templates {path} is not a folder", path=str(templates_dir)))
    return _environment(fmt, custom)


@functools.cache
def _environment(fmt: str, custom: str | None) -> ImmutableSandboxedEnvironment:
    loaders = [FileSystemLoader(custom)] if custom else []
    loaders.append(FileSystemLoader(str(packaged_templates())))
    html = fmt == "html"
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=html,
        finalize=filters.html_finalize if html else filters.md_finalize,
        undefined=StrictUndefined,  # a misspelt field in a custom template is an error, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters.FILTERS)
    if html:  # a QR code is a drawing: HTML only; Markdown prints the code's text instead
        env.filters["qr_svg"] = filters.qr_svg
    if not html:
        env.filters["md"] = filters.md_escape
        env.filters["md_inline"] = filters.md_inline
    return env


@functools.cache
def source_environment() -> ImmutableSandboxedEnvironment:
    """The sandboxed environment for Markdown source (a disclosure's stored body): packaged templates only,
    values printed as given."""
    from juwei.render.bodies import SOURCE_FILTERS

    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(packaged_templates())),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters.FILTERS)
    env.filters.update(SOURCE_FILTERS)
    return env


def template_name(doc: str, lang: str, fmt: str) -> str:
    return f"{lang}/{doc}.{fmt}.j2"


def render(doc: str, lang: str, fmt: str, context: dict[str, Any],
           templates_dir: str | Path | None = None) -> str:
    """Render one document; any template problem becomes a JuweiError naming the template and line."""
    return render_template(environment(fmt, templates_dir), template_name(doc, lang, fmt), context)


def render_template(env: ImmutableSandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render template ``name`` in ``env``; any template problem becomes a JuweiError naming template and line."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise JuweiError(t("template {name} not found (wanted by {wanted})", name=exc.name or name,
                           wanted=name)) from None
    except TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise JuweiError(t("template {name}, line {line}: {reason}", name=where, line=exc.lineno,
                           reason=exc.message or "")) from None
    except (TemplateError, ArithmeticError, AttributeError, LookupError, TypeError, ValueError,
            RecursionError) as exc:  # RecursionError: a template that extends or includes itself
        where, line = _template_frame(exc)
        reason = f"{type(exc).__name__}: {exc}".strip()
        raise JuweiError(t("template {name}, line {line}: {reason}", name=where or name, line=line or "?",
                           reason=reason)) from None


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in ``exc``'s traceback (Jinja maps frames to template lines)."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2"):
            found = (frame.filename, frame.lineno)
    return found
