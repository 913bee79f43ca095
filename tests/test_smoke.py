def test_init_and_roster(community):
    gid = community.json("group", "add", "第一居民小组")["id"]
    assert isinstance(gid, int)
    community.ok("household", "add", "01001", "--group", "第一居民小组", "--address", "和平里1号")
    mid = community.json("member", "add", "--name", "张三", "--id-number", "11010519491231002X",
                         "--household", "01001")["id"]
    rows = community.json("member", "list")
    assert rows[0]["id"] == mid and rows[0]["id_number"] == "110105********002X"
