"""How the server stores a record's fields: compact when one write set them all."""

from __future__ import annotations

from joinus_desktop.domain import entities
from joinus_desktop.sync import wirejson
from joinus_server.records import (
    FieldVersion,
    decode_fields,
    encode_fields,
    encode_log_fields,
    whole_record_json,
)

from .helpers import stamp


def test_a_record_written_whole_stores_its_stamp_and_author_once() -> None:
    fields = {"alias": FieldVersion("Sam", stamp(0), "anna"),
              "birth_year": FieldVersion(2011, stamp(0), "anna"),
              "notes": FieldVersion(None, stamp(0), "anna")}
    text = encode_fields(fields)
    assert text.count(stamp(0)) == 1 and text.count("anna") == 1
    assert decode_fields(text) == fields


def test_fields_of_several_writes_keep_a_version_each() -> None:
    fields = {"alias": FieldVersion("Sam", stamp(10, "bram"), "bram"),
              "birth_year": FieldVersion(2011, stamp(0), "anna")}
    assert decode_fields(encode_fields(fields)) == fields
    # Same stamp, other author (a server-made record next to a user's): not shared either.
    mixed = {"alias": FieldVersion("Sam", stamp(0), "anna"),
             "status": FieldVersion("active", stamp(0), "server")}
    assert decode_fields(encode_fields(mixed)) == mixed


def test_rows_stored_before_the_compact_shape_still_read() -> None:
    old = ('{"alias":{"v":"Sam","s":"%s","a":"anna"},"deleted":{"v":false,"s":"%s","a":"anna"}}'
           % (stamp(0), stamp(0)))
    assert decode_fields(old) == {"alias": FieldVersion("Sam", stamp(0), "anna"),
                                  "deleted": FieldVersion(False, stamp(0), "anna")}


def test_a_log_entry_names_one_stamp_only_when_one_write_set_every_field() -> None:
    whole = {"alias": FieldVersion("Sam", stamp(0), "anna"),
             "status": FieldVersion("active", stamp(0), "anna")}
    assert encode_log_fields(whole) == ('{"alias":"Sam","status":"active"}', stamp(0))
    mixed = {**whole, "status": FieldVersion("active", stamp(5), "bram")}
    text, shared = encode_log_fields(mixed)
    assert shared is None and f'"stamp":"{stamp(5)}"' in text


def test_no_field_is_named_like_the_shared_version_key() -> None:
    assert all("*" not in spec.synced_field_set for spec in entities.ENTITIES.values())


def test_a_whole_record_encoded_from_its_values_is_what_encode_fields_makes() -> None:
    values = {"alias": "Sam \u00e9\u00e9n", "birth_year": 2011, "tags": ["a", "b"], "notes": None,
              "deleted": False}
    fields = {name: FieldVersion(value, stamp(0), "anna") for name, value in values.items()}
    text = whole_record_json(wirejson.dumps_text(values), stamp(0), "anna")
    assert text == encode_fields(fields)
    assert decode_fields(text) == fields
