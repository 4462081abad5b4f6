"""``joinus-desktop``: the GUI with no arguments, subcommands for administrators and scripts.

Every subcommand honours ``--data-dir`` (else ``$JOINUS_DATA_DIR``, else the
platform's user data folder) and reads secrets from a prompt or, for scripts,
from ``JOINUS_PASSPHRASE`` / ``JOINUS_NEW_PASSPHRASE`` / ``JOINUS_RECOVERY_KEY``.
A user error ends with one clear line on stderr and a non-zero status, never a
traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .paths import resolve_data_dir

ENV_PASSPHRASE = "JOINUS_PASSPHRASE"
ENV_NEW_PASSPHRASE = "JOINUS_NEW_PASSPHRASE"
ENV_RECOVERY_KEY = "JOINUS_RECOVERY_KEY"

EXIT_OK = 0
EXIT_ERROR = 1


class UserError(Exception):
    """Something the person running the command can fix; shown as one line."""


def _secret(env: str, prompt: str, *, confirm: bool = False, new: bool = False) -> str:
    """A secret from ``env`` or a prompt; a ``new`` passphrase must meet the rule (checked
    before it is typed again, so a weak one is not typed twice for nothing)."""
    value = os.environ.get(env)
    if value is None:
        if not sys.stdin.isatty():
            raise UserError(f"{prompt.rstrip(': ')} needed: set {env} or run in a terminal.")
        value = getpass.getpass(prompt)
    else:
        confirm = False
    if new:
        from .store.passphrase_policy import rate

        rating = rate(value)
        if not rating.acceptable:
            raise UserError(f"{rating.english()} Nothing was changed.")
    if confirm and getpass.getpass("Type it again: ") != value:
        raise UserError("The two entries differ; nothing was changed.")
    return value


def _wait_for_backoff(root: Path) -> None:
    """After 5 wrong tries the next one must wait: refuse at once, saying how long, rather
    than ask for a passphrase that cannot be tried yet (the store checks again)."""
    from .store.unlock_attempts import UnlockThrottle
    from .store.vault import VaultPaths

    UnlockThrottle(VaultPaths(root).unlock_attempts).check()


def _open_store(args: argparse.Namespace):  # -> Store; imported lazily to keep --help fast
    from .store.store import Store

    root = resolve_data_dir(args.data_dir)
    _wait_for_backoff(root)
    return Store.open(root, _secret(ENV_PASSPHRASE, "Passphrase: "))


def cmd_init(args: argparse.Namespace) -> int:
    from .store.store import Store

    root = resolve_data_dir(args.data_dir)
    from .store.vault import VaultPaths

    if VaultPaths(root).exists():
        raise UserError(f"A vault already exists in {root}.")
    passphrase = _secret(ENV_PASSPHRASE, "New passphrase: ", confirm=True, new=True)
    store, recovery = Store.create(root, passphrase)
    store.lock()
    print(f"Created an encrypted vault in {root}.")
    print()
    print("Your recovery key (shown only this once; write it down and keep it safe):")
    print()
    print(f"    {recovery}")
    print()
    print("With it you can open the vault and set a new passphrase if you forget yours.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import fill_demo
    from .store.store import Store
    from .store.vault import VaultPaths

    root = resolve_data_dir(args.data_dir)
    if VaultPaths(root).exists():
        _wait_for_backoff(root)
    passphrase = _secret(ENV_PASSPHRASE, "Passphrase: ")
    if VaultPaths(root).exists():
        store = Store.open(root, passphrase)
        recovery = None
    else:
        store, recovery = Store.create(root, passphrase)
    with store:
        summary = fill_demo(store, seed=args.seed, size=args.size)
    if recovery:
        print(f"Created an encrypted vault in {root}. Recovery key: {recovery}")
    print(f"Demo data added: {summary.youngsters} youngsters, {summary.meetings} meetings, "
          f"{summary.observations} observations, {summary.challenges} challenges, "
          f"{summary.responses} questionnaires.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .store.exchange import EXPORT_WARNING, export_file

    target = Path(args.file)
    if target.exists() and not args.force:
        raise UserError(f"{target} already exists; pass --force to overwrite it.")
    print(f"Warning: {EXPORT_WARNING}", file=sys.stderr)
    with _open_store(args) as store:
        counts = export_file(store, target)
    print(f"Exported {sum(counts.values())} records to {target}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from .store.exchange import import_file

    with _open_store(args) as store:
        result = import_file(store, Path(args.file))
    print(f"Imported {args.file}: {result['added']} added, {result['updated']} updated, "
          f"{result['unchanged']} unchanged.")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        new = _secret(ENV_NEW_PASSPHRASE, "New passphrase: ", confirm=True, new=True)
        store.vault.change_passphrase(new)
    print("Passphrase changed. The recovery key stays the same.")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from .store.store import Store
    from .store.vault import Vault

    root = resolve_data_dir(args.data_dir)
    _wait_for_backoff(root)  # wrong recovery keys count in the same row
    recovery = _secret(ENV_RECOVERY_KEY, "Recovery key: ")
    new = _secret(ENV_NEW_PASSPHRASE, "New passphrase: ", confirm=True, new=True)
    vault = Vault.recover(root, recovery, new)
    with Store(vault) as store:
        store.audit.record("recover")
    print("Vault recovered: the new passphrase is set. The recovery key stays valid.")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        from .store.org_key_pin import PIN_META, REFUSED_META

        info = {"data_dir": str(store.vault.paths.root), "app_version": __version__,
                **store.diagnostics(),
                # to compare with the fingerprint `joinus-server admin set-org-key` printed
                "organisation_key": {"pinned": store.meta(PIN_META),
                                     "refused": store.meta(REFUSED_META)}}
    print(json.dumps(info, indent=2))
    return EXIT_OK


def _refuse_insecure(url: str | None) -> None:
    """Before the passphrase prompt and before anything is sent (the code is a secret)."""
    from .sync.tls import insecure_reason

    reason = insecure_reason(url) if url is not None else None
    if reason is not None:
        raise UserError(reason)


def _warn_org_key(store) -> None:  # noqa: ANN001 - Store, imported lazily
    """Tell the user the server offers an organisation key this laptop refused."""
    from .store.org_key_pin import pinned_key, refused_key

    refused = refused_key(store)
    if refused:
        print(f"WARNING: the organisation server offers a new organisation key "
              f"({refused[:16]}…) that is not signed by the key this laptop trusts "
              f"({pinned_key(store)[:16]}…). It was refused: the vault stays wrapped to the "
              "trusted key only. Tell your coordinator; if the organisation really replaced "
              "its key without signing it, enrol again with a new code.", file=sys.stderr)


def cmd_enroll(args: argparse.Namespace) -> int:
    from .sync.engine import SyncEngine, enroll

    _refuse_insecure(args.server)
    with _open_store(args) as store:
        if store.sync.enrolled and not args.force:
            raise UserError("This vault is already enrolled; pass --force to enrol it again.")
        answer = enroll(store, args.server, args.code, device_name=args.device_name)
        teams = ", ".join(t["name"] for t in answer.get("teams", [])) or "no teams yet"
        print(f"Enrolled as {answer['user'].get('name') or answer['user'].get('email')} "
              f"for {teams}.")
        engine = SyncEngine(store)
        try:
            report = engine.run()
        finally:
            engine.close()
        print(f"First sync: {report.summary()}.")
        _warn_org_key(store)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from .sync.engine import SyncEngine

    _refuse_insecure(args.server)
    with _open_store(args) as store:
        quarantined = store.sync.quarantined()
        refused_before = quarantined[-1]["seq"] if quarantined else 0
        engine = SyncEngine(store, server_url=args.server)
        try:
            report = engine.run()
        finally:
            engine.close()
        waiting = store.pending_changes()
        _warn_org_key(store)
        clock_ahead = sum(r["code"] == "clock_ahead" for r in store.sync.quarantined()
                          if r["seq"] > refused_before)
    print(f"Synced: {report.summary()}."
          + (f" {waiting} change(s) still waiting." if waiting else ""))
    if clock_ahead:
        print(f"{clock_ahead} change(s) were refused because this laptop's clock was ahead "
              "of the organisation server's when they were made. Set this laptop's date and "
              "time correctly, then choose Try again in the app's sync review.", file=sys.stderr)
    if report.rejected > clock_ahead:
        print(f"{report.rejected - clock_ahead} change(s) were refused by the server and are "
              "kept aside; open the app to review them.", file=sys.stderr)
    if report.not_stored:
        print(f"{report.not_stored} entry(ies) from the server could not be stored on this "
              "laptop and are kept aside (the rest was synced); open the app's sync review "
              "to see which and why.", file=sys.stderr)
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from .ui.app import run
    except ImportError as exc:  # pragma: no cover - depends on the installed Qt
        raise UserError(f"The desktop window cannot start: {exc}.") from None
    return run(data_dir=args.data_dir)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="joinus-desktop",
        description="Join Us Desktop: record group meetings in an encrypted vault. "
                    "Without a command it opens the window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (temporary demo vault, "
                             "window, chart) and exit; non-zero if anything is missing")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="profile folder holding the vault (default: $JOINUS_DATA_DIR or "
                             "the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add("init", cmd_init, "create a vault and print the recovery key once")
    demo = add("demo", cmd_demo, "fill a vault (created if missing) with realistic demo data")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--size", choices=("small", "large"), default="small",
                      help="small: one group; large: 1,000 youngsters (for benchmarks)")
    export = add("export", cmd_export, "write all vault content to an (unencrypted) JSON file")
    export.add_argument("file", metavar="FILE.json")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    imp = add("import", cmd_import, "add the content of an export file to the vault")
    imp.add_argument("file", metavar="FILE.json")
    add("change-passphrase", cmd_change_passphrase, "set a new passphrase (re-wraps the key)")
    add("recover", cmd_recover, "open the vault with the recovery key and set a new passphrase")
    add("info", cmd_info, "print diagnostics (versions, cipher, pending changes)")
    enroll_cmd = add("enroll", cmd_enroll,
                     "connect this vault to the organisation server with a one-time code")
    enroll_cmd.add_argument("--server", required=True, metavar="URL",
                            help="the organisation server, e.g. https://joinus.example.nl")
    enroll_cmd.add_argument("--code", required=True, help="the enrolment code from your "
                                                          "coordinator")
    enroll_cmd.add_argument("--device-name", help="how this laptop is listed (default: its "
                                                  "host name)")
    enroll_cmd.add_argument("--force", action="store_true", help="enrol again")
    sync_cmd = add("sync", cmd_sync, "one sync run: push local changes, pull the team's")
    sync_cmd.add_argument("--server", metavar="URL",
                          help="reach the same server at another address for this run")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .store.errors import StoreError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from .selftest import run as self_test

        return self_test()
    func = getattr(args, "func", cmd_gui)
    from .domain.hlc import ClockError
    from .sync.errors import SyncError

    try:
        return func(args)
    except SyncError as exc:
        if exc.code == "too_many_attempts":
            # Said in both languages: the CLI has no language setting of its own.
            wait = exc.wait_minutes
            print(f"joinus-desktop: enrolment refused: {exc.message}\n"
                  f"joinus-desktop: koppelen geweigerd: er zijn vanaf dit netwerk te veel "
                  f"foute codes geprobeerd. Wacht {wait} {'minuut' if wait == 1 else 'minuten'}"
                  f" en probeer het opnieuw; werkt je code dan nog niet, vraag je coördinator "
                  f"om een nieuwe.", file=sys.stderr)
            return EXIT_ERROR
        failed = "enrolment failed" if func is cmd_enroll else "sync failed"
        print(f"joinus-desktop: {failed}: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except ClockError as exc:
        print(f"joinus-desktop: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (UserError, StoreError) as exc:
        print(f"joinus-desktop: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"joinus-desktop: error: {exc.strerror or exc}"
              f"{f' ({exc.filename})' if exc.filename else ''}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("joinus-desktop: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, never a traceback
        # Its type only (its message may quote content); a non-zero status. Nothing
        # half-written was kept: every write is one transaction.
        print(f"joinus-desktop: error: something unexpected went wrong "
              f"({type(exc).__name__}); nothing half-written was kept.", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
