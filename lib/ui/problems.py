"""Showing a problem the person in the room can fix: one rendering, user text always escaped."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from lib.core.problems import DataProblem
from lib.core.text import escape


def show_problem(problem: DataProblem, *, icon: str = ":material/error:") -> None:
    """Show what was found (bold) and what to do, as text: user input quoted in it never renders."""
    st.error(f"**{escape(problem.what)}**\n\n{escape(problem.fix)}", icon=icon)


def stop_with(problem: DataProblem) -> NoReturn:
    """Show a problem the way every page shows problems, then end this run."""
    show_problem(problem)
    st.stop()
