"""Cold start (issue 12): jieba's dictionary and jieba.posseg's tag table come from caches in the
per-user cache dir, and what they hold is exactly what jieba reads from its own files."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pytest.importorskip("jieba")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_CHECK = r"""
import sys
from nlp.tokenize import plain_tokenizer, user_tokenizer
tok, tagger = user_tokenizer()
assert "pkg_resources" not in sys.modules, "jieba pulled pkg_resources in"
import jieba, jieba.posseg
fresh = jieba.Tokenizer()
fresh.tmp_dir = sys.argv[1] + "/fresh"  # a cache of its own: built from the dictionary text
import os; os.makedirs(fresh.tmp_dir, exist_ok=True)
fresh.initialize()
assert plain_tokenizer().FREQ == fresh.FREQ and plain_tokenizer().total == fresh.total
reference = jieba.posseg.POSTokenizer(fresh)  # its tag table parsed from the dictionary text
assert jieba.posseg.dt.word_tag_tab == reference.word_tag_tab
assert jieba.posseg.dt.word_tag_tab is not tagger.word_tag_tab
sample = "县卫生健康局医政股张伟同志主持会议,李明、王芳参加"
assert [tuple(p) for p in jieba.posseg.dt.cut(sample)] == [tuple(p) for p in reference.cut(sample)]
print("ok")
"""


def _run(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _CHECK, str(tmp_path)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_caches_built_then_read_give_what_jieba_reads(tmp_path):
    _run(tmp_path)  # first use: jieba builds its cache, the tag table is parsed and cached
    cache = tmp_path / f"policy-nlp-{os.getuid()}"
    assert (cache / "jieba.cache").is_file() and (cache / "jieba.posseg-tags.cache").is_file()
    _run(tmp_path)  # second: both read from the caches


def test_a_stale_tag_cache_is_not_read(tmp_path):
    import marshal

    cache = tmp_path / f"policy-nlp-{os.getuid()}"
    cache.mkdir(mode=0o700)
    (cache / "jieba.posseg-tags.cache").write_bytes(marshal.dumps((("0.0", "x", 1, 1), {"的": "zz"})))
    _run(tmp_path)


def test_help_is_quick():
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "nlp.cli", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0
    assert time.perf_counter() - started < 5  # generous: a loaded CI box; the bench measures the real figure
    probe = "import sys, nlp.cli; print(sorted(m for m in ('jieba', 'numpy', 'opencc', 'sklearn') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_a_cache_dir_others_can_write_is_not_used(tmp_path, monkeypatch):
    from nlp import tokenize

    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    folder = tmp_path / f"policy-nlp-{os.getuid()}"
    assert tokenize._cache_dir() == str(folder)
    folder.chmod(0o777)
    assert tokenize._cache_dir() is None
    folder.chmod(0o700)
    assert tokenize._cache_dir() == str(folder)
