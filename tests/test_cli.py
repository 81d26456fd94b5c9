"""The `eward` command's contract: global options anywhere, JSON errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from console.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert "eward 0.1.0" in capsys.readouterr().out


def test_a_usage_mistake_is_json_under_json_and_exits_2(capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """Issue 20: argparse's own errors were plain text even with --json."""
    code, out, _ = run(capsys, "--json", "visits", "--bogus")
    assert code == 2
    assert json.loads(out) == {"error": {"code": "USAGE", "field": None,
                                         "message": "unrecognized arguments: --bogus"}}
    code, out, err = run(capsys, "visits", "--bogus")
    assert (code, out) == (2, "")
    assert "usage: eward" in err
    assert "unrecognized arguments: --bogus" in err


def test_global_options_before_or_after_subcommand(capsys: pytest.CaptureFixture[str],
                                                   sqlite_url: str) -> None:
    code, out, _ = run(capsys, "--database", sqlite_url, "census", "--json", "--date", "2026-11-23")
    assert code == 0
    assert json.loads(out)["date"] == "2026-11-23"
    code, out2, _ = run(capsys, "census", "--date", "2026-11-23", "--database", sqlite_url, "--json")
    assert code == 0
    assert json.loads(out2) == json.loads(out)


def test_env_database_url(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EWARD_DATABASE_URL", sqlite_url)
    code, out, _ = run(capsys, "db", "current", "--json")
    assert code == 0
    assert json.loads(out)["database"].endswith("eward.sqlite")


def test_census_json_shape(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, _ = run(capsys, "census", "--database", sqlite_url, "--json")
    assert code == 0
    payload = json.loads(out)
    assert set(payload) >= {"date", "capacity", "admitted", "patients"}
    assert payload["capacity"] == 30


def test_bad_date_is_exit_2_with_field(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, _ = run(capsys, "census", "--database", sqlite_url, "--date", "23/11", "--json")
    assert code == 2
    assert json.loads(out)["error"] == {
        "code": "INPUT", "field": "--date", "message": "'23/11' is not a date: use YYYY-MM-DD."}


def test_unknown_scheme_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "census", "--database", "mysql://x@y/z", "--json")
    assert code == 2
    error = json.loads(out)["error"]
    assert error["field"] == "--database"
    assert "not supported" in error["message"]


def test_unreachable_database_is_one_sentence_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "staff", "--database", "postgresql://x@127.0.0.1:1/none")
    assert code == 1
    assert "Traceback" not in out + err
    assert err.startswith("eward: DATABASE: Cannot reach the PostgreSQL database")


def test_db_upgrade_and_current(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--database", sqlite_url, "--json")
    assert code == 0
    code, out, _ = run(capsys, "db", "current", "--database", sqlite_url, "--json")
    payload = json.loads(out)
    assert payload["up_to_date"] is True
    assert payload["revision"] == payload["head"]


def test_a_reader_that_stops_early_is_no_error(sqlite_url: str) -> None:
    """`eward census | head -1`: the pipe closes before the output is written; the command
    exits quietly (0, nothing on stderr) instead of a BrokenPipeError traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes a line
    try:
        done = subprocess.run(
            [sys.executable, "-c", "import sys; from console.cli import main; "
             "sys.exit(main(sys.argv[1:]))", "census", "--database", sqlite_url],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")
