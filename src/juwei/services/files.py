"""Files a clerk names on the command line. Every file juwei writes goes through here: notices and
minutes, disclosure printouts and boards, ledger exports, seals, backups, the demo's folder.

One place decides what a clerk may name with ``--out``/``--out-dir`` and how the file comes into being:
- a file name, not a folder; never a device, pipe or socket; never inside a system folder;
- an existing file is replaced only with ``--force``;
- the file appears whole or not at all (written beside it, then renamed), owner-only (0600), since
  most of what juwei writes names residents;
- anything wrong is one line naming the path, before any work is done, and nothing is left behind.
A text file juwei reads whole (``--body-file``) must be an ordinary file of a bounded size.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator

from juwei.errors import JuweiError
from juwei.i18n import t

# Folders that hold the system, never a clerk's papers: nothing is written inside these trees …
SYSTEM_TREES = ("/proc", "/sys", "/dev", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/usr",
                "/boot", "/run")
# … and these folders themselves are not a place for printouts (their subfolders are).
SYSTEM_FOLDERS = ("/", "/var", "/home", "/opt", "/root", "/srv", "/mnt", "/media")


def is_system_folder(path: Path) -> bool:
    text = str(path)
    return text in SYSTEM_FOLDERS or any(text == tree or text.startswith(tree + "/") for tree in SYSTEM_TREES)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def out_file(path: str | Path, *, force: bool = False, option: str = "--out", make_folder: bool = False) -> Path:
    """Check a file about to be written; returns it as a Path. Refuses (one line, naming ``option`` and
    the path) a folder, a special file, a file in a system folder, an existing file without ``force``, or
    a file in a missing folder (with ``make_folder``, the folder is created instead)."""
    if str(path).strip() == "":
        raise JuweiError(t("{option}: give a file name", option=option))
    target = Path(path).expanduser()
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise JuweiError(t("{option}: cannot use {path}: {reason}", option=option, path=path,
                           reason=_reason(exc))) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise JuweiError(t("{option}: {path} is a folder; give a file name (for example {example})",
                               option=option, path=path, example=str(target / "out.html")))
        if not stat.S_ISREG(info.st_mode):
            raise JuweiError(t("{option}: {path} is not a regular file (a device, pipe or socket); juwei "
                               "writes only ordinary files", option=option, path=path))
        if not force:
            raise JuweiError(t("{option}: {path} already exists; add --force to replace it, or choose another "
                               "name", option=option, path=path))
    folder = target.parent.resolve()
    if is_system_folder(folder) or is_system_folder(target.resolve()):
        raise JuweiError(t("{option}: {path} is in a system folder ({folder}); write into a folder of your own",
                           option=option, path=path, folder=folder))
    if not folder.is_dir() and make_folder and not folder.exists():
        make_dir(target.parent)
    if not folder.is_dir():
        raise JuweiError(t("{option}: the folder {folder} does not exist", option=option, folder=target.parent))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise JuweiError(t("{option}: cannot write into {folder}: permission denied", option=option,
                           folder=target.parent))
    return target


def out_dir(path: str | Path, *, option: str = "--out-dir") -> Path:
    """Check a folder about to be written into (created if missing); refuses ``/``, a system folder or a
    path that is not a folder."""
    if str(path).strip() == "":
        raise JuweiError(t("{option}: give a folder name", option=option))
    folder = Path(path).expanduser()
    if is_system_folder(folder.resolve()):
        raise JuweiError(t("{option}: {path} is a system folder; choose a folder of your own", option=option,
                           path=path))
    if folder.exists() and not folder.is_dir():
        raise JuweiError(t("{option}: {path} exists and is not a folder", option=option, path=path))
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise JuweiError(t("{option}: cannot write into {folder}: permission denied", option=option,
                           folder=path))
    return folder


def make_dir(folder: Path) -> None:
    """Create a checked ``--out-dir`` (and its parents)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JuweiError(t("cannot create {path}: {reason}", path=str(folder), reason=_reason(exc))) from None


@contextlib.contextmanager
def private_file(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a private (0600) scratch file beside ``path``; when the block ends without error it becomes
    ``path`` (without ``force``, only if ``path`` still does not exist); on any error it is removed."""
    try:
        fd, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent or ".")
    except OSError as exc:
        raise JuweiError(t("cannot write {path}: {reason}", path=str(path), reason=_reason(exc))) from None
    os.close(fd)
    scratch_path = Path(scratch)
    try:
        yield scratch_path
        os.chmod(scratch_path, 0o600)  # whatever the writer did to it
        _fsync(scratch_path)
        if force:
            os.replace(scratch_path, path)
        else:
            try:
                os.link(scratch_path, path)  # fails if someone created the file meanwhile: never overwrite
            except FileExistsError:
                raise JuweiError(t("{path} already exists; add --force to replace it, or choose another name",
                                   path=str(path))) from None
            except OSError:  # a file system without hard links
                if path.exists():
                    raise JuweiError(t("{path} already exists; add --force to replace it, or choose another "
                                       "name", path=str(path))) from None
                os.replace(scratch_path, path)
    except OSError as exc:
        raise JuweiError(t("cannot write {path}: {reason}", path=str(path), reason=_reason(exc))) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            scratch_path.unlink()


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all, owner-only."""
    with private_file(path, force=force) as scratch:
        with open(scratch, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TEXT_FILE_LIMIT = 10 * 1024 * 1024  # a disclosure's body, a note: text a clerk wrote, not a data dump


def read_text(path: str | Path, *, option: str, limit: int = TEXT_FILE_LIMIT) -> str:
    """Read a UTF-8 text file a clerk named (a BOM is dropped); refuses a folder, a device or pipe
    (``/dev/zero`` would never end) and anything larger than ``limit`` bytes."""
    target = Path(path).expanduser()
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a pipe must not block the open
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise JuweiError(t("{option}: {path} is a folder; give a file", option=option, path=path))
            if not stat.S_ISREG(info.st_mode):
                raise JuweiError(t("{option}: {path} is not an ordinary file", option=option, path=path))
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise JuweiError(t("{option}: no file {path}", option=option, path=path)) from None
    except OSError as exc:
        raise JuweiError(t("{option}: cannot read {path}: {reason}", option=option, path=path,
                           reason=_reason(exc))) from None
    if len(data) > limit:
        raise JuweiError(t("{option}: {path} is larger than {mb} MB; this is for text, not data",
                           option=option, path=path, mb=limit // (1024 * 1024)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JuweiError(t("{option}: {path} is not UTF-8 text", option=option, path=path)) from None
