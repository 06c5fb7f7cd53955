"""Decoding input bytes: encodings, binary sniffing, and arbitrary bytes never crashing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest.decode import DecodeError, decode, sniff_binary


def test_utf8_round_trip():
    text = "Kyiv’s mayor said “enough” — 12 km north of Zürich"
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_windows_1252_curly_quotes_decode_sensibly():
    text = "The minister’s “red line” was crossed, officials said — again."
    decoded, _ = decode(text.encode("cp1252"))
    assert decoded == text


def test_latin1_accents_decode():
    text = "Le président a déclaré que la trêve était rompue à Niamey. " * 3
    decoded, _ = decode(text.encode("latin-1"))
    assert decoded == text


def test_central_european_text_keeps_its_letters():
    text = "Prezydent powiedział, że rozejm został zerwany w środę wieczorem. " * 3
    assert decode(text.encode("cp1250"))[0] == text


def test_utf16_with_bom():
    text = "Aid convoys reached the border on Monday."
    decoded, encoding = decode(text.encode("utf-16"))
    assert decoded == text and encoding == "utf-16"


def test_declared_charset_is_tried_first():
    text = "Grüße aus Köln, sagte der Sprecher."
    assert decode(text.encode("iso-8859-1"), "iso-8859-1")[0] == text


@pytest.mark.parametrize(
    "data, name",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip"),
        (b"plain start\x00\x00\x01\x02 then nul bytes", "NUL"),
    ],
)
def test_binary_is_refused_with_its_kind(data, name):
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert name in str(info.value)
    assert "\n" not in str(info.value)


def test_sniff_leaves_text_alone():
    assert sniff_binary("ordinary words".encode()) is None


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decode_or_fail_cleanly(data):
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        assert str(exc).startswith("not text")
    else:
        assert isinstance(text, str) and encoding


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co")), max_size=500))
def test_any_printable_text_round_trips_through_utf8(text):
    assert decode(text.encode("utf-8"))[0] == text
