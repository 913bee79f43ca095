"""Shared helpers for the disclosure tests: a pinned 'today' and ledger files."""

import pytest


@pytest.fixture
def today(monkeypatch):
    """``today("2026-10-20")`` pins JUWEI_TODAY for the commands that follow."""

    def pin(day: str) -> None:
        monkeypatch.setenv("JUWEI_TODAY", day)

    pin("2026-10-20")
    return pin


LEDGER_ZH = ("日期,金额,收支,类别,摘要,凭证号\n"
             "2026-07-03,\"¥10,000.00\",收入,上级拨款,三季度经费,V001\n"
             "2026-07-10,1500,支出,活动,中秋活动,V002\n"
             "2026-08-01,200.50,支出,办公,文具,V003\n"
             "2026-10-02,300,支出,工资,十月补贴,V004\n")


@pytest.fixture
def ledger_file(tmp_path):
    def write(text: str = LEDGER_ZH, name: str = "ledger.csv", encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write
