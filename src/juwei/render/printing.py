"""Printing an HTML document to PDF with headless Chromium, and reading PDFs back with poppler-utils.

The HTML documents are made to be printed by a browser (A4 from ``@page``, repeated table headers, page
numbers in the page margins), so a PDF is the document printed the way a clerk's browser would print it.
``--format pdf`` on the render commands prints through :func:`print_pages`; the real-browser tests and
``scripts/document_previews.py`` use the same :class:`Browser`. Chromium is optional: without it the clerk
is told how to install it, or to print the HTML from any browser (:func:`missing_chromium`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """``JUWEI_CHROMIUM``, else the first Chromium on PATH."""
    pinned = os.environ.get("JUWEI_CHROMIUM")
    if pinned:
        return shutil.which(pinned) or (pinned if Path(pinned).is_file() else None)
    return next((found for found in map(shutil.which, CHROMIUM_NAMES) if found), None)


INSTALL_CHROMIUM = "apt-get install chromium fonts-noto-cjk"


def missing_chromium() -> str:
    """What the clerk reads when no Chromium is installed: how to install it, or how to do without."""
    from juwei.i18n import t

    return t("printing a PDF needs Chromium, which is not installed: on Debian or Ubuntu run `{install}` "
             "(or set JUWEI_CHROMIUM to a Chromium or Chrome program); or write the document with --format html "
             "and print it from any browser (Print, then Save as PDF)", install=INSTALL_CHROMIUM)


def print_pages(pages: list[tuple[str, Path]], *, chromium: str | None = None) -> None:
    """Print each ``(html text, pdf path)`` with one Chromium. The HTML is written to a private scratch
    folder first (the browser loads files, and the text may name residents)."""
    with tempfile.TemporaryDirectory(prefix="juwei-print-") as scratch, Browser(chromium) as browser:
        for number, (text, pdf) in enumerate(pages):
            html = Path(scratch) / f"page-{number}.html"
            html.write_text(text, encoding="utf-8")
            browser.print(html, pdf)


def missing_tools() -> list[str]:
    """The programs the print pipeline needs that are not installed."""
    missing = [] if find_chromium() else ["chromium"]
    return missing + [tool for tool in ("pdfinfo", "pdftotext", "pdftoppm") if not shutil.which(tool)]


class Browser:
    """One headless Chromium that prints many documents (DevTools protocol over ``--remote-debugging-pipe``).

    Starting Chromium costs seconds; printing a page, a fraction of one. ``with Browser() as b:
    b.print(html, pdf)`` prints exactly as the browser's print dialog would: the page's own ``@page`` size
    and margins, no header or footer of Chromium's own.
    """

    def __init__(self, chromium: str | None = None, *, timeout: float = 60):
        self.binary = chromium or find_chromium()
        if self.binary is None:
            raise FileNotFoundError("chromium is not installed")
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict] = []

    def __enter__(self) -> "Browser":
        self._profile = tempfile.TemporaryDirectory(prefix="juwei-chromium-")
        # --no-sandbox: Chromium's sandbox refuses to run as root and needs user namespaces that CI containers
        # often lack; it only ever loads the local files juwei just wrote. --disable-dev-shm-usage: Docker's
        # 64 MB /dev/shm is too small for a few hundred pages.
        command = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-default-browser-check", "--disable-extensions",
                   f"--user-data-dir={self._profile.name}", "--remote-debugging-pipe", "about:blank"]
        to_child, self._to_browser = os.pipe()  # Chromium reads commands on fd 3 …
        self._from_browser, from_child = os.pipe()  # … and writes replies on fd 4

        def wire_pipes() -> None:  # in the child, before exec
            high_in, high_out = os.dup(to_child), os.dup(from_child)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, preexec_fn=wire_pipes, pass_fds=(3, 4))
        os.close(to_child)
        os.close(from_child)
        try:
            target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self._call("Page.enable", session=True)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._process.poll() is None:
                self._send("Browser.close", {})
                self._process.wait(timeout=10)
        except Exception:
            self._process.kill()
            self._process.wait()
        finally:
            for fd in (self._to_browser, self._from_browser):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._profile.cleanup()

    def print(self, html: Path, pdf: Path) -> Path:
        """Load ``html`` and print it to ``pdf``."""
        import base64

        self._events.clear()
        self._call("Page.navigate", {"url": Path(html).resolve().as_uri()}, session=True)
        self._wait_event("Page.loadEventFired")
        data = self._call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                              "displayHeaderFooter": False}, session=True)["data"]
        Path(pdf).write_bytes(base64.b64decode(data))
        return Path(pdf)

    # -- the protocol: JSON messages separated by NUL bytes

    def _send(self, method: str, params: dict | None = None, session: bool = False) -> int:
        import json

        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self) -> dict:
        import json
        import select
        import time

        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError(f"chromium did not answer within {self.timeout:.0f} s")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium exited while printing")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _call(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        wanted = self._send(method, params, session)
        while True:
            message = self._receive()
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"chromium {method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self._events.append(message)

    def _wait_event(self, method: str) -> dict:
        while True:
            for event in self._events:
                if event["method"] == method:
                    self._events.remove(event)
                    return event
            message = self._receive()
            if "method" in message:
                self._events.append(message)


def print_to_pdf(html: Path, pdf: Path, *, chromium: str | None = None) -> Path:
    """Print one ``html`` file to ``pdf`` (see :class:`Browser` to print many)."""
    with Browser(chromium) as browser:
        return browser.print(html, pdf)


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    width_pt: float
    height_pt: float
    page_size: str  # poppler's own wording, e.g. "594.96 x 841.92 pts (A4)"

    @property
    def is_a4(self) -> bool:
        """A4 is 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels, so allow a point either way."""
        return abs(self.width_pt - 595.28) < 1.5 and abs(self.height_pt - 841.89) < 1.5


def pdf_info(pdf: Path) -> PdfInfo:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    size = re.search(r"^Page size:\s+(.+)$", out, re.M).group(1).strip()
    width, height = map(float, re.match(r"([\d.]+) x ([\d.]+)", size).groups())
    return PdfInfo(pages, width, height, size)


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None, *, layout: bool = False) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    return subprocess.run(command + [str(pdf), "-"], check=True, capture_output=True).stdout.decode("utf-8")


def cjk_font_families() -> list[str]:
    """Installed font families that cover Simplified Chinese (fc-list); empty means Chinese prints as boxes."""
    if not shutil.which("fc-list"):
        return []
    out = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True).stdout
    return sorted({name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()})


def first_page_png(pdf: Path, png_stem: Path, *, dpi: int = 90) -> Path:
    """The first page as ``<png_stem>.png`` (pdftoppm -singlefile)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(png_stem)], check=True)
    return png_stem.with_suffix(".png")
