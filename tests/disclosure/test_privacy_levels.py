"""The two scrub levels (LAW.md "Privacy"): public records print what was entered, personal numbers masked;
text about a person on the board (welfare list S23, staff changes S24) also withholds health and house numbers."""

import pytest

from juwei.rules.privacy import Scrub, scrub

LEDGER = ("日期,金额,收支,类别,摘要,凭证号\n"
          "2026-07-03,20000,收入,上级拨款,三季度经费,V001\n"
          "2026-07-10,5000,支出,社区建设,3栋2单元楼道粉刷,V002\n"
          "2026-08-01,3000,支出,福利,残疾人活动室无障碍改造 联系人138.1234.5678,V003\n"
          "2026-08-02,2500,支出,其他,精神文明宣传栏 收款账户 6222 0212 3456 7890 123,V004\n")


def test_the_levels_differ_only_in_what_a_person_list_withholds():
    text = "3栋2单元楼道粉刷 残疾人活动室 13812345678"
    assert scrub(text, Scrub.NUMBERS) == "3栋2单元楼道粉刷 残疾人活动室 138****5678"
    assert scrub(text, Scrub.PERSONAL) == "***"
    assert scrub("和平里12号楼3单元402室", Scrub.PERSONAL) == "和平里*号楼*单元*室"
    assert scrub("和平里12号楼3单元402室", Scrub.NUMBERS) == "和平里12号楼3单元402室"
    assert scrub(None, Scrub.NUMBERS) == scrub("", Scrub.PERSONAL) == ""
    for name in ("阿卜杜·热合曼", "玛丽亚－李", "和平里１２号楼"):  # a name's middle dot or dash is kept
        assert scrub(name, Scrub.NUMBERS) == name
    assert scrub("阿卜杜·热合曼", Scrub.PERSONAL) == "阿卜杜·热合曼"
    assert scrub("和平里１２号楼", Scrub.PERSONAL) == "和平里*号楼"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_finance_account_shows_what_public_money_was_spent_on(community, today, ledger_file, fmt):
    community.ok("ledger", "import", ledger_file(LEDGER))
    d = community.json("disclose", "finance", "--period", "2026-Q3")["id"]
    out = community.ok("disclose", "render", str(d), "--format", fmt)
    shown = out.replace("\\", "")  # Markdown escapes the mask's stars
    for spent_on in ("3栋2单元楼道粉刷", "残疾人活动室无障碍改造", "精神文明宣传栏"):
        assert spent_on in shown, (fmt, spent_on)
    assert "| *** |" not in shown and "*栋" not in shown
    # only personal numbers are masked: the phone and the bank account
    assert "138.1234.5678" not in out and "138****5678" in shown
    assert "3456 7890" not in out and "6222 0212" not in out
    assert "5,000.00" in out and "3,000.00" in out


def test_the_welfare_list_keeps_the_stricter_level(community, today, tmp_path):
    path = tmp_path / "welfare.csv"
    path.write_text("姓名,家庭人口,救助类别,金额,身份证号,备注\n张三,3,低保,1200,,\n"
                    "李四 3栋2单元,2,残疾人补贴,800,,\n", encoding="utf-8")
    d = community.json("disclose", "welfare", "--list", str(path), "--benefit", "2026年11月低保",
                       "--starts", "2026-11-01")["id"]
    body = community.json("disclose", "show", str(d))["body"]
    assert "张三" in body and "李四 *栋*单元" in body
    assert "残疾" not in body and "| *** |" in body
