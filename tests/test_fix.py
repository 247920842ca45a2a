"""catlint fix through the real CLI: golden pairs, the seed, encodings, writing rules."""

import codecs
import os
import stat
from pathlib import Path

import pytest

from conftest import ROOT, SEED, run_catlint, run_catlint_process

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(path.name for path in GOLDEN.iterdir() if (path / "input.md").is_file())


@pytest.mark.parametrize("case", CASES)
def test_golden_fix_and_second_pass_changes_nothing(case, tmp_path):
    target = tmp_path / "catalogue.md"
    target.write_bytes((GOLDEN / case / "input.md").read_bytes())
    result = run_catlint("fix", target)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    assert target.read_bytes() == (GOLDEN / case / "expected.md").read_bytes()
    again = run_catlint("fix", "--diff", target)
    assert again.stdout == "" and again.returncode == result.returncode


def test_non_latin_text_is_left_exactly_as_it_is():
    assert (GOLDEN / "non_latin" / "input.md").read_bytes() == (GOLDEN / "non_latin" / "expected.md").read_bytes()
    text = (GOLDEN / "non_latin" / "expected.md").read_text(encoding="utf-8")
    for genuine in ("จุฬาลงกรณ์มหาวิทยาลัย", "Московский", "Αθήνα", "東京大学", "Ångström", "Łódź"):
        assert genuine in text


def test_fix_on_the_seed(seed_copy):
    before = seed_copy.read_text(encoding="utf-8").split("\n")
    result = run_catlint_process("fix", seed_copy)
    assert result.returncode == 1  # tuberculosis.by has no automatic fix
    after = seed_copy.read_text(encoding="utf-8").split("\n")
    assert "193¹" in after[53] and "ยน" not in "\n".join(after)
    assert after[57] == "" and after[58] == "¹ Amount of MRI slices"
    assert "| 2,620 " in after[44]
    assert after[:36] == before[:36], "text before the table is byte-identical"
    assert after[59:] == before[58:], "text after the footnote is byte-identical"
    assert [line.split("|")[1] for line in after[38:57]] == [line.split("|")[1] for line in before[38:57]], "same rows, same order"
    second = run_catlint_process("fix", "--diff", seed_copy)
    assert second.stdout == ""
    mtime = seed_copy.stat().st_mtime_ns
    run_catlint_process("fix", seed_copy)
    assert seed_copy.stat().st_mtime_ns == mtime, "an unchanged file is not rewritten"


def test_diff_prints_and_writes_nothing(seed_copy):
    original = seed_copy.read_bytes()
    result = run_catlint("fix", "--diff", seed_copy)
    assert result.returncode == 1
    assert "-| SCMR Consensus Data" in result.stdout and "+| SCMR Consensus Data" in result.stdout and "193¹" in result.stdout
    assert seed_copy.read_bytes() == original


def test_project_catalogue_is_canonical():
    result = run_catlint("fix", "--diff", "catalogue.md", cwd=ROOT)
    assert result.stdout == "" and result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("encoding, bom", [("cp1252", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", b""), ("utf-8", codecs.BOM_UTF8)])
def test_legacy_and_utf16_files_are_read_and_rewritten_as_utf8(tmp_path, encoding, bom):
    text = (GOLDEN / "non_latin" / "input.md").read_text(encoding="utf-8") if encoding != "cp1252" else (
        "| Source | Data Types | Body Parts | Images | Patients | Availability | Licence | Link |\n|---|---|---|---|---|---|---|---|\n"
        "| Café Zürich – “cardiac” | MR | Heart | 193¹ | 15 | Open | Non-commercial | https://a.example.org |\n\n¹ Number of MRI slices\n")
    target = tmp_path / "catalogue.md"
    target.write_bytes(bom + text.encode(encoding))
    check = run_catlint("check", target)
    if encoding == "utf-8":
        assert check.returncode == 0, check.stdout
        assert run_catlint("fix", target).returncode == 0 and target.read_bytes() == bom + text.encode("utf-8")
        return
    assert check.returncode == 1 and "CAT006" in check.stdout and encoding.split("-")[0] in check.stdout.lower()
    fixed = run_catlint("fix", target)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "rewritten as UTF-8" in fixed.stdout
    assert target.read_bytes() == text.encode("utf-8")


def test_crlf_and_final_newline_are_kept(tmp_path):
    target = tmp_path / "catalogue.md"
    data = (GOLDEN / "footnote_crlf" / "input.md").read_bytes()
    target.write_bytes(data.rstrip(b"\r\n"))  # no final newline
    run_catlint_process("fix", target)
    fixed = target.read_bytes()
    assert b"\n" not in fixed.replace(b"\r\n", b"") and not fixed.endswith(b"\r\n")
    assert fixed.count(b"\r\n") == data.count(b"\r\n")  # one blank line added, the final newline absent


def test_fix_keeps_permissions_and_follows_symlinks(tmp_path, seed_copy):
    os.chmod(seed_copy, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(seed_copy)
    run_catlint("fix", link)
    assert link.is_symlink() and "193¹" in seed_copy.read_text(encoding="utf-8")
    assert stat.S_IMODE(seed_copy.stat().st_mode) == 0o640


# A read-only file, a symlink, interrupted writes: tests/test_bad_input.py


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories; the file-mode test above covers root")
def test_read_only_directory_is_exit_2_and_intact(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "catalogue.md"
    target.write_bytes(SEED.read_bytes())
    os.chmod(folder, 0o555)
    try:
        result = run_catlint("fix", target)
        assert result.returncode == 2 and "left unchanged" in result.stderr
        assert target.read_bytes() == SEED.read_bytes()
    finally:
        os.chmod(folder, 0o755)


def test_a_utf8_file_with_a_stray_cp1252_byte_is_repaired_not_garbled(tmp_path):
    target = tmp_path / "catalogue.md"
    text = (GOLDEN / "non_latin" / "input.md").read_text(encoding="utf-8")
    target.write_bytes(text.encode("utf-8") + b"\nIt\x92s fine.\n")
    result = run_catlint("fix", target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes() == (text + "\nIt\u2019s fine.\n").encode("utf-8")
