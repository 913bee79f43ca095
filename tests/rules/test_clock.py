"""The community's clock (juwei.rules.clock): conversions never change the instant."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from juwei.errors import ValidationError
from juwei.rules import clock

INSTANTS = st.datetimes(min_value=dt.datetime(1992, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=dt.UTC))
ZONES = st.sampled_from([None, "Asia/Shanghai", "Asia/Urumqi", "Europe/London", "America/New_York", "UTC"])


@given(INSTANTS, ZONES)
def test_local_time_is_the_same_instant(instant, zone):
    local = clock.to_local(instant, zone)
    assert local == instant and local.tzinfo is not None
    assert clock.local_today(zone, instant) == local.date()
    assert clock.stored_instant(instant.isoformat()) == instant


@given(INSTANTS)
def test_shanghai_wall_clock_round_trips(instant):
    # China has kept no daylight saving since 1991, so every wall-clock time names exactly one instant
    wall = clock.to_local(instant, None).replace(tzinfo=None)
    assert clock.from_local(wall, None) == instant
    assert wall - instant.replace(tzinfo=None) == dt.timedelta(hours=8)


@pytest.mark.parametrize("name", ["", "Mars/Olympus", "../../etc/passwd", "/etc/localtime", "Asia/../UTC"])
def test_unknown_zones_are_refused(name):
    with pytest.raises(ValidationError):
        clock.check_zone(name)
