"""The command line: sources, exit codes, warnings, and no tracebacks for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spacereader import __version__
from spacereader.cli import UsageError, emit, format_table, main, truncate


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_table_lists_the_seeds_with_dates(capsys) -> None:
    code, out, err = run(capsys, "sources")
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert lines[0].split() == ["ID", "OUTLET", "/", "TITLE", "PUBLISHED", "SENTENCES", "WORDS"]
    assert len(lines) == 6
    dates = {line.split()[0][:3]: line.split()[1] for line in lines[1:]}
    assert dates == {"000": "—", "001": "2021-12-13", "002": "—", "003": "2021-10-05", "004": "—"}


def test_sources_json_matches_the_contract(capsys) -> None:
    code, out, _ = run(capsys, "sources", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["schema"] == "spacereader.sources/1"
    first = document["sources"][3]
    assert set(first) == {"id", "path", "title", "outlet", "url", "published", "sha256"}
    assert first["id"] == "003_61f4a650ca5522b8" and first["published"] == "2021-10-05"
    assert len(first["sha256"]) == 64


def test_bad_inputs_warn_and_the_rest_load(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.txt").write_text("A fine article. It loads.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    code, out, err = run(
        capsys,
        "sources",
        str(tmp_path / "good.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "bin.txt"),
        str(tmp_path / "missing.txt"),
    )
    assert code == 0 and "good" in out
    assert err.splitlines() == [
        f"spacereader: warning: {tmp_path / 'empty.txt'}: empty file",
        f"spacereader: warning: {tmp_path / 'bin.txt'}: binary file (contains NUL bytes), not an article",
        f"spacereader: warning: {tmp_path / 'missing.txt'}: no such file or directory",
    ]


def test_nothing_loads_exits_2_with_one_line(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "sources", str(tmp_path / "missing.txt"))
    assert code == 2 and out == ""
    assert err == f"spacereader: {tmp_path / 'missing.txt'}: no such file or directory\n"


def test_several_bad_inputs_and_nothing_loads(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "sources", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 2 and err.splitlines()[-1] == "spacereader: no readable article"


def test_threshold_out_of_range_is_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["align", "--threshold", "500"])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_bare_paths_mean_read(tmp_path: Path, capsys) -> None:
    from spacereader.cli import _with_default_command

    assert _with_default_command([]) == ["read"]
    assert _with_default_command(["a.txt"]) == ["read", "a.txt"]
    assert _with_default_command(["-"]) == ["read", "-"]
    assert _with_default_command(["--debug", "sources"]) == ["--debug", "sources"]
    assert _with_default_command(["sources", "x"]) == ["sources", "x"]


def test_internal_error_is_one_line_without_traceback(capsys, monkeypatch) -> None:
    import spacereader.commands.sources as sources

    monkeypatch.setattr(sources, "sources_table", lambda articles: 1 / 0)
    code, _, err = run(capsys, "sources")
    assert code == 1 and "Traceback" not in err
    assert (
        err.strip() == "spacereader: internal error: ZeroDivisionError: division by zero (run with --debug for details)"
    )
    code, _, err = run(capsys, "sources", "--debug")
    assert code == 1 and "Traceback" in err


def test_emit_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.txt"
    target.write_text("precious")
    with pytest.raises(UsageError, match="exists; pass --force"):
        emit("new", str(target))
    assert target.read_text() == "precious"
    emit("new", str(target), force=True)
    assert target.read_text() == "new" and not list(tmp_path.glob(".out.txt.*"))


def test_table_truncates_by_terminal_cells() -> None:
    assert truncate("東京で会議が開かれた", 7) == "東京で…"
    assert truncate("line\nbreaks   collapse", 40) == "line breaks collapse"
    table = format_table(("A", "B"), [("x" * 50, "y")], (10, 5))
    assert table.splitlines()[1] == "xxxxxxxxx…  y"


def _spacereader(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "spacereader", *argv], input=stdin, capture_output=True, timeout=60)


def test_python_m_version_and_stdin() -> None:
    version = _spacereader("--version")
    assert version.returncode == 0 and version.stdout.decode().strip() == f"spacereader {__version__}"
    piped = _spacereader("sources", "--format", "json", "-", stdin=b"Piped from a pipe. Two sentences here.")
    assert piped.returncode == 0
    assert json.loads(piped.stdout)["sources"][0]["id"] == "stdin"


def test_subprocess_bad_usage_exits_2() -> None:
    result = _spacereader("sources", "--format", "yaml")
    assert result.returncode == 2 and b"invalid choice" in result.stderr


def test_reader_refuses_missing_paths_before_starting_the_screen(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, str(tmp_path / "typo.txt"))
    assert code == 2 and out == ""
    assert err == f"spacereader: {tmp_path / 'typo.txt'}: no such file or directory\n"
    code, out, err = run(capsys, "read", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 2 and out == "" and err.splitlines()[-1] == "spacereader: no readable article"
