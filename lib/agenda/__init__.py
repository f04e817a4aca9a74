"""Meeting agendas: the views to discuss, their order, their levels and how a reader sees them.

Pure rules (no table, no Streamlit): ``lib/store`` keeps the agendas, ``lib/ui/agenda`` shows them.
"""

from lib.agenda.rules import (
    AGENDA_PAGES,
    ITEMS_MAX,
    NOTE_MAX,
    PAGE_SOURCES,
    TITLE_MAX,
    Agenda,
    AgendaItem,
    agenda_level,
    as_seen,
    check_floor,
    check_view,
    clean_text,
    copy_title,
    highest,
    moved,
    params_json,
    read_params,
)

__all__ = [
    "AGENDA_PAGES",
    "ITEMS_MAX",
    "NOTE_MAX",
    "PAGE_SOURCES",
    "TITLE_MAX",
    "Agenda",
    "AgendaItem",
    "agenda_level",
    "as_seen",
    "check_floor",
    "check_view",
    "clean_text",
    "copy_title",
    "highest",
    "moved",
    "params_json",
    "read_params",
]
