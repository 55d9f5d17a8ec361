"""Bytes to text: UTF-8 first, then a detected charset, never a guess that garbles."""

from __future__ import annotations

from ..errors import InputError

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32)) | {127}


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = sum(1 for b in sample if b in _CONTROL)
    return control / len(sample) > 0.05


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Return (text, note). The note says which charset was detected when it was not UTF-8."""
    if looks_binary(data):
        raise InputError(name, "this is a binary file, not text",
                         "Give a text, HTML or JSONL file (convert PDFs or documents to text first)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is not None and best.encoding != "cp1252":
        # a tie between single-byte code pages goes to cp1252 (Windows Latin-1), by far the
        # most common legacy encoding of news text: a tie-break towards cp1250 turns "ï" into "ď"
        for match in results:
            if match.encoding == "cp1252" and match.percent_chaos <= best.percent_chaos \
                    and match.percent_coherence >= best.percent_coherence:
                best = match
                break
    if best is None or best.encoding is None or best.percent_chaos > 20:
        raise InputError(name, "not UTF-8, and no character set could be detected",
                         "Convert it to UTF-8, e.g. `iconv -f LATIN1 -t UTF-8 FILE > FILE.utf8`")
    return str(best), f"decoded as {best.encoding} (not UTF-8)"
