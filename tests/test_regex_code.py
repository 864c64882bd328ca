"""Regular expressions compiled by modules as they load, compiled once and kept between processes."""

from __future__ import annotations

import _sre
import marshal
import re
import subprocess
import sys
from re import _compiler

import pytest

from sgdesk import regex_code
from sgdesk.regex_code import MOST_KEPT, WORTH_WRITING, _Patterns

INSTALLED = regex_code.keep_compiled_patterns()
REAL_COMPILE, REAL_MAKE = INSTALLED.compile_pattern, INSTALLED.make
PATTERN = r"(?P<year>\d{4})/(?P<short>\d{2})\s+[A-Za-zÀ-ÿ]+"


class _Process:
    """A process's ``re``, with its patterns kept in ``path``: the one SG Desk installed put aside."""

    def __init__(self, path, monkeypatch, worth_writing: int = 1) -> None:
        monkeypatch.setattr(regex_code, "WORTH_WRITING", worth_writing)
        self.patterns = _Patterns(path, self.compiled, REAL_MAKE)
        self.compilations = 0
        monkeypatch.setattr(_compiler, "compile", self.patterns.compile)
        monkeypatch.setattr(_sre, "compile", self.patterns.hand)
        re.purge()   # re's own cache of this process would answer first

    def compiled(self, pattern, flags=0):
        self.compilations += 1
        return REAL_COMPILE(pattern, flags)

    def load(self, source: str) -> dict:
        """Run ``source`` as a module's body, as an import does."""
        namespace = {"__name__": "kept_module"}
        exec(compile(source, "kept_module.py", "exec"), namespace)
        return namespace


def _fresh(pattern: str, flags: int = 0) -> re.Pattern:
    return REAL_COMPILE(pattern, flags)


@pytest.fixture(autouse=True)
def _purged():
    yield
    re.purge()


def test_a_pattern_a_module_compiles_as_it_loads_is_kept_and_made_from_it_in_the_next_process(tmp_path, monkeypatch):
    first = _Process(tmp_path / "kept.marshal", monkeypatch)
    found = first.load(f"import re\nYEAR = re.compile({PATTERN!r}, re.IGNORECASE)\n")["YEAR"]
    assert first.compilations == 1
    first.patterns.write()
    later = _Process(tmp_path / "kept.marshal", monkeypatch)
    again = later.load(f"import re\nYEAR = re.compile({PATTERN!r}, re.IGNORECASE)\n")["YEAR"]
    assert later.compilations == 0
    assert again == found == _fresh(PATTERN, re.IGNORECASE)   # patterns are equal when their code is
    match = again.search("the 2018/19 ÉTÉ year")
    assert match.groupdict() == {"year": "2018", "short": "19"} and match.group(0) == "2018/19 ÉTÉ"
    assert again.groupindex == found.groupindex and again.flags == found.flags and again.groups == 2


def test_a_pattern_a_class_body_compiles_is_kept_too(tmp_path, monkeypatch):
    process = _Process(tmp_path / "kept.marshal", monkeypatch)
    process.load("import re\nclass Parser:\n    WORD = re.compile(r'[a-z]+-[a-z]+')\n")
    assert [key for key, _ in process.patterns.used.items()] == [("[a-z]+-[a-z]+", 0)]


def test_patterns_a_modules_comprehension_compiles_are_kept_but_not_a_functions(tmp_path, monkeypatch):
    process = _Process(tmp_path / "kept.marshal", monkeypatch)
    process.load("import re\nWAYS = tuple(re.compile(p) for p in ('[0-9]{4}', '[a-z]+day'))\n"
                 "def find(words):\n    return [re.compile(re.escape(w)) for w in words]\n"
                 "find(['Siân', 'Zoë'])\n")
    assert [key for key in process.patterns.used] == [("[0-9]{4}", 0), ("[a-z]+day", 0)]


def test_a_pattern_a_function_builds_is_never_kept(tmp_path, monkeypatch):
    # a function may build it from what it was given: a delegate's name searched for is personal data
    process = _Process(tmp_path / "kept.marshal", monkeypatch)
    finder = process.load("import re\ndef find(name, text):\n    return re.search(re.escape(name), text)\n")["find"]
    assert finder("Siân O'Neill", "booked: Siân O'Neill").group(0) == "Siân O'Neill"
    assert process.patterns.added == 0
    process.patterns.write()
    assert not (tmp_path / "kept.marshal").exists()


