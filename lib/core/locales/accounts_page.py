"""Strings of the Akun (accounts and audit) page."""

STRINGS = {
    "nav.akun": {"id": "Akun & Audit", "en": "Accounts & audit"},
    "accountspage.title": {"id": "Akun dan jejak audit", "en": "Accounts and audit trail"},
    "accountspage.admins_only": {
        "id": "Halaman ini hanya untuk admin. Masuk dengan akun admin untuk mengelola akun "
        "dan membaca audit.",
        "en": "This page is for admins only. Sign in with an admin account to manage accounts "
        "and read the audit.",
    },
    "accountspage.users": {"id": "Akun", "en": "Accounts"},
    "accountspage.locks": {
        "id": "Terkunci karena percobaan masuk gagal",
        "en": "Locked after failed sign-ins",
    },
    "accountspage.no_locks": {
        "id": "Tidak ada akun atau alamat yang terkunci.",
        "en": "No account or address is locked.",
    },
    "accountspage.unlock": {"id": "Buka kunci {key}", "en": "Unlock {key}"},
    "accountspage.unlocked": {"id": "Kunci {key} dibuka.", "en": "{key} unlocked."},
    "accountspage.audit": {"id": "Jejak audit (terbaru dulu)", "en": "Audit trail (newest first)"},
    "accountspage.audit_note": {
        "id": "Setiap masuk, gagal masuk, penguncian, pembukaan tautan berbagi dan unduhan dicatat di sini; "
        "aplikasi tidak pernah mengubah atau menghapus baris audit.",
        "en": "Every sign-in, failed sign-in, lock, share-link opening and download is recorded here; "
        "the app never changes or deletes an audit row.",
    },
    "accountspage.col.username": {"id": "Nama pengguna", "en": "Username"},
    "accountspage.col.display_name": {"id": "Nama", "en": "Name"},
    "accountspage.col.role": {"id": "Peran", "en": "Role"},
    "accountspage.col.ceiling": {"id": "Batas akses", "en": "Ceiling"},
    "accountspage.col.disabled_at": {"id": "Dinonaktifkan", "en": "Disabled"},
    "accountspage.col.last_login_at": {"id": "Terakhir masuk", "en": "Last sign-in"},
    "accountspage.col.key": {"id": "Akun/alamat", "en": "Account/address"},
    "accountspage.col.failures": {"id": "Gagal berturut-turut", "en": "Failures in a row"},
    "accountspage.col.locked_until": {"id": "Terkunci sampai (WITA)", "en": "Locked until (WITA)"},
    "accountspage.col.at": {"id": "Waktu (WITA)", "en": "Time (WITA)"},
    "accountspage.col.who": {"id": "Siapa", "en": "Who"},
    "accountspage.col.action": {"id": "Tindakan", "en": "Action"},
    "accountspage.col.target": {"id": "Sasaran", "en": "Target"},
    "accountspage.col.client": {"id": "Alamat", "en": "Address"},
    "accountspage.col.detail": {"id": "Keterangan", "en": "Detail"},
    "audit.action.login.ok": {"id": "masuk", "en": "signed in"},
    "audit.action.login.failed": {"id": "gagal masuk", "en": "sign-in failed"},
    "audit.action.login.locked": {"id": "dikunci", "en": "locked"},
    "audit.action.login.throttled": {"id": "ditahan (terlalu sering)", "en": "held back (too many tries)"},
    "audit.action.account.unlocked": {"id": "kunci dibuka", "en": "unlocked"},
    "audit.action.link.opened": {"id": "tautan berbagi dibuka", "en": "share link opened"},
    "audit.action.export": {"id": "unduhan", "en": "download"},
}
