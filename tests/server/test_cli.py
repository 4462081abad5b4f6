"""``joinus-server admin``: every command, --json output, one-line errors without tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from joinus_server.config import sqlite_url
from tests.support.server_process import run_admin, run_admin_raw


@pytest.fixture
def db(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "admin.db")


def test_a_full_administration_session(db: str) -> None:
    team = run_admin(db, "create-team", "Join Us Oost", "--municipality", "Utrecht",
                     "--age-group", "12-18", in_process=True)
    other = run_admin(db, "create-team", "Join Us West", "--municipality", "Amsterdam",
                      in_process=True)
    user = run_admin(db, "create-user", "Anna@Example.org", "--name", "Anna", "--team",
                     "Join Us Oost", "--team", other["id"], in_process=True)
    assert user["email"] == "anna@example.org" and user["role"] == "social_worker"
    assert [t["id"] for t in user["teams"]] == [team["id"], other["id"]]
    coordinator = run_admin(db, "create-user", "kees@example.org", "--name", "Kees", "--role",
                            "coordinator", in_process=True)
    assert coordinator["teams"] == []
    invite = run_admin(db, "invite", "anna@example.org", "--days", "2", in_process=True)
    assert len(invite["code"]) == 19 and invite["email"] == "anna@example.org"
    teams = run_admin(db, "list-teams", in_process=True)
    assert [(t["name"], t["members"]) for t in teams] == [("Join Us West", 1),
                                                          ("Join Us Oost", 1)]
    users = run_admin(db, "list-users", in_process=True)
    assert {u["email"]: len(u["teams"]) for u in users} == {"anna@example.org": 2,
                                                            "kees@example.org": 0}
    assert run_admin(db, "list-devices", in_process=True) == []
    epoch = run_admin(db, "new-epoch", in_process=True)
    assert epoch["epoch"] != epoch["previous"]
    actions = [a["action"] for a in run_admin(db, "audit", in_process=True)]
    assert actions == ["create_team", "create_team", "create_user", "create_user", "invite",
                       "new_epoch"]
    assert invite["code"] not in repr(run_admin(db, "audit", in_process=True))
    assert run_admin(db, "list-purges", in_process=True) == []


def test_human_output_is_readable(db: str) -> None:
    made = run_admin_raw(db, "create-team", "Oost", "--municipality", "Utrecht", in_process=True)
    assert made.returncode == 0 and made.stdout.startswith("Created team Oost (Utrecht): ")
    listed = run_admin_raw(db, "list-teams", in_process=True)
    assert listed.stdout.splitlines()[0].split() == ["ID", "NAME", "MUNICIPALITY", "MEMBERS"]
    run_admin(db, "create-user", "a@example.org", "--name", "A", "--team", "Oost",
              in_process=True)
    invite = run_admin_raw(db, "invite", "a@example.org", in_process=True)
    assert "Enrolment code for a@example.org:" in invite.stdout


@pytest.mark.parametrize("args,message", [
    (["create-user", "x@example.org", "--name", "X"], "a social worker needs at least one --team"),
    (["create-user", "x@example.org", "--name", "X", "--team", "Nope"], "no team with id or name"),
    (["create-user", "not-an-email", "--name", "X", "--role", "admin"], "not an email address"),
    (["create-user", "dup@example.org", "--name", "X", "--role", "admin"], "already exists"),
    (["create-team", "Oost", "--municipality", "Utrecht"], "already exists in Utrecht"),
    (["create-team", "  ", "--municipality", "Utrecht"], "the team name must not be empty"),
    (["invite", "nobody@example.org"], "no user with email nobody@example.org"),
    (["invite", "dup@example.org", "--days", "0"], "--days must be between 1 and 365"),
    (["revoke-device", "nope"], "no device with id nope"),
    (["erase-youngster", "01a2224b-01cc-7b11-8f9f-3097f96bdf2d"], "no youngster with id"),
    (["create-team", "X"], "the following arguments are required: --municipality"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
])
def test_errors_are_one_line_without_a_traceback(db: str, args: list[str], message: str) -> None:
    run_admin(db, "create-team", "Oost", "--municipality", "Utrecht", in_process=True)
    run_admin(db, "create-user", "dup@example.org", "--name", "D", "--role", "admin",
              in_process=True)
    result = run_admin_raw(db, *args, in_process=True)
    assert result.returncode in (1, 2) and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("joinus-server") and ": error: " in line and message in line
    assert "Traceback" not in result.stderr


def test_ambiguous_team_names_ask_for_the_id(db: str) -> None:
    run_admin(db, "create-team", "Join Us", "--municipality", "Utrecht", in_process=True)
    run_admin(db, "create-team", "Join Us", "--municipality", "Zeist", in_process=True)
    result = run_admin_raw(db, "create-user", "a@example.org", "--name", "A", "--team",
                           "Join Us", in_process=True)
    assert result.returncode == 1 and "2 teams are named 'Join Us'" in result.stderr


def test_the_console_entry_point_runs_as_a_process(db: str, tmp_path: Path) -> None:
    """One real subprocess: argument parsing, --database after the action, exit codes."""
    team = run_admin(db, "create-team", "Oost", "--municipality", "Utrecht")
    assert run_admin(db, "list-teams")[0]["id"] == team["id"]
    broken = run_admin_raw("postgresql://nobody@127.0.0.1:1/none", "list-teams")
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    [line] = broken.stderr.splitlines()
    assert line.startswith("joinus-server: error: cannot connect to postgresql://nobody@")
    bad_url = run_admin_raw("mysql://x", "list-teams")
    assert bad_url.returncode == 1
    assert "must start with sqlite:/// or postgresql://" in bad_url.stderr


def test_the_database_comes_from_the_environment(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from joinus_server.cli import main

    url = sqlite_url(tmp_path / "env.db")
    monkeypatch.setenv("JOINUS_SERVER_DATABASE", url)
    assert main(["admin", "create-team", "Env", "--municipality", "Utrecht", "--json"]) == 0
    assert (tmp_path / "env.db").exists()


def test_serve_refuses_several_workers_on_sqlite(db: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from joinus_server.cli import main

    assert main(["serve", "--workers", "2", "--database", db]) == 1
    assert "several workers need PostgreSQL" in capsys.readouterr().err
