"""Projector mode: the switch, the way back and the admin's tools that the hidden toolbar held."""

STRINGS = {
    "projector.switch": {"id": "Mode proyektor", "en": "Projector mode"},
    "projector.help": {
        "id": "Huruf besar untuk dibaca dari tiga meter, sidebar tertutup. Tautan yang disalin membuka "
        "mode ini juga.",
        "en": "Large type to be read from three metres, sidebar closed. A copied link opens in this "
        "mode too.",
    },
    "projector.exit": {"id": "Keluar mode proyektor", "en": "Leave projector mode"},
    "projector.admin_tools": {"id": "Alat admin", "en": "Admin tools"},
    "projector.clear_caches": {"id": "Kosongkan cache aplikasi", "en": "Clear the app's caches"},
    "projector.clear_caches_help": {
        "id": "Membaca ulang data dan batas wilayah untuk semua pengguna (menu pengembang Streamlit "
        "disembunyikan).",
        "en": "Reads the data and boundaries again for everyone (Streamlit's developer menu is hidden).",
    },
    "projector.caches_cleared": {"id": "Cache dikosongkan.", "en": "Caches cleared."},
}

STRINGS.update(
    {
        "headline.stage_on": {"id": "Tahapan berjalan (per {day})", "en": "Current stage (as of {day})"},
        "headline.rose": {"id": "Naik minggu ini", "en": "Rose this week"},
        "headline.rose_item": {
            "id": "{name} ({n} dalam 7 hari, rata-rata {avg}/minggu)",
            "en": "{name} ({n} in 7 days, average {avg}/week)",
        },
    }
)

STRINGS.update(
    {
        "fit.col.received": {"id": "Diterima (WITA)", "en": "Received (WITA)"},
        "fit.col.severity": {"id": "Keparahan", "en": "Severity"},
    }
)
