"""Texts of sign-in sessions that outlast a tab: why one ended, and the admin's list of them."""

STRINGS: dict[str, dict[str, str]] = {
    "session.ended.signout": {
        "id": "Anda sudah keluar dari Sinergi (di tab ini atau tab lain).",
        "en": "You signed out of Sinergi (in this tab or another).",
    },
    "session.ended.revoked": {
        "id": "Admin Sinergi telah mengakhiri sesi masuk Anda.",
        "en": "A Sinergi admin has ended your sign-in.",
    },
    "session.ended.expired": {
        "id": "Sesi masuk Anda berakhir: {hours} jam tanpa aktivitas, atau sudah {days} hari sejak masuk.",
        "en": "Your sign-in has ended: {hours} hours without activity, or {days} days since signing in.",
    },
    "session.ended.disabled": {
        "id": "Akun Anda telah dinonaktifkan, jadi sesi masuknya berakhir.",
        "en": "Your account has been disabled, so its sign-in has ended.",
    },
    "session.ended.unknown": {
        "id": "Sesi masuk ini tidak dikenal lagi oleh Sinergi.",
        "en": "Sinergi no longer knows this sign-in.",
    },
    "session.sign_in_again": {
        "id": "Masuk lagi lewat kotak \u201cMasuk\u201d di bilah samping untuk melanjutkan.",
        "en": "Sign in again with the \u201cSign in\u201d box in the sidebar to continue.",
    },
    "session.tab_only": {
        "id": "Masuk ini hanya berlaku di tab ini: tanpa kunci rahasia (SINERGI_SECRET_KEY) "
        "Sinergi tidak dapat mengingatnya saat halaman dimuat ulang.",
        "en": "This sign-in holds in this tab only: without a secret key (SINERGI_SECRET_KEY) "
        "Sinergi cannot remember it when the page is reloaded.",
    },
    "session.kind.local": {"id": "akun lokal", "en": "local account"},
    "session.kind.oidc": {"id": "akun instansi (OIDC)", "en": "institution account (OIDC)"},
    "audit.action.session.started": {"id": "sesi masuk dimulai", "en": "sign-in session started"},
    "audit.action.session.signout": {"id": "keluar", "en": "signed out"},
    "audit.action.session.revoked": {"id": "sesi diakhiri admin", "en": "session ended by an admin"},
    "audit.action.session.expired": {"id": "sesi kedaluwarsa", "en": "session expired"},
    "audit.action.session.disabled": {
        "id": "sesi berakhir (akun nonaktif)",
        "en": "session ended (account disabled)",
    },
    "accountspage.sessions": {"id": "Sesi masuk yang berjalan", "en": "Running sign-in sessions"},
    "accountspage.sessions_note": {
        "id": "Sesi berakhir saat pemiliknya keluar, setelah {hours} jam tanpa aktivitas, atau "
        "bila Anda mengakhirinya di sini: tab yang memakainya menjadi publik pada klik berikutnya.",
        "en": "A session ends when its owner signs out, after {hours} hours without activity, or "
        "when you end it here: tabs using it turn public at their next click.",
    },
    "accountspage.no_sessions": {
        "id": "Tidak ada sesi masuk yang berjalan.",
        "en": "No sign-in session is running.",
    },
    "accountspage.revoke_session": {
        "id": "Akhiri sesi {session} ({name})",
        "en": "End session {session} ({name})",
    },
    "accountspage.session_revoked": {
        "id": "Sesi {session} diakhiri.",
        "en": "Session {session} ended.",
    },
    "accountspage.col.session": {"id": "Sesi", "en": "Session"},
    "accountspage.col.kind": {"id": "Cara masuk", "en": "Signed in with"},
    "accountspage.col.created_at": {"id": "Masuk sejak (WITA)", "en": "Signed in at (WITA)"},
    "accountspage.col.last_seen_at": {"id": "Terakhir aktif (WITA)", "en": "Last active (WITA)"},
    "accountspage.col.ends_at": {"id": "Berakhir bila diam sampai (WITA)", "en": "Ends if idle until (WITA)"},
    "accountspage.col.user_agent": {"id": "Peramban", "en": "Browser"},
}
