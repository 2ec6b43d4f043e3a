"""nlp.batch.common: the per-file time limit works in any thread (a Dask task's thread too), with
the same error as in a local worker's main thread."""

from __future__ import annotations

import threading
import time

import pytest

from nlp.batch.common import file_time_limit, run_file
from nlp.batch.limits import FileTimeout, Limits
from nlp.settings import Settings

MESSAGE = "x.txt: took longer than 0.2 s (in stage {}; raise --timeout or split the file)"


def _in_thread(fn):
    box: dict = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as err:  # noqa: BLE001 - handed to the test
            box["error"] = err

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "the time limit never fired"
    return box


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_past_its_time_raises_in_a_worker_thread():
    def slow():
        with file_time_limit("/data/x.txt", 0.2):
            _busy(20)

    started = time.monotonic()
    error = _in_thread(slow)["error"]
    assert time.monotonic() - started < 5
    assert isinstance(error, FileTimeout) and type(error).__name__ == "FileTimeout"
    assert str(error) == MESSAGE.format("pipeline")  # this test's module is no pipeline stage


def test_a_block_done_in_time_is_never_interrupted_later():
    def quick_then_busy():
        with file_time_limit("x.txt", 0.1):
            pass
        _busy(0.5)  # well past the limit, outside the block
        return "done"

    assert _in_thread(quick_then_busy) == {"value": "done"}


@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_run_file_records_a_slow_file_the_same_in_any_thread(tmp_path, monkeypatch, where):
    import nlp.pipeline

    def slow(file, *args, **kw):
        _busy(20)
        yield from ()

    monkeypatch.setattr(nlp.pipeline, "iter_documents", slow)
    path = tmp_path / "x.txt"
    path.write_text("关于开展隐患排查的通知\n", encoding="utf-8")

    def run():
        return run_file(str(path), None, settings=Settings(classify=False), spool_dir=None,
                        limits=Limits(timeout=0.2))

    result = run() if where == "main thread" else _in_thread(run)["value"]
    assert result["status"] == "failed" and result["file_row"][5] == "failed"
    stage, kind, message = result["error"]
    assert kind == "FileTimeout" and message == MESSAGE.format("pipeline")  # the slow code is no nlp stage
