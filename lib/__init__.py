"""Sinergi's logic: importable without Streamlit (except ``lib/cached.py`` and ``lib/ui.py``)."""
