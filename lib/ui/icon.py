"""The app's icon (``assets/sinergi.png``) as a ``data:`` URL, read once per process.

``st.set_page_config(page_icon=<a file path>)`` opens the file, hashes it and registers it with
Streamlit's media files on every run (app.py sets it twice a run: 0.7 ms of each rerun's CPU); a
``data:`` URL is passed through as it is, and the browser needs no request for the favicon.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

ICON_PATH = Path(__file__).resolve().parents[2] / "assets" / "sinergi.png"


@functools.cache
def icon_url() -> str:
    """Return the icon as a PNG ``data:`` URL.

    >>> icon_url().startswith("data:image/png;base64,iVBORw0KGgo")
    True
    """
    return "data:image/png;base64," + base64.b64encode(ICON_PATH.read_bytes()).decode("ascii")
