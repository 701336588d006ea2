"""The download's fast-connection decision at its real threshold (100 MiB/s): the first
stream is timed over its first part, and the measured rate decides whether it brings the whole
file or stops there for parallel ranges. The rate is injected through the arrival times of the
first and last byte (what `PartialFile` stamps), so no test depends on this machine's speed."""

from __future__ import annotations

import pytest

from luml_facade.transfer.download import DownloadPlan, ranges_pay
from luml_facade.transfer.partial import MiB, Span

PART = 16 * MiB
SIZE = 100 * MiB


def first_span_measured_at(rate: float) -> Span:
    """The plan's first span with its first part received at `rate` bytes per second."""
    span = DownloadPlan(part_size=PART, concurrency=8).first_span(SIZE)
    span.first_byte_at = 1000.0
    span.got = PART
    span.last_byte_at = span.first_byte_at + PART / rate
    return span


@pytest.mark.parametrize("rate", [101 * MiB, 1024 * MiB])
def test_a_connection_faster_than_100_mib_per_second_brings_the_whole_file(rate: float) -> None:
    span = first_span_measured_at(rate)

    assert not span.stops_here()
    assert (span.end, span.probe) == (SIZE, None)  # decided once: the stream goes on


@pytest.mark.parametrize("rate", [24 * MiB, 10 * MiB])
def test_a_slow_connection_stops_after_its_first_part(rate: float) -> None:
    span = first_span_measured_at(rate)

    assert span.stops_here()
    assert span.end == PART  # cut where it got to: the rest comes in ranges
    assert DownloadPlan(part_size=PART).spans_after(span.end, SIZE)[0].start == PART


def receive_at(span: Span, got: int, rate: float) -> None:
    """`got` bytes of the span received since its first byte, at `rate` on average."""
    assert span.first_byte_at is not None
    span.got = got
    span.last_byte_at = span.first_byte_at + got / rate


@pytest.mark.parametrize("rate", [99 * MiB, 26 * MiB])
def test_a_middling_rate_is_judged_again_over_four_parts(rate: float) -> None:
    span = first_span_measured_at(rate)
    assert not span.stops_here()  # undecided: looked at again later
    assert span.probe is not None and span.end == SIZE

    receive_at(span, 4 * PART - 1, rate)
    assert not span.stops_here()  # not before the fourth part has arrived
    receive_at(span, 4 * PART, rate)
    assert span.stops_here()
    assert span.end == 4 * PART


def test_a_stream_that_stalled_once_goes_on_when_it_catches_up() -> None:
    span = first_span_measured_at(50 * MiB)  # a stall in its first part
    assert not span.stops_here()

    receive_at(span, 4 * PART, 200 * MiB)  # then fast: 200 MiB/s over the four parts
    assert not span.stops_here()
    assert (span.end, span.probe) == (SIZE, None)  # it brings the whole file


def test_the_rate_is_not_judged_before_the_first_part_arrived() -> None:
    span = first_span_measured_at(1 * MiB)
    span.got = PART - 1

    assert not span.stops_here()
    assert span.probe is not None  # still timing


@pytest.mark.parametrize(
    ("concurrency", "size"), [(1, SIZE), (8, PART)], ids=["one-connection", "one-part"]
)
def test_no_timing_when_ranges_could_not_follow(concurrency: int, size: int) -> None:
    span = DownloadPlan(part_size=PART, concurrency=concurrency).first_span(size)
    assert span.probe is None


# ---- after a slow first part: do parallel ranges pay? (RANGE_WORTH = 0.5)


def a_first_part_at(rate: float) -> Span:
    """A first stream stopped after its first part, received at `rate` bytes per second."""
    span = first_span_measured_at(rate)
    assert span.stops_here()
    return span


@pytest.mark.parametrize(
    ("size", "seconds", "pays"),
    [
        (PART, 2.0, True),  # the first range at 8 MiB/s: half of the stream's 16, just enough
        (PART, 1.0, True),
        (PART, 2.125, False),  # a store slow to answer ranges: one ranged GET for the rest
        (4 * MiB, 1.0, False),  # a short last range at 4 MiB/s
    ],
)
def test_ranges_pay_when_the_first_range_reaches_half_the_stream_rate(
    size: int, seconds: float, pays: bool
) -> None:
    trial = Span(PART, PART + size)

    assert ranges_pay(trial, seconds, a_first_part_at(16 * MiB)) is pays


def test_a_first_range_timed_at_zero_seconds_pays() -> None:
    """A clock too coarse to see the range take any time: it was fast, not undefined."""
    assert ranges_pay(Span(PART, 2 * PART), 0.0, a_first_part_at(16 * MiB)) is True
