"""Issue 12, findings 7 and 8 in the window: an http:// server address is refused in the
enrolment dialog, and a refused organisation key is shown in the sync status."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from joinus_desktop.store.store import Store
from joinus_desktop.sync.engine import SyncEngine, enroll
from joinus_desktop.ui import tasks
from joinus_desktop.ui.i18n import set_language
from joinus_desktop.ui.sync.enroll import EnrollDialog
from joinus_desktop.ui.sync.service import SyncService
from joinus_desktop.ui.sync.status import SyncStatusWidget
from tests.server.keys import keypair
from tests.support.server_process import ensure_team, run_admin, server_factory  # noqa: F401


@pytest.fixture
def server(server_factory, tmp_path: Path):  # noqa: ANN001, ANN201, F811
    return server_factory(f"sqlite:///{tmp_path / 'server.db'}")


@pytest.mark.parametrize("lang,words", [("en", "Use the server's https:// address"),
                                        ("nl", "Gebruik het https://-adres van de server")])
def test_the_dialog_refuses_plain_http_before_sending_the_code(
        qtbot, demo_store: Store, monkeypatch: pytest.MonkeyPatch, lang: str,  # noqa: ANN001
        words: str) -> None:
    sent: list[httpx.Request] = []
    monkeypatch.setattr(httpx.Client, "send", lambda self, request, **kw: sent.append(request))
    set_language(lang)
    dialog = EnrollDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.url.setText("http://joinus.example.org")
    dialog.code.setText("K7M2-Q9XP")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert words in dialog.message.text()
    tasks.wait_for_idle()
    assert dialog.answer is None and sent == [] and not demo_store.sync.enrolled
    assert dialog.buttons.isEnabled()  # the user can correct the address


def test_a_refused_organisation_key_is_shown_in_the_sync_status(
        qtbot, demo_store: Store, server, tmp_path: Path) -> None:  # noqa: ANN001
    _, org_public = keypair()
    _, mallory_public = keypair("mallory")
    (tmp_path / "org.pub").write_bytes(org_public)
    (tmp_path / "mallory.pub").write_bytes(mallory_public)
    run_admin(server.database_url, "set-org-key", str(tmp_path / "org.pub"))
    team = ensure_team(server.database_url, "Join Us Oost")
    run_admin(server.database_url, "create-user", "ui@example.org", "--name", "Uma", "--team",
              team)
    enroll(demo_store, server.url, run_admin(server.database_url, "invite",
                                             "ui@example.org")["code"])
    engine = SyncEngine(demo_store)
    try:
        engine.run()
    finally:
        engine.close()
    run_admin(server.database_url, "set-org-key", str(tmp_path / "mallory.pub"),
              "--replace-unsigned")

    service = SyncService(demo_store)
    widget = SyncStatusWidget(service)
    qtbot.addWidget(widget)
    service.start()
    qtbot.waitUntil(lambda: service.status.state == "online", timeout=60_000)
    tasks.wait_for_idle()
    qtbot.waitUntil(lambda: service.status.org_key_refused, timeout=10_000)
    assert "new organisation key refused" in widget.text.text()
    assert "Online" in widget.text.text()  # the records keep syncing
    assert "not signed by the key this laptop received at enrolment" in widget.text.toolTip()
    set_language("nl")
    widget.update_status()
    assert "nieuwe organisatiesleutel geweigerd" in widget.text.text()
    service.stop()


def test_an_untrusted_certificate_is_explained_in_the_dialog(
        qtbot, demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from tests.support.postgres import free_port
    from tests.support.tls_server import TlsServer, make_authority

    for name in ("JOINUS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    authority = make_authority(tmp_path)
    server = TlsServer(f"sqlite:///{tmp_path / 'tls.db'}", free_port(), tmp_path / "tls.log",
                       ("--tls-cert", str(authority.cert_pem), "--tls-key",
                        str(authority.key_pem)), ca_pem=authority.ca_pem).start()
    try:
        dialog = EnrollDialog(demo_store)
        qtbot.addWidget(dialog)
        dialog.url.setText(server.url)
        dialog.code.setText("K7M2-Q9XP")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=20_000)
        assert "certificate is not trusted, so nothing was sent" in dialog.message.text()
        assert "JOINUS_CA_BUNDLE" in dialog.message.text()
        assert dialog.answer is None and not demo_store.sync.enrolled
    finally:
        server.stop()
