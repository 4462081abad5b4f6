"""Transport security: which server addresses the laptop talks to, and whose certificates
it trusts.

The enrolment code, the device token and every record travel to the server, so the
laptop speaks only HTTPS, with certificate verification always on. Plain ``http://`` is
allowed to this machine alone (127.0.0.0/8, ::1, ``localhost``): a test server, or a
TLS-terminating tunnel that listens on loopback.

An organisation whose server certificate comes from its own certificate authority sets
``JOINUS_CA_BUNDLE`` to a PEM file (or a folder of hashed certificates, as made by
``openssl rehash``) holding that CA; it then replaces the public CAs the laptop trusts.
See docs/install.md, "The server's certificate".
"""

from __future__ import annotations

import ipaddress
import os
import ssl
from pathlib import Path
from urllib.parse import urlsplit

from .errors import SyncError

ENV_CA_BUNDLE = "JOINUS_CA_BUNDLE"


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    host = host.lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def insecure_reason(url: str) -> str | None:
    """Why the laptop refuses to talk to ``url`` (English, for the CLI and the log), or None.

    The window words the same refusal itself (in Dutch or English), from ``allowed``.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return f"{url!r} is not a server address; it should look like https://joinus.example.nl"
    if parts.scheme in ("http", "https") and not host:
        return f"The server address {url!r} has no host name; it should look like " \
               "https://joinus.example.nl."
    if parts.username is not None or parts.password is not None:
        # A user name or password in the address would go out as Basic auth, in place
        # of the laptop's token (and land in logs): the laptop authenticates by token.
        return f"The server address must not contain a user name or password; use " \
               f"https://{host}{f':{parts.port}' if parts.port else ''}{parts.path}."
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and is_loopback_host(host):
        return None
    if parts.scheme == "http":
        return (f"The server address {url} uses plain http://, which sends the enrolment code, "
                "the token and every record unencrypted. Use the server's https:// address "
                "(http:// is allowed only to this computer: localhost, 127.0.0.1, ::1).")
    return f"The server address must start with https:// (e.g. https://joinus.example.nl), " \
           f"not {url!r}."


def allowed(url: str) -> bool:
    return insecure_reason(url) is None


def check_server_url(url: str) -> None:
    reason = insecure_reason(url)
    if reason is not None:
        raise SyncError("insecure", reason, code="insecure_url")


def verify_setting() -> ssl.SSLContext | bool:
    """What httpx verifies certificates with: ``True`` (its default CAs) or a context
    from ``JOINUS_CA_BUNDLE``. Never False: verification cannot be turned off."""
    bundle = os.environ.get(ENV_CA_BUNDLE, "").strip()
    if not bundle:
        return True
    path = Path(bundle).expanduser()
    try:
        if path.is_dir():
            return ssl.create_default_context(capath=str(path))
        return ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        raise SyncError("insecure", f"{ENV_CA_BUNDLE} names {bundle}, which cannot be read as "
                                    f"a PEM file of certificates ({exc.__class__.__name__}: "
                                    f"{getattr(exc, 'strerror', None) or exc}).",
                        code="ca_bundle") from None


def certificate_problem(exc: BaseException) -> str | None:
    """The certificate verification failure behind a transport error, if that is what it is."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return current.verify_message or str(current)
        current = current.__cause__ or current.__context__
    return None
