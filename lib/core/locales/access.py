"""Texts of access: roles, permissions, sign-in, accounts and share links."""

STRINGS: dict[str, dict[str, str]] = {
    "access.role.admin": {"id": "Admin", "en": "Admin"},
    "access.role.analyst": {"id": "Analis", "en": "Analyst"},
    "access.role.posko": {"id": "Operator Posko", "en": "Posko operator"},
    "access.role.partner": {"id": "Mitra (tautan berbagi)", "en": "Partner (share link)"},
    "access.role.public": {"id": "Publik (belum masuk)", "en": "Public (not signed in)"},
    "access.action.view": {"id": "melihat data", "en": "view data"},
    "access.action.export": {"id": "mengunduh data", "en": "download data"},
    "access.action.report.read": {"id": "membaca laporan Posko", "en": "read Posko reports"},
    "access.action.report.create": {"id": "mencatat laporan Posko", "en": "file Posko reports"},
    "access.action.report.edit": {"id": "mengubah laporan Posko", "en": "edit Posko reports"},
    "access.action.report.assign": {"id": "menugaskan laporan", "en": "assign reports"},
    "access.action.report.progress": {"id": "memajukan status laporan", "en": "move reports forward"},
    "access.action.report.verify": {
        "id": "memverifikasi atau menolak laporan",
        "en": "verify or reject reports",
    },
    "access.action.alert.see": {"id": "melihat peringatan", "en": "see alerts"},
    "access.action.alert.ack": {"id": "menandai peringatan sudah dibaca", "en": "acknowledge alerts"},
    "access.action.data.import": {"id": "mengimpor data", "en": "import data"},
    "access.action.share.create": {"id": "membuat tautan berbagi", "en": "create share links"},
    "access.action.share.list": {"id": "melihat daftar tautan berbagi", "en": "list share links"},
    "access.action.share.revoke": {"id": "mencabut tautan berbagi", "en": "revoke share links"},
    "access.action.user.manage": {"id": "mengelola akun pengguna", "en": "manage user accounts"},
    "access.not_allowed": {
        "id": "Peran {role} tidak boleh {action}.",
        "en": "The role {role} may not {action}.",
    },
    "access.not_allowed_fix": {
        "id": "Masuk dengan akun yang berwenang, atau minta admin Sinergi mengubah peran Anda.",
        "en": "Sign in with an account that may, or ask the Sinergi admin to change your role.",
    },
    # sign-in
    "access.login.title": {"id": "Masuk", "en": "Sign in"},
    "access.login.username": {"id": "Nama pengguna", "en": "Username"},
    "access.login.password": {"id": "Kata sandi", "en": "Password"},
    "access.login.submit": {"id": "Masuk", "en": "Sign in"},
    "access.login.oidc": {"id": "Masuk dengan akun instansi", "en": "Sign in with your institution account"},
    "access.login.logout": {"id": "Keluar", "en": "Sign out"},
    "access.login.signed_in": {
        "id": "Masuk sebagai {name} ({role}, sampai {ceiling})",
        "en": "Signed in as {name} ({role}, up to {ceiling})",
    },
    "access.login.partner": {
        "id": "Tautan berbagi: {label} \u2014 hanya baca, sampai {ceiling}",
        "en": "Share link: {label} \u2014 read only, up to {ceiling}",
    },
    "access.login.public": {
        "id": "Belum masuk: hanya data TERBUKA yang ditampilkan.",
        "en": "Not signed in: only TERBUKA (open) data is shown.",
    },
    "access.login.oidc_unmapped": {
        "id": "Akun {email} belum terdaftar di Sinergi.",
        "en": "The account {email} is not registered in Sinergi.",
    },
    "access.login.oidc_unmapped_fix": {
        "id": "Minta admin Sinergi membuat akun dengan nama pengguna itu.",
        "en": "Ask the Sinergi admin to create an account with that username.",
    },
    "access.login.failed": {
        "id": "Nama pengguna atau kata sandi salah.",
        "en": "Wrong username or password.",
    },
    "access.login.failed_fix": {
        "id": "Periksa ejaan dan huruf besar-kecil kata sandi, lalu coba lagi.",
        "en": "Check the spelling and the case of the password, then try again.",
    },
    "access.login.disabled": {
        "id": "Akun {name} sudah dinonaktifkan.",
        "en": "The account {name} has been disabled.",
    },
    "access.login.disabled_fix": {
        "id": "Hubungi admin Sinergi bila Anda masih memerlukan akses.",
        "en": "Contact the Sinergi admin if you still need access.",
    },
    # accounts
    "access.user.bad_name": {
        "id": "Nama pengguna \u201c{name}\u201d tidak dapat dipakai.",
        "en": "The username \u201c{name}\u201d cannot be used.",
    },
    "access.user.bad_name_fix": {
        "id": "Pakai 3\u201380 huruf kecil, angka, titik, garis bawah, tanda hubung atau @, "
        "misalnya budi.santoso.",
        "en": "Use 3\u201380 lower-case letters, digits, dots, underscores, hyphens or @, e.g. budi.santoso.",
    },
    "access.user.bad_display": {
        "id": "Nama lengkap wajib diisi, paling banyak {limit} karakter.",
        "en": "The full name is required, at most {limit} characters.",
    },
    "access.user.bad_display_fix": {
        "id": "Tulis nama dan instansi, misalnya \u201cBudi Santoso (Kesbangpol)\u201d.",
        "en": "Write the name and institution, e.g. \u201cBudi Santoso (Kesbangpol)\u201d.",
    },
    "access.user.weak_password": {
        "id": "Kata sandi harus {minimum}\u2013{maximum} karakter.",
        "en": "The password must be {minimum}\u2013{maximum} characters long.",
    },
    "access.user.guessable_password": {
        "id": "Kata sandi ini terlalu mudah ditebak: {reason}.",
        "en": "This password is too easy to guess: {reason}.",
    },
    "access.user.weak.common": {
        "id": "termasuk kata sandi yang paling sering dipakai",
        "en": "it is among the most commonly used passwords",
    },
    "access.user.weak.one_character": {"id": "hanya satu karakter diulang", "en": "it repeats one character"},
    "access.user.weak.digits": {"id": "hanya angka", "en": "it is digits only"},
    "access.user.weak.username": {"id": "sama dengan nama pengguna", "en": "it is the username"},
    "access.login.throttled": {
        "id": "Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah {until} WITA.",
        "en": "Too many failed sign-in attempts. Try again after {until} WITA.",
    },
    "access.login.throttled_fix": {
        "id": "Tunggu sampai waktu itu, atau minta admin membuka kunci akun.",
        "en": "Wait until then, or ask an admin to unlock the account.",
    },
    "access.user.weak_password_fix": {
        "id": "Pilih kata sandi minimal {minimum} karakter, misalnya tiga kata acak.",
        "en": "Choose a password of at least {minimum} characters, e.g. three random words.",
    },
    "access.user.taken": {
        "id": "Nama pengguna \u201c{name}\u201d sudah dipakai.",
        "en": "The username \u201c{name}\u201d is already taken.",
    },
    "access.user.taken_fix": {"id": "Pilih nama pengguna lain.", "en": "Choose another username."},
    "access.user.ceiling_above": {
        "id": "Anda tidak dapat memberikan akses sampai {level}, di atas akses Anda sendiri.",
        "en": "You cannot grant access up to {level}, above your own.",
    },
    "access.user.ceiling_above_fix": {
        "id": "Pilih tingkat yang sama atau lebih rendah dari akses Anda.",
        "en": "Choose a level equal to or below your own.",
    },
    # share links
    "access.share.no_secret": {
        "id": "Tautan berbagi tidak dapat dibuat: kunci rahasia Sinergi belum diatur atau terlalu lemah "
        "(minimal {minimum} karakter, {distinct} karakter berbeda).",
        "en": "Share links cannot be created: the Sinergi secret key is not set or too weak "
        "(at least {minimum} characters, {distinct} different ones).",
    },
    "access.share.no_secret_open": {
        "id": "Tautan berbagi tidak dapat diperiksa: kunci rahasia Sinergi belum diatur atau terlalu lemah "
        "(minimal {minimum} karakter, {distinct} karakter berbeda). Hanya data TERBUKA yang ditampilkan.",
        "en": "Share links cannot be checked: the Sinergi secret key is not set or too weak (at least "
        "{minimum} characters, {distinct} different ones). Only TERBUKA (open) data is shown.",
    },
    "access.share.no_secret_fix": {
        "id": 'Atur variabel lingkungan SINERGI_SECRET_KEY, atau tulis secret_key = "..." di '
        '.streamlit/secrets.toml (buat nilainya dengan: python -c "import secrets; '
        'print(secrets.token_urlsafe(48))"), lalu jalankan ulang Sinergi.',
        "en": 'Set the environment variable SINERGI_SECRET_KEY, or write secret_key = "..." in '
        '.streamlit/secrets.toml (make the value with: python -c "import secrets; '
        'print(secrets.token_urlsafe(48))"), then restart Sinergi.',
    },
    "access.share.tampered": {
        "id": "Tautan berbagi ini tidak sah (diubah atau bukan buatan Sinergi ini). "
        "Hanya data TERBUKA yang ditampilkan.",
        "en": "This share link is not valid (altered, or not made by this Sinergi). "
        "Only TERBUKA (open) data is shown.",
    },
    "access.share.expired": {
        "id": "Tautan berbagi ini sudah kedaluwarsa. Hanya data TERBUKA yang ditampilkan.",
        "en": "This share link has expired. Only TERBUKA (open) data is shown.",
    },
    "access.share.revoked": {
        "id": "Tautan berbagi ini sudah dicabut. Hanya data TERBUKA yang ditampilkan.",
        "en": "This share link has been revoked. Only TERBUKA (open) data is shown.",
    },
    "access.share.ask_again": {
        "id": "Minta tautan baru kepada analis yang membagikannya.",
        "en": "Ask the analyst who shared it for a new link.",
    },
    "access.share.ceiling_above": {
        "id": "Tautan sampai {level} tidak dapat dibuat: akses Anda sendiri hanya sampai {own}.",
        "en": "A link up to {level} cannot be made: your own access goes up to {own}.",
    },
    "access.share.ceiling_above_fix": {
        "id": "Pilih tingkat yang sama atau lebih rendah dari akses Anda.",
        "en": "Choose a level equal to or below your own.",
    },
    "access.share.bad_label": {
        "id": "Keterangan tautan wajib diisi, paling banyak {limit} karakter.",
        "en": "The link label is required, at most {limit} characters.",
    },
    "access.share.bad_label_fix": {
        "id": "Tulis untuk siapa tautan ini, misalnya \u201cKPU Bali, sampai 30 Nov\u201d.",
        "en": "Write whom the link is for, e.g. \u201cKPU Bali, until 30 Nov\u201d.",
    },
    "access.share.bad_expiry": {
        "id": "Tanggal berakhir {date} sudah lewat atau terlalu jauh.",
        "en": "The expiry date {date} is past or too far away.",
    },
    "access.share.bad_expiry_fix": {
        "id": "Pilih tanggal antara besok dan {days} hari ke depan.",
        "en": "Pick a date between tomorrow and {days} days from now.",
    },
    "access.share.status.active": {"id": "Aktif", "en": "Active"},
    "access.share.status.expired": {"id": "Kedaluwarsa", "en": "Expired"},
    "access.share.status.revoked": {"id": "Dicabut", "en": "Revoked"},
}
