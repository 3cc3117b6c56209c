"""`explainer import` and `explainer export`: report lines, exit codes 0/1/2, the written
pack validates, output to a file or stdout, never a traceback, and no Textual import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.interop.commands import guess_format
from explainer.pack import bundled_pack_path, load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def invoke(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in this process; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return exit_info.value.code, out, err


def test_import_gift_writes_a_valid_pack(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    bank = FIXTURES / "every-construct.gift"
    code, out, err = invoke(capsys, "import", str(bank))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{bank}:7: converted: question 'capital' as single"
    assert sum(f"{bank}:" in line for line in lines) == 24
    assert any(": skipped: essay question" in line for line in lines)
    assert "imported 22 questions into every-construct (16 converted, 6 approximated, 2 skipped, 0 errors)" in out
    pack = load_pack(tmp_path / "every-construct")
    assert pack.id == "every-construct" and len(pack.questions) == 22
    assert all(q.section == "imported" for q in pack.questions)
    assert "explainer is still to be written" in pack.sections[0].body


def test_import_with_errors_writes_what_it_could_and_exits_1(capsys, tmp_path: Path) -> None:
    bank = FIXTURES / "malformed.gift"
    code, out, err = invoke(capsys, "import", str(bank), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{bank}:6: error: unclosed brace" in out
    assert "imported 6 questions" in err and "13 errors" in err
    assert "only the questions that could be read" in err
    assert len(load_pack(tmp_path / "out").questions) == 6


def test_import_aiken_guessed_from_txt(capsys, tmp_path: Path) -> None:
    code, out, _ = invoke(capsys, "import", str(FIXTURES / "every-construct.txt"), "-o", str(tmp_path / "a"))
    assert code == 0
    assert "imported 4 questions" in out
    assert load_pack(tmp_path / "a").meta.summary.startswith("Questions imported from the Aiken bank")


def test_import_aiken_with_bom_and_format_option(capsys, tmp_path: Path) -> None:
    code, out, _ = invoke(capsys, "import", str(FIXTURES / "windows-bom.aiken"), "--format", "AIKEN", "-o", str(tmp_path / "b"))
    assert code == 0
    assert len(load_pack(tmp_path / "b").questions) == 2


def test_import_refuses_a_non_empty_folder(capsys, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    code, out, err = invoke(capsys, "import", str(FIXTURES / "windows-bom.gift"), "-o", str(tmp_path / "full"))
    assert code == 2
    assert err.startswith("explainer: ") and "is not empty" in err and out == ""
    assert sorted(p.name for p in (tmp_path / "full").iterdir()) == ["notes.txt"]


def test_import_into_an_empty_existing_folder(capsys, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, _ = invoke(capsys, "import", str(FIXTURES / "windows-bom.gift"), "-o", str(tmp_path / "empty"))
    assert code == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("import", "missing.gift"), "no such file"),
        (("import", "bank.dat"), "add --format gift, --format aiken or --format moodle-xml"),
        (("import", "bank.dat", "--format", "qti"), "'qti' is not one of"),
        (("import",), "Missing argument"),
        (("export", "nowhere", "--format", "gift"), "no such folder"),
        (("export", str(bundled_pack_path())), "Missing option '--format'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, tmp_path: Path, monkeypatch, args, words) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.dat").write_text("Q?{=a ~b}")
    code, out, err = invoke(capsys, *args)
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1


def test_import_of_nothing_usable_exits_1(capsys, tmp_path: Path) -> None:
    bank = tmp_path / "only.gift"
    bank.write_text("Just a description.\n\nAn essay {}\n")
    code, out, err = invoke(capsys, "import", str(bank), "-o", str(tmp_path / "x"))
    assert code == 1
    assert "nothing imported" in err and "no pack written" in err
    assert not (tmp_path / "x").exists()


def test_import_of_a_file_that_is_not_utf8_exits_1(capsys, tmp_path: Path) -> None:
    bank = tmp_path / "latin.gift"
    bank.write_bytes(b"Q?{=a ~b}\n\nCaf\xe9?{=a ~b}\n")
    code, out, err = invoke(capsys, "import", str(bank), "-o", str(tmp_path / "x"))
    assert code == 1
    assert f"{bank}:3: error: the file is not UTF-8" in err


def test_export_gift_to_stdout_report_on_stderr(capsys) -> None:
    code, out, err = invoke(capsys, "export", str(bundled_pack_path()), "--format", "gift")
    assert code == 0
    assert out.startswith("// ") and "::offer-condition::[plain]" in out
    assert "quiz.toml:" in err and ": approximated: question 'offer-condition' (single): hint dropped" in err
    from explainer.pack import load_pack

    questions = load_pack(bundled_pack_path()).questions
    expressible = sum(q.type != "order" for q in questions)  # GIFT has no order questions
    assert err.splitlines()[-1].startswith(f"exported {expressible} of {len(questions)} questions as GIFT")


def test_export_then_import_round_trip(capsys, tmp_path: Path) -> None:
    bank = tmp_path / "bank.gift"
    code, out, err = invoke(capsys, "export", str(FIXTURES / "every-type-pack"), "--format", "gift", "-o", str(bank))
    assert code == 0 and out == ""
    assert f"to {bank}" in err and "1 skipped" in err
    code, out, err = invoke(capsys, "import", str(bank), "-o", str(tmp_path / "back"))
    assert code == 0, err
    original = load_pack(FIXTURES / "every-type-pack")
    back = load_pack(tmp_path / "back")
    assert [q.id for q in back.questions] == [q.id for q in original.questions if q.type != "order"]


def test_export_aiken(capsys, tmp_path: Path) -> None:
    code, out, err = invoke(capsys, "export", str(FIXTURES / "every-type-pack"), "--format", "aiken")
    assert code == 0
    assert "ANSWER: A" in out
    assert ": skipped: question 'statement': a true_false question has no Aiken form" in err


def test_export_with_nothing_to_write_exits_1(capsys, tmp_path: Path) -> None:
    bank = tmp_path / "tf.gift"
    bank.write_text("Sky is blue.{T}\n")
    invoke(capsys, "import", str(bank), "-o", str(tmp_path / "tf"))
    code, out, err = invoke(capsys, "export", str(tmp_path / "tf"), "--format", "aiken")
    assert code == 1 and out == ""
    assert "nothing to write" in err


def test_export_of_an_invalid_pack_exits_1(capsys, tmp_path: Path) -> None:
    bank = tmp_path / "q.gift"
    bank.write_text("Q?{=a ~b}\n")
    invoke(capsys, "import", str(bank), "-o", str(tmp_path / "p"))
    quiz = tmp_path / "p" / "quiz.toml"
    quiz.write_text(quiz.read_text().replace('type = "single"', 'type = "essay"'))
    code, out, err = invoke(capsys, "export", str(tmp_path / "p"), "--format", "gift")
    assert code == 1
    assert f"{quiz}:" in err and "is not a valid pack" in err


def test_guess_format(tmp_path: Path) -> None:
    aiken = "Q?\nA. a\nB. b\nANSWER: A".split("\n")
    assert guess_format(Path("x.gift"), aiken) == "gift"
    assert guess_format(Path("x.AIKEN"), []) == "aiken"
    assert guess_format(Path("x.txt"), aiken) == "aiken"
    assert guess_format(Path("x.txt"), ["Q?{=a ~b}"]) is None
    assert guess_format(Path("x"), aiken) is None


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_subprocess_binary_garbage_and_a_folder_never_trace(tmp_path: Path) -> None:
    (tmp_path / "junk.gift").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "dir.gift").mkdir()
    for args, code in ((("import", "junk.gift"), 1), (("import", "dir.gift"), 2)):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == code, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.startswith(("explainer: ", str(tmp_path), "junk"))


def test_interop_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import explainer.interop.commands, explainer.interop.export\n"
        "import explainer.interop.gift, explainer.interop.aiken\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_export_does_not_replace_a_file_without_force(capsys, tmp_path: Path) -> None:
    target = tmp_path / "notes.gift"
    target.write_text("my own notes\n", encoding="utf-8")
    code, out, err = invoke(capsys, "export", str(bundled_pack_path()), "--format", "gift", "-o", str(target))
    assert code == 2 and "add --force" in err
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    code, out, err = invoke(capsys, "export", str(bundled_pack_path()), "--format", "gift", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("// ")


def test_aiken_export_report_names_aiken(capsys) -> None:
    code, out, err = invoke(capsys, "export", str(bundled_pack_path()), "--format", "aiken")
    assert "GIFT" not in err
    assert "an order question has no Aiken form" in err


def test_import_removes_control_characters_and_reports_them(capsys, tmp_path: Path) -> None:
    bank = FIXTURES / "controls.gift"
    code, out, err = invoke(capsys, "import", str(bank), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert f"{bank}:6: approximated: removed U+001B ESCAPE, a control character that could drive the terminal" in out
    assert f"{bank}:9: approximated: removed U+202E RIGHT-TO-LEFT OVERRIDE" in out
    assert "\x1b" not in out + err and "\x07" not in out + err and "\u202e" not in out + err
    assert "imported 5 questions" in out
    code, out, err = invoke(capsys, "validate", str(tmp_path / "out"))
    assert code == 0, out + err


def test_an_endless_or_huge_bank_is_refused_in_one_line(capsys, tmp_path: Path) -> None:
    code, out, err = invoke(capsys, "import", "/dev/zero", "--format", "gift", "-o", str(tmp_path / "out"))
    assert code == 1 and "larger than 20 MB" in err and "Traceback" not in err


def test_many_questions_with_one_title_get_ids_in_linear_time() -> None:
    from explainer.interop.common import IdMaker

    maker = IdMaker()
    ids = [maker.make("Same", "What?", n) for n in range(1, 20_001)]
    assert ids[:3] == ["same", "same-2", "same-3"] and ids[-1] == "same-20000" and len(set(ids)) == 20_000
