"""segment.py: jieba's segmentation without importing jieba, from a per-user bucketed dictionary cache."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shufa_lint import files, segment

SEED = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def jieba_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory):
    return segment.load_dictionary(cache=tmp_path_factory.mktemp("cache"))


def test_prefix_dictionary_equals_jiebas(jieba_tokenizer):
    with open(segment.jieba_dictionary(), "rb") as handle:
        buckets, total = segment.prefix_buckets(handle)
    merged = {word: frequency for bucket in buckets.values() for word, frequency in bucket.items()}
    assert total == jieba_tokenizer.total
    assert merged == jieba_tokenizer.FREQ


def test_seed_segments_exactly_as_jieba_without_hmm(jieba_tokenizer, dictionary):
    assert list(segment.cut(SEED, dictionary)) == jieba_tokenizer.lcut(SEED, HMM=False)


@pytest.mark.parametrize(
    "text",
    [
        "年内组织专题学习研讨次，涉法涉诉信访 件。",
        "调解成功率保持在98.5%以上，共办理案件12起",
        "开展“送法下乡”活动3场次\r\n重点宣讲《中华人民共和国民法典》",
        "运用APP和5G技术，C++与AT&T、B超 ",
        "",
        "   \t\n",
        "二〇二四年度县委主要负责人履行推进法治建设第一责任人职责情况的报告",
    ],
)
def test_report_phrases_segment_exactly_as_jieba(jieba_tokenizer, dictionary, text):
    assert list(segment.cut(text, dictionary)) == jieba_tokenizer.lcut(text, HMM=False)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set(SEED[:800])) + list("abcXYZ019.%-_#& \r\n\t")), max_size=60))
def test_any_text_segments_exactly_as_jieba(jieba_tokenizer, dictionary, text):
    assert list(segment.cut(text, dictionary)) == jieba_tokenizer.lcut(text, HMM=False)


def test_words_give_offsets_into_the_text():
    text = "本年度，共成功调解各类矛盾纠纷起，调解成功率保持在%以上。"
    found = segment.words(text)
    assert "".join(token for token, _ in found) == text
    assert all(text[offset : offset + len(token)] == token for token, offset in found)
    assert ("调解", 7) in found


@pytest.fixture
def small_dictionary(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_bytes("法治 500 n\n法治建设 300 n\n建设 400 v\n研讨 200 v\n次 900 q\n".encode())
    return source


def test_cache_is_built_once_then_read(small_dictionary, tmp_path):
    cache = tmp_path / "cache"
    built = segment.load_dictionary(small_dictionary, cache)
    files = list(cache.glob("jieba-*.bin"))
    assert len(files) == 1
    read = segment.load_dictionary(small_dictionary, cache)
    assert read.bucket("法") == built.bucket("法") == {"法": 0, "法治": 500, "法治建": 0, "法治建设": 300}
    assert read.total == 2300
    assert list(segment.cut("法治建设研讨次", read)) == ["法治建设", "研讨", "次"]
    assert list(cache.glob("jieba-*.bin")) == files  # nothing rebuilt


def test_reading_the_cache_hashes_nothing(small_dictionary, tmp_path):
    cache = tmp_path / "cache"
    segment.load_dictionary(small_dictionary, cache)
    probe = (
        "import sys; from pathlib import Path; from shufa_lint import segment; "
        f"segment.load_dictionary(Path({str(small_dictionary)!r}), Path({str(cache)!r})); "
        "print('hashlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"  # hashlib loads OpenSSL: a tenth of the no-segmentation start-up


def test_changed_dictionary_gets_a_new_cache(small_dictionary, tmp_path):
    cache = tmp_path / "cache"
    segment.load_dictionary(small_dictionary, cache)
    small_dictionary.write_bytes(small_dictionary.read_bytes() + "法治政府 100 n\n".encode())
    assert segment.load_dictionary(small_dictionary, cache).bucket("法")["法治政府"] == 100
    assert len(list(cache.glob("jieba-*.bin"))) == 2


def test_corrupt_cache_is_rebuilt(small_dictionary, tmp_path):
    cache = tmp_path / "cache"
    segment.load_dictionary(small_dictionary, cache)
    (path,) = cache.glob("jieba-*.bin")
    path.write_bytes(path.read_bytes()[:40])
    assert segment.load_dictionary(small_dictionary, cache).bucket("研") == {"研": 0, "研讨": 200}
    assert segment.Dictionary.open_cache(path).bucket("研") == {"研": 0, "研讨": 200}


def test_unwritable_cache_folder_still_segments(small_dictionary, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    dictionary = segment.load_dictionary(small_dictionary, blocked / "shufa-lint")
    assert list(segment.cut("法治建设", dictionary)) == ["法治建设"]


def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert files.cache_dir() == tmp_path / "shufa-lint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert files.cache_dir() == Path(os.path.expanduser("~")) / ".cache" / "shufa-lint"


def test_installations_of_the_same_jieba_share_one_cache(small_dictionary, tmp_path, monkeypatch):
    """A pre-commit hook's environment and the editor's hold the same dict.txt: built once, kept once."""
    cache = tmp_path / "cache"
    segment.load_dictionary(small_dictionary, cache)
    other = tmp_path / "other-venv" / "dict.txt"
    other.parent.mkdir()
    other.write_bytes(small_dictionary.read_bytes())

    def no_rebuild(*arguments):
        raise AssertionError("the dictionary was built again")

    monkeypatch.setattr(segment, "serialize", no_rebuild)
    assert list(segment.cut("法治建设研讨次", segment.load_dictionary(other, cache))) == ["法治建设", "研讨", "次"]
    assert len(list(cache.glob("jieba-*.bin"))) == 1
    assert len(list(cache.glob("jieba-*.ref"))) == 2


def test_a_pointer_to_a_foreign_file_is_not_followed(small_dictionary, tmp_path):
    cache = tmp_path / "cache"
    segment.load_dictionary(small_dictionary, cache)
    (pointer,) = cache.glob("jieba-*.ref")
    pointer.write_text("../../etc/passwd", encoding="ascii")
    assert segment.load_dictionary(small_dictionary, cache).bucket("研") == {"研": 0, "研讨": 200}
    assert pointer.read_text(encoding="ascii").endswith("-pairs.bin")
