"""The Streamlit layer, the only one that imports streamlit.

The page context, cached reads keyed by one Scope, showing problems, and per-page glue. Pages import
the module they need.
"""
