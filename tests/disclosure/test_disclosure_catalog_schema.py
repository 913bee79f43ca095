"""Chinese for the disclosure board. (Every literal message and the migrations are checked for all domains
in tests/test_i18n.py and tests/test_migrations.py; this covers the words looked up at run time.)"""


def test_status_words_are_translated():
    from juwei.i18n import catalog, context_key

    messages = catalog("zh_CN")
    for status in ("open", "overdue", "done", "late"):
        assert context_key("obligation status", status) in messages


def test_chinese_errors(community, today, monkeypatch):
    monkeypatch.setenv("JUWEI_LANG", "zh_CN")
    err = community.fails("--lang", "zh_CN", "disclose", "show", "5")
    assert "没有公开事项 5" in err
