"""``python -m provenance``."""

from .cli import main

main()