def test_the_file_is_not_written_again_for_a_pattern_or_two_it_lacked(tmp_path, monkeypatch):
    first = _Process(tmp_path / "kept.marshal", monkeypatch)
    first.load("import re\nA = re.compile('ab+')\n")
    first.patterns.write()
    kept = (tmp_path / "kept.marshal").read_bytes()
    later = _Process(tmp_path / "kept.marshal", monkeypatch, worth_writing=WORTH_WRITING)
    later.load("import re\nA = re.compile('ab+')\nB = re.compile('cd+')\nC = re.compile('ef+')\n")
    assert later.patterns.added == WORTH_WRITING - 1
    later.patterns.write()
    assert (tmp_path / "kept.marshal").read_bytes() == kept
    later.load("import re\nD = re.compile('gh+')\n")
    later.patterns.write()
    assert _Patterns(tmp_path / "kept.marshal", REAL_COMPILE, REAL_MAKE).kept.keys() == {
        (f"{letters}+", 0) for letters in ("ab", "cd", "ef", "gh")}


def test_bytes_patterns_and_flags_are_kept_apart(tmp_path, monkeypatch):
    first = _Process(tmp_path / "kept.marshal", monkeypatch)
    first.load("import re\nA = re.compile(b'ab+')\nB = re.compile('ab+')\nC = re.compile('ab+', re.I)\n")
    first.patterns.write()
    later = _Process(tmp_path / "kept.marshal", monkeypatch)
    made = later.load("import re\nA = re.compile(b'ab+')\nB = re.compile('ab+')\nC = re.compile('ab+', re.I)\n")
    assert later.compilations == 0
    assert [made[n] for n in "ABC"] == [_fresh(b"ab+"), _fresh("ab+"), _fresh("ab+", re.I)]
    assert made["C"].match("ABB") and not made["B"].match("ABB")


def test_a_debugging_pattern_is_compiled_as_ever_and_not_kept(tmp_path, monkeypatch, capsys):
    process = _Process(tmp_path / "kept.marshal", monkeypatch)
    process.load("import re\nD = re.compile('x+', re.DEBUG)\n")
    assert "MAX_REPEAT" in capsys.readouterr().out
    assert process.patterns.added == 0


@pytest.mark.parametrize("damage", [b"", b"\x00\x01 not marshal", marshal.dumps({("x", 0): "no"}),
                                    marshal.dumps([1, 2])])
def test_a_damaged_file_is_left_out_of_account_and_the_patterns_compiled(tmp_path, monkeypatch, damage):
    (tmp_path / "kept.marshal").write_bytes(damage)
    process = _Process(tmp_path / "kept.marshal", monkeypatch)
    assert process.load("import re\nP = re.compile('x')\n")["P"] == _fresh("x")
    assert process.compilations == 1


def test_kept_code_the_engine_refuses_is_compiled_again(tmp_path, monkeypatch):
    (tmp_path / "kept.marshal").write_bytes(marshal.dumps({("ab+", 32): (32, [99999, 1, 2], 0, {}, (None,))}))
    process = _Process(tmp_path / "kept.marshal", monkeypatch)
    assert process.load("import re\nP = re.compile('ab+')\n")["P"] == _fresh("ab+")
    assert process.compilations == 1


def test_past_the_most_kept_only_the_last_processs_patterns_are_kept(tmp_path, monkeypatch):
    first = _Process(tmp_path / "kept.marshal", monkeypatch)
    first.load("import re\n" + "".join(f"re.compile('a{{{n}}}')\n" for n in range(MOST_KEPT)))
    first.patterns.write()
    later = _Process(tmp_path / "kept.marshal", monkeypatch)
    assert len(later.patterns.kept) == MOST_KEPT
    later.load("import re\nre.compile('new')\n")
    later.patterns.write()
    assert list(_Patterns(tmp_path / "kept.marshal", REAL_COMPILE, REAL_MAKE).kept) == [("new", 0)]


def test_sg_desk_has_re_use_the_kept_patterns():
    assert _compiler.compile == INSTALLED.compile and _sre.compile == INSTALLED.hand
    assert regex_code.keep_compiled_patterns() is INSTALLED   # installed once


def test_a_second_process_compiles_none_of_the_patterns_its_modules_compile_as_they_load_but_one(tmp_path):
    run = [sys.executable, "-c",
           "import sgdesk, sgdesk.pdf, textwrap\nfrom sgdesk import regex_code as r\n"
           "p = r.keep_compiled_patterns()\nprint(p.added, len(p.used))"]
    env = {"SGDESK_CACHE_DIR": str(tmp_path), "PATH": "", "SYSTEMROOT": ""}
    first = subprocess.run(run, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    added, used = map(int, first.stdout.split())
    assert added > 50 and added == used    # reportlab's and the standard library's, among them
    kept = regex_code.patterns_file().name
    written = (tmp_path / kept).read_bytes()
    second = subprocess.run(run, capture_output=True, text=True, env=env, timeout=120)
    # reportlab's safe eval joins a set of names into a pattern in an order of each process's own:
    # that one is compiled each time, and the file is not written again for it
    assert second.stdout.split() == ["1", str(used)]
    assert (tmp_path / kept).read_bytes() == written
