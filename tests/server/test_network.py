"""The storage's network emulation: a per-connection bandwidth cap and a latency."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from luml_facade import CollectionType, LumlClient
from luml_facade.testing import LocalLuml, NetworkProfile, Tenant
from luml_facade.testing._network import PACE_CHUNK, PacedInput, Pacer, paced_chunks


class FakeTime:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_pacer_spreads_bytes_at_the_rate() -> None:
    fake = FakeTime()
    pacer = Pacer(1000.0, fake.clock, fake.sleep)
    pacer.spent(500)
    pacer.spent(1500)
    assert fake.now == pytest.approx(102.0)  # 2000 bytes at 1000 B/s


def test_pacer_does_not_sleep_for_time_already_spent() -> None:
    fake = FakeTime()
    pacer = Pacer(1000.0, fake.clock, fake.sleep)
    fake.now += 5.0  # the sender was slower than the cap
    pacer.spent(1000)
    assert fake.slept == []


def test_a_paced_body_is_cut_small_and_takes_size_over_rate() -> None:
    fake = FakeTime()
    body = [b"x" * (3 * PACE_CHUNK + 5)]
    pieces = list(paced_chunks(body, Pacer(PACE_CHUNK, fake.clock, fake.sleep)))
    assert b"".join(pieces) == body[0]
    assert max(len(piece) for piece in pieces) == PACE_CHUNK
    assert fake.now - 100.0 == pytest.approx(3 + 5 / PACE_CHUNK)


def test_a_paced_upload_body_reads_whole_and_takes_size_over_rate() -> None:
    fake = FakeTime()
    data = b"y" * (2 * PACE_CHUNK + 7)
    stream = PacedInput(io.BytesIO(data), Pacer(PACE_CHUNK, fake.clock, fake.sleep))
    assert stream.read(len(data)) == data
    assert fake.now - 100.0 == pytest.approx(2 + 7 / PACE_CHUNK)


@pytest.mark.parametrize("arguments", [{"bandwidth": 0}, {"bandwidth": -1.0}, {"latency": -0.1}])
def test_a_profile_refuses_nonsense(arguments: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        NetworkProfile(**arguments)


def test_off_by_default() -> None:
    assert not LocalLuml().storage_network.active


def test_transfers_work_through_a_capped_slow_network(
    luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    from tests.facade.conftest import write_artifact

    source = write_artifact(tmp_path / "model.luml", payload_size=12 * 2**20)
    luml_server.storage_network = NetworkProfile(bandwidth=400 * 2**20, latency=0.002)
    try:
        with LumlClient(luml_tenant.api_key, luml_server.url) as luml:
            luml.orbits.create("net", luml_tenant.bucket_secret_id)
            luml.setup_config(orbit="net")
            luml.collections.create("c", "c", CollectionType.MIXED)
            luml.setup_config(orbit="net", collection="c")
            artifact = luml.artifacts.upload(source)  # multipart: paced request bodies
            copy = luml.artifacts.download(
                artifact.id, tmp_path / "copy.luml", part_size=2**22, max_concurrency=3
            )
    finally:
        luml_server.storage_network = NetworkProfile()
    assert copy.read_bytes() == source.read_bytes()
