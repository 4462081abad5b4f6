"""``joinus-server``: ``serve`` the API, or ``admin`` teams, users, devices and data.

Errors are one line on stderr and a non-zero exit, never a traceback: 1 for a
command that could not be carried out, 2 for a command line that is wrong.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import logging.config
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from .config import ENV_DATABASE, database_url, enrol_limit, redact
from .errors import AdminError, StorageUnavailable
from .text import json_shown, shown

PROG = "joinus-server"
ENV_NEW_PASSPHRASE = "JOINUS_NEW_PASSPHRASE"
OFFLINE_ACTIONS = ("org-keygen", "recover-vault")
KEEP_ALIVE_S = 75


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class _Failure(Exception):
    """Reported as one line; carries the exit status."""


class _Usage(_Failure):
    """A command line that is wrong in a way argparse cannot tell (options that clash)."""


def _common(json_flag: bool) -> _Parser:
    # Accepted before or after the sub-command: SUPPRESS keeps a later default from
    # overwriting an earlier value.
    parent = _Parser(add_help=False)
    parent.add_argument("--database", default=argparse.SUPPRESS, metavar="URL",
                        help=f"sqlite:///path or postgresql://… (default: ${ENV_DATABASE}, "
                             "else a SQLite file in the user data dir)")
    if json_flag:
        parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                            help="print JSON for scripts")
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = _common(json_flag=False)
    admin_common = _common(json_flag=True)
    parser = _Parser(prog=PROG, description="The Join Us organisation server.",
                     parents=[common])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    serve = commands.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1; put TLS in front)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (PostgreSQL only for more than one)")
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--no-access-log", action="store_true", help="do not log requests")
    serve.add_argument("--tls-cert", metavar="PEM",
                       help="serve HTTPS with this certificate (chain) file; usually a "
                            "TLS-terminating proxy in front does this instead")
    serve.add_argument("--tls-key", metavar="PEM", help="the private key of --tls-cert")

    admin = commands.add_parser("admin", parents=[admin_common],
                                help="administer teams, users, devices and data")
    actions = admin.add_subparsers(dest="action", required=True, parser_class=_Parser)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return actions.add_parser(name, parents=[admin_common], help=help_text,
                                  description=help_text)

    p = action("create-team", "create a team (a Join Us group in a municipality)")
    p.add_argument("name")
    p.add_argument("--municipality", required=True)
    p.add_argument("--age-group", choices=["12-18", "18-25"])
    p = action("create-user", "create a user and make them a member of teams")
    p.add_argument("email")
    p.add_argument("--name", required=True)
    p.add_argument("--team", action="append", default=[], metavar="TEAM",
                   help="team id or unique team name; repeat for more teams")
    p.add_argument("--role", default="social_worker",
                   choices=["social_worker", "coordinator", "admin"])
    p = action("add-member", "make an existing user a member of more teams")
    p.add_argument("email")
    p.add_argument("--team", action="append", required=True, metavar="TEAM")
    p = action("invite", "print a one-time enrolment code for a user's device")
    p.add_argument("email")
    p.add_argument("--days", type=int, default=7, help="days the code stays valid (default 7)")
    action("list-teams", "list teams")
    action("list-users", "list users and their teams")
    action("list-devices", "list enrolled devices")
    p = action("revoke-device", "revoke a device: its next request gets 401")
    p.add_argument("device_id", metavar="ID")
    p = action("erase-youngster", "erase a youngster's data everywhere (right to be forgotten)")
    p.add_argument("youngster_id", metavar="ID")
    action("list-purges", "list erasures and the devices that confirmed them")
    action("new-epoch", "start a new dataset epoch (run after restoring a backup)")
    p = action("audit", "print the audit trail (oldest first), devices' entries included")
    p.add_argument("--limit", type=int, default=100, help="the last N entries (default 100)")
    p.add_argument("--record", metavar="ID", help="only entries about this record id")
    p.add_argument("--device", metavar="ID", help="only entries of (or about) this device")
    p = action("set-retention", "set how many months after exit a youngster's data is kept")
    p.add_argument("months", type=int, metavar="MONTHS")
    p = action("set-org-key", "store the organisation's RSA public key (PEM, >= 3072 bits)")
    p.add_argument("public_key", metavar="PUBLIC.pem")
    p.add_argument("--replace-unsigned", action="store_true",
                   help="replace a different key without a signature (only when the old "
                        "private key is lost: every enrolled laptop refuses the new key "
                        "until it enrols again)")
    p = action("rotate-org-key",
               "replace the organisation key by a new one signed with the old private key "
               "(laptops refuse a new key that is not signed)")
    p.add_argument("--old-private-key", metavar="OLD-PRIVATE.pem",
                   help="the current key's private key, to sign with (keep it offline: "
                        "with --out nothing touches the database)")
    p.add_argument("--new-public-key", metavar="NEW-PUBLIC.pem",
                   help="the new public key (from admin org-keygen)")
    p.add_argument("--out", metavar="ROTATION.json",
                   help="only write the signed rotation to this file (offline)")
    p.add_argument("--rotation", metavar="ROTATION.json",
                   help="store a rotation signed offline with --out")
    p = action("org-keygen", "generate the organisation's key pair (run offline)")
    p.add_argument("--private-out", required=True, metavar="PATH")
    p.add_argument("--public-out", required=True, metavar="PATH")
    p.add_argument("--bits", type=int, default=4096, choices=[3072, 4096])
    p = action("recover-vault", "re-open a vault with the organisation's private key (offline; "
                                "new passphrase from $JOINUS_NEW_PASSPHRASE or a prompt)")
    p.add_argument("keyfile", metavar="KEYFILE")
    p.add_argument("--private-key", required=True, metavar="PEM")
    action("retention-due", "list exited youngsters whose retention period has passed")
    p = action("erasure-receipt", "how a youngster was erased, and which devices confirmed it")
    p.add_argument("youngster_id", metavar="YOUNGSTER_ID")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        return _admin(args)
    except _Usage as exc:
        return _fail(f"{exc} (see --help)", 2)
    except (_Failure, AdminError, StorageUnavailable) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        return _fail(_describe(exc))


def _fail(message: str, status: int = 1) -> int:
    print(f"{PROG}: error: {shown(message)}", file=sys.stderr)
    return status


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())  # database messages span lines
    if type(exc).__name__ in ("IntegrityError", "UniqueViolation"):
        return f"the database refused the change (a duplicate?): {text}"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _open(args: argparse.Namespace) -> Any:
    from .storage import StorageError, open_storage

    url = database_url(getattr(args, "database", None))
    try:
        return open_storage(url)
    except StorageError as exc:
        raise _Failure(str(exc)) from exc
    except StorageUnavailable as exc:
        raise _Failure(f"{exc}") from exc
    except OSError as exc:
        raise _Failure(f"cannot open {redact(url)}: {exc.strerror or exc}") from exc


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .logging_setup import uvicorn_log_config

    url = database_url(getattr(args, "database", None))
    if args.workers < 1:
        raise _Failure("--workers must be at least 1")
    if args.workers > 1 and url.startswith("sqlite"):
        raise _Failure("several workers need PostgreSQL; SQLite serves one worker")
    if (args.tls_cert is None) != (args.tls_key is None):
        raise _Failure("--tls-cert and --tls-key go together")
    for name in (args.tls_cert, args.tls_key):
        if name is not None:
            _read_file(name)  # one clear line now, rather than a traceback from uvicorn
    try:
        enrol_limit()
    except ValueError as exc:
        raise _Failure(str(exc)) from None
    _open(args).close()  # migrate once, and fail here with one line if the database is wrong
    os.environ[ENV_DATABASE] = url  # each worker opens its own connections from this
    config = uvicorn_log_config(args.log_level.upper(), access_log=not args.no_access_log)
    logging.config.dictConfig(config)
    logging.getLogger("joinus_server").info("database %s", redact(url))
    uvicorn.run("joinus_server.app:app_from_environment", factory=True, host=args.host,
                port=args.port, workers=args.workers, log_config=config,
                log_level=args.log_level, access_log=not args.no_access_log,
                ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key,
                server_header=False, proxy_headers=True,
                # Longer than nginx's upstream keepalive_timeout (60 s): a proxy or client
                # reusing a connection the server just closed sees a reset (a 502 at nginx).
                timeout_keep_alive=KEEP_ALIVE_S)
    return 0


def _offline(args: argparse.Namespace) -> Any:
    """Commands that never touch the database (run on the organisation's offline machine)."""
    from pathlib import Path

    from . import orgkeys

    if args.action == "rotate-org-key":
        rotation = orgkeys.sign_rotation(Path(args.old_private_key), Path(args.new_public_key))
        return orgkeys.write_rotation(Path(args.out), rotation)
    if args.action == "org-keygen":
        result = orgkeys.generate(Path(args.private_out), Path(args.public_out), bits=args.bits)
        print(f"WARNING: {orgkeys.PRIVATE_KEY_WARNING}", file=sys.stderr)
        return result
    return orgkeys.recover(Path(args.keyfile), Path(args.private_key), _new_passphrase())


def _new_passphrase() -> str:
    passphrase = os.environ.get(ENV_NEW_PASSPHRASE)
    if passphrase is not None:
        return passphrase
    if not sys.stdin.isatty():
        raise _Failure(f"no new passphrase: set {ENV_NEW_PASSPHRASE} or run in a terminal")
    first = getpass.getpass("New passphrase for the vault: ")
    if getpass.getpass("Type it again: ") != first:
        raise _Failure("the two passphrases differ")
    return first


def _read_file(name: str) -> bytes:
    try:
        with open(name, "rb") as handle:
            return handle.read(1 << 20)
    except OSError as exc:
        raise _Failure(f"cannot read {name}: {exc.strerror or exc}") from exc


def _admin(args: argparse.Namespace) -> int:
    from . import admin, erasure, organisation

    as_json = getattr(args, "json", False)
    actor = f"admin:{_os_user()}"
    rotation = _rotation(args) if args.action == "rotate-org-key" else None
    if args.action in OFFLINE_ACTIONS or (args.action == "rotate-org-key" and args.out):
        result = _offline(args)
        _print(args.action, result, as_json=as_json)
        return 0
    pem = _read_file(args.public_key) if args.action == "set-org-key" else b""
    storage = _open(args)
    try:
        handlers: dict[str, Callable[[], Any]] = {
            "create-team": lambda: admin.create_team(storage, args.name, args.municipality,
                                                     age_group=args.age_group, actor=actor),
            "create-user": lambda: admin.create_user(storage, args.email, args.name, args.team,
                                                     args.role, actor=actor),
            "add-member": lambda: admin.add_member(storage, args.email, args.team, actor=actor),
            "invite": lambda: admin.invite(storage, args.email, days=args.days, actor=actor),
            "list-teams": lambda: admin.list_teams(storage),
            "list-users": lambda: admin.list_users(storage),
            "list-devices": lambda: admin.list_devices(storage),
            "revoke-device": lambda: admin.revoke_device(storage, args.device_id, actor=actor),
            "erase-youngster": lambda: erasure.erase_youngster(storage, args.youngster_id,
                                                               actor=actor),
            "list-purges": lambda: admin.list_purges(storage),
            "new-epoch": lambda: admin.new_epoch(storage, actor=actor),
            "audit": lambda: admin.audit_trail(storage, limit=args.limit,
                                               record_id=args.record, device_id=args.device),
            "set-retention": lambda: organisation.set_retention(storage, args.months,
                                                                actor=actor),
            "set-org-key": lambda: organisation.set_org_key(
                storage, pem, actor=actor, replace_unsigned=args.replace_unsigned),
            "rotate-org-key": lambda: organisation.rotate_org_key(storage, rotation or {},
                                                                  actor=actor),
            "retention-due": lambda: organisation.retention_due(storage, None),
            "erasure-receipt": lambda: organisation.erasure_receipt(storage, args.youngster_id),
        }
        result = handlers[args.action]()
    finally:
        storage.close()
    _print(args.action, result, as_json=as_json)
    return 0


def _rotation(args: argparse.Namespace) -> dict[str, str] | None:
    """The signed rotation ``rotate-org-key`` stores (None with --out: signing only)."""
    from pathlib import Path

    from . import orgkeys

    signing = args.old_private_key is not None or args.new_public_key is not None
    if args.rotation is not None:
        if signing or args.out:
            raise _Usage("give either --rotation, or --old-private-key with "
                           "--new-public-key (and --out to sign offline)")
        return orgkeys.read_rotation(Path(args.rotation))
    if args.old_private_key is None or args.new_public_key is None:
        raise _Usage("give --old-private-key and --new-public-key (with --out to sign "
                       "offline), or --rotation with a rotation signed offline")
    if args.out:
        return None
    return orgkeys.sign_rotation(Path(args.old_private_key), Path(args.new_public_key))


def _print(action: str, result: Any, *, as_json: bool) -> None:
    """The result on stdout, every control or bidi character in it escaped (names and
    ids a device chose are printed here: they must not rewrite the terminal)."""
    if as_json:
        print(json_shown(json.dumps(result, indent=2, ensure_ascii=False)))
    else:
        print(shown(_human(action, result), keep_newlines=True))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _human(action: str, result: Any) -> str:
    """Plain text for people at a terminal (scripts use --json)."""
    if action == "create-team":
        return f"Created team {result['name']} ({result['municipality']}): {result['id']}"
    if action == "create-user":
        teams = ", ".join(t["name"] for t in result["teams"]) or "no teams"
        return f"Created {result['role']} {result['email']} ({teams}): {result['id']}"
    if action == "add-member":
        return f"{result['email']} is now a member of {len(result['teams'])} team(s)"
    if action == "invite":
        return (f"Enrolment code for {result['email']}: {result['code']}\n"
                f"Valid once, until {result['expires_at']}. It is not stored: copy it now.")
    if action == "revoke-device":
        state = "was already revoked" if result["already_revoked"] else "is revoked"
        return f"Device {result['id']} {state}; its next request gets 401."
    if action == "erase-youngster":
        return (f"Erased youngster {result['youngster_id']}: {result['records_erased']} records, "
                f"{result['log_entries_erased']} log entries. Purge event at cursor "
                f"{result['purge_cursor']}.")
    if action == "new-epoch":
        return (f"New dataset epoch {result['epoch']} (was {result['previous']}). Devices will "
                "re-send what they pushed and pull again from the start.")
    if action == "set-retention":
        return (f"Retention period: {result['retention_months']} months after exit "
                f"(was {result['previous']}).")
    if action == "set-org-key":
        return (f"Organisation public key stored ({result['bits']} bits, fingerprint "
                f"{result['fingerprint']}). Devices receive it with their settings.")
    if action == "rotate-org-key" and "rotation" in result:
        return (f"Signed rotation written to {result['rotation']}:\n"
                f"  from {result['previous_fingerprint']}\n"
                f"  to   {result['fingerprint']}\n"
                f"Store it on the server: joinus-server admin rotate-org-key "
                f"--rotation {result['rotation']}")
    if action == "rotate-org-key":
        return (f"Organisation key rotated to {result['fingerprint']} (signed by "
                f"{result['previous_fingerprint']}). Laptops re-wrap their vault key to it "
                "at their next sync; keep the old private key until they all have.")
    if action == "org-keygen":
        return (f"Private key: {result['private_key']} (mode 600)\n"
                f"Public key:  {result['public_key']}\n"
                f"Fingerprint: {result['fingerprint']}\n"
                f"Give the server the public key: joinus-server admin set-org-key "
                f"{result['public_key']}")
    if action == "recover-vault":
        return (f"Recovered vault {result['vault_id']}: it opens with the new passphrase. "
                "Ask its user to change the passphrase at once.")
    if action == "erasure-receipt":
        return _receipt(result)
    rows: list[dict[str, Any]] = result
    if not rows:
        return "(none)"
    columns = {
        "list-teams": ["id", "name", "municipality", "members"],
        "list-users": ["id", "email", "name", "role", "teams"],
        "list-devices": ["id", "user", "name", "enrolled_at", "last_seen_at", "revoked_at"],
        "list-purges": ["purge_cursor", "youngster_id", "records_erased", "erased_at",
                        "confirmed_by"],
        "audit": ["at", "source", "device_id", "actor", "action", "detail"],
        "retention-due": ["erase_after", "exit_date", "team_id", "youngster_id"],
    }[action]
    return "\n".join(_table(rows, columns))


def _receipt(r: dict[str, Any]) -> str:
    how = f"by device {r['device_id']}" if r["how"] == "device" else f"by {r['erased_by']}"
    lines = [f"Youngster {r['youngster_id']} (team {r['team_id']}) was erased {r['erased_at']} "
             f"{how}: {r['records_erased']} records on the server"
             + ("" if r["held_by_server"] else " (the server never held this youngster)")
             + f"; purge event at cursor {r['purge_cursor']}."]
    devices = r["devices"]
    if not devices:
        lines.append("The team has no active devices.")
    else:
        done = sum(d["confirmed"] for d in devices)
        lines.append(f"{done} of {len(devices)} active devices of the team confirmed the purge:")
        rows = [{**d, "confirmed": "yes" if d["confirmed"] else "NO"} for d in devices]
        lines += _table(rows, ["device_id", "user", "name", "confirmed", "confirmed_at",
                               "last_seen_at"])
    for other in r.get("other_teams", []):
        devices = other["devices"]
        done = sum(d["confirmed"] for d in devices)
        lines.append(f"Team {other['team_id']} held {other['records_erased']} records naming "
                     f"the youngster; purge event at cursor {other['purge_cursor']}; {done} of "
                     f"{len(devices)} active devices of that team confirmed it.")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return str(len(value)) if value and isinstance(value[0], dict) \
            else shown(",".join(value))
    if isinstance(value, dict):
        return shown(json.dumps(value, sort_keys=True))
    return shown(str(value))


def _table(rows: list[dict[str, Any]], columns: list[str]) -> list[str]:
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    line = "  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True))
    return [line.rstrip()] + ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True))
                              .rstrip() for r in cells]


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
