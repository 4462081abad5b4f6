"""The organisation key this laptop trusts, and which key its vault is wrapped to.

Whoever controls the server must not be able to make a laptop wrap its vault key
to a key of their own (they could then open a stolen vault). So the laptop pins
the key's fingerprint at enrolment and afterwards wraps only to that key, or to a
key reached from it through rotations signed by the organisation
(:mod:`.org_key_rotation`).

The pin lives in the vault's own metadata (``vault_meta``, inside the SQLCipher
database): only this laptop's code writes it, no synced record or server answer
ever does, and it cannot be read or edited without the vault key.

The rules (docs/protocol.md, "Organisation key pinning"):

* Enrolment pins the key the server presents then (trust on first use), or pins
  "no key" when it presents none. Enrolling again (a new code from the
  administrator) pins again.
* "No key" is a pin too: a key that appears later is refused, like any unsigned
  replacement. A laptop enrolled before the organisation set its key gets the
  organisation wrap by enrolling again.
* A vault enrolled before pinning existed pins the key its organisation slot is
  wrapped to (it trusted that key already), else "no key".
* A refused key changes nothing: the vault stays wrapped to the pinned key, and
  the refusal is remembered (:func:`refused_key`) so that the window and the CLI
  can tell the user until it is resolved.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from .errors import StoreError
from .org_key_rotation import follow_chain
from .org_recovery import SLOT, fingerprint, load_public_key

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)

PIN_META = "org_key.pin"
REFUSED_META = "org_key.refused"
NO_KEY = "none"

Outcome = Literal["no_key", "unusable", "pinned", "rotated", "refused"]


def _fingerprint(public_pem: object) -> str | None:
    """The fingerprint of a usable key; None for no key or one that cannot be used."""
    if not isinstance(public_pem, str) or not public_pem.strip():
        return None
    return fingerprint(load_public_key(public_pem.encode("ascii", "replace")))


def pin_at_enrolment(store: Store, public_pem: object) -> str:
    """Trust on first use: pin the key the server presents at enrolment (or "no key")."""
    try:
        pin = _fingerprint(public_pem) or NO_KEY
    except StoreError as exc:  # a key the laptop cannot use is no key at all
        log.warning("organisation key at enrolment not usable: %s", exc)
        pin = NO_KEY
    with store.db.write():
        store.set_meta(PIN_META, pin)
        store.set_meta(REFUSED_META, None)
    return pin


def pinned_key(store: Store) -> str:
    """The pinned fingerprint, or NO_KEY; a vault enrolled before pinning gets its pin."""
    pin = store.meta(PIN_META)
    if pin:
        return pin
    slot = store.vault.keyfile.slots.get(SLOT) or {}
    pin = slot.get("key_id") if isinstance(slot.get("key_id"), str) else None
    pin = pin or NO_KEY
    store.set_meta(PIN_META, pin)
    return pin


def refused_key(store: Store) -> str | None:
    """The fingerprint of the last key the laptop refused, while it is still offered."""
    return store.meta(REFUSED_META)


def apply_server_key(store: Store, public_pem: object, rotations: object) -> Outcome:
    """Wrap the vault to the server's key if the pin trusts it; else refuse and remember."""
    try:
        offered = _fingerprint(public_pem)
    except StoreError as exc:
        # A bad key on the server must not stop sync; the vault keeps its other wraps.
        log.warning("organisation key not used: %s", exc)
        return "unusable"
    if offered is None:
        _clear_refusal(store)  # nothing to wrap to: the current wrap (if any) stays
        return "no_key"
    pin = pinned_key(store)
    if offered == pin:
        if not _wrap(store, public_pem, offered):
            return "unusable"
        _clear_refusal(store)
        return "pinned"
    chain = None if pin == NO_KEY else follow_chain(pin, offered, rotations)
    if chain is None:
        if store.meta(REFUSED_META) != offered:
            log.warning("organisation key %s refused: not signed by the pinned key %s",
                        offered[:12], pin[:12])
        store.set_meta(REFUSED_META, offered)
        return "refused"
    # Wrap first, then move the pin: a crash in between repeats the (still valid) step.
    if not _wrap(store, chain[-1].public_pem.decode("ascii"), offered):
        return "unusable"  # the pin stays: the next sync tries the same step again
    with store.db.write():
        store.set_meta(PIN_META, offered)
        store.set_meta(REFUSED_META, None)
    log.info("organisation key rotated from %s to %s (%d signed step(s))", pin[:12],
             offered[:12], len(chain))
    return "rotated"


def _clear_refusal(store: Store) -> None:
    if store.meta(REFUSED_META) is not None:  # no write on every sync
        store.set_meta(REFUSED_META, None)


def _wrap(store: Store, public_pem: object, key_id: str) -> bool:
    """Wrap the vault key to ``key_id`` unless it is already; False if that failed."""
    slot = store.vault.keyfile.slots.get(SLOT) or {}
    if slot.get("key_id") == key_id:
        return True
    assert isinstance(public_pem, str)
    try:
        store.vault.wrap_for_organisation(public_pem.encode("ascii"))
    except StoreError as exc:
        # Must not stop sync; the vault keeps its other wraps (and its current one).
        log.warning("vault key not wrapped to the organisation's key %s: %s", key_id[:12], exc)
        return False
    log.info("vault key wrapped to the organisation's key %s", key_id[:12])
    return True
