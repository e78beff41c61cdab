"""The public API is declared once, in provenance.__all__ (as httpx does)."""

from __future__ import annotations

import provenance


def test_all_is_sorted_and_every_name_exists():
    assert provenance.__all__ == sorted(provenance.__all__)
    for name in provenance.__all__:
        assert hasattr(provenance, name), name


def test_every_error_is_a_provenance_error_with_an_exit_code():
    errors = [
        getattr(provenance, n)
        for n in provenance.__all__
        if n.endswith("Error") or n == "TooManyRedirects"
    ]
    assert len(errors) >= 10
    for error in errors:
        assert issubclass(error, provenance.ProvenanceError)
        assert error.exit_code in {1, 2, 4}
