"""reportlab as an export has it: shapes not checked, the web-address pattern compiled and Pillow loaded when used."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys

from sgdesk.reportlab_setup import URI_PATTERN, CompiledWhenUsed


def _in_a_new_process(code: str, **environment: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "RL_shapeChecking"} | environment
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return done.stdout.strip()


_SETTINGS = """
import sgdesk.pdf, reportlab.platypus.paragraph as paragraph, reportlab.rl_config as config
from reportlab.graphics.shapes import Rect
try:
    Rect(0, 0, 10, 10).fillColor = "not a colour"
    checked = False
except AttributeError:
    checked = True
print(config.shapeChecking, type(paragraph.uri_pat).__name__, checked)
"""


def test_an_export_checks_no_shapes_and_leaves_the_address_pattern_uncompiled():
    assert _in_a_new_process(_SETTINGS) == "0 CompiledWhenUsed False"


def test_reportlabs_own_setting_still_turns_shape_checking_on():
    # as the tests run: a chart given a wrong attribute fails in them
    assert _in_a_new_process(_SETTINGS, RL_shapeChecking="1") == "1 CompiledWhenUsed True"


def test_the_pattern_left_uncompiled_is_the_one_reportlab_compiles():
    """Were reportlab to change its pattern, its own would be compiled on import again (45 ms)."""
    import reportlab.platypus.paragraph as paragraph

    tree = ast.parse(inspect.getsource(paragraph))
    found = [node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
             and any(isinstance(target, ast.Name) and target.id == "uri_pat" for target in node.targets)]
    assert len(found) == 1
    call = found[0]
    assert ast.literal_eval(call.args[0]) == URI_PATTERN
    assert ast.unparse(call.args[1]) == "re.I"


def test_long_addresses_still_break_where_reportlab_would_break_them():
    import reportlab.platypus.paragraph as paragraph

    address = "https://www.southend.gov.uk/safeguarding-partnership/annual-report-2020-21"
    compiled = re.compile(URI_PATTERN, re.IGNORECASE)
    assert paragraph._uri_split_pairs(address)[0] == ("https://www.southend.gov.uk/safeguarding-partnership/",
                                                      "annual-report-2020-21")
    assert bool(paragraph.uri_pat.match("not an address")) == bool(compiled.match("not an address")) is False
    assert paragraph.uri_pat.match(address).groups() == compiled.match(address).groups()


def test_a_pattern_compiled_when_used_matches_as_the_compiled_pattern_and_is_compiled_once():
    pattern = r"(?P<year>\d{4})/(?P<next>\d{2})"
    waiting = CompiledWhenUsed(pattern, re.IGNORECASE)
    re._cache[str, pattern, int(re.IGNORECASE)] = waiting  # as set_up_reportlab leaves reportlab's
    assert re.compile(pattern, re.IGNORECASE) is waiting
    assert waiting.match("2018/19").group("next") == "19"
    compiled = waiting._compiled
    assert waiting.search("FY 2019/20").span() == (3, 10)
    assert waiting._compiled is compiled
    assert compiled.flags == re.compile(pattern + "(?#)", re.IGNORECASE).flags


def test_an_export_whose_code_imports_reportlab_first_still_has_it_set_up(demo_template, tmp_path):
    # an export's code may import reportlab.platypus before sgdesk.pdf: write_export has it set up first
    code = f"""
from pathlib import Path
from sgdesk.exporting import Export, ExportRequest, ExportResult, write_export
from sgdesk.store import open_board_file

def run(bf, request, progress):
    import reportlab.platypus.paragraph as paragraph, reportlab.rl_config as config
    print(config.shapeChecking, type(paragraph.uri_pat).__name__)
    return ExportResult(request.out, None)

export = Export("probe", "Imports reportlab's layout code first", ("pdf",), run, needs_period=False)
with open_board_file(Path({str(demo_template)!r}), read_only=True) as bf:
    write_export(export, bf, ExportRequest(1, Path({str(tmp_path / "probe.pdf")!r}), None))
"""
    assert _in_a_new_process(code) == "0 CompiledWhenUsed"


def test_an_export_without_a_picture_leaves_pillow_unloaded(demo_template, tmp_path):
    code = f"""
import sys
from sgdesk.cli import main
main(["export", {str(demo_template)!r}, "pack", "--year", "2018/19", "--out", {str(tmp_path / "pack.pdf")!r}])
print(type(sys.modules["PIL.Image"]).__name__, "PIL.ExifTags" in sys.modules)
"""
    assert _in_a_new_process(code).splitlines()[-1] == "_LazyModule False"


def test_a_logo_still_draws_with_pillow_loaded_as_it_is_used(tmp_path):
    code = f"""
import base64, io, sys
import sgdesk.pdf
from reportlab.platypus import Image, SimpleDocTemplate
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwPCfAQAL+wP92x0mHwAAAABJRU5ErkJggg==")
SimpleDocTemplate({str(tmp_path / "logo.pdf")!r}).build([Image(io.BytesIO(png), width=40, height=20)])
print(type(sys.modules["PIL.Image"]).__name__)
"""
    assert _in_a_new_process(code) == "module"
    written = (tmp_path / "logo.pdf").read_bytes()
    assert b"/Subtype /Image" in written and b"/Width 2" in written and b"/Height 1" in written
