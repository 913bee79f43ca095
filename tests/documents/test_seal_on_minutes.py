"""Closing a meeting seals its tallies; the printed minutes carry that seal, and it verifies."""

from __future__ import annotations

import re

from documents_sample import close_sample, vote_sample


def test_minutes_print_the_seal_recorded_at_close(convened, tmp_path):
    clerk, meeting = convened
    vote_sample(clerk, meeting)
    close_sample(clerk, meeting)
    events = clerk.json("audit", "log", "--entity", f"meeting:{meeting}")
    seal = next(e for e in events if e["action"] == "meeting.seal")["after"]
    for lang in ("zh_CN", "en"):
        for fmt in ("md", "html"):
            text = clerk.ok("notice", "render", str(meeting), "--doc", "minutes", "--format", fmt, "--lang", lang)
            hashes = re.findall(r"\b[0-9a-f]{64}\b", text)
            assert hashes[:1] == [seal["head_hash"]], (lang, fmt)
            assert seal["entities_digest"] in hashes
            minutes = tmp_path / f"minutes.{lang}.{fmt}"
            minutes.write_text(text, encoding="utf-8")
            assert "intact" in clerk.ok("audit", "verify", "--seal", str(minutes))
