"""Who may see and do what.

Roles, classification levels, passwords, the rules for accounts and signed share links. No table and
no Streamlit: the store keeps the rows.
"""

from lib.access.passwords import (
    hash_password,
    verify_password,
    needs_rehash,
)
from lib.access.rules import (
    PUBLIC_CEILING,
    ROLES,
    ACCOUNT_ROLES,
    DEFAULT_CEILINGS,
    MAX_CEILINGS,
    PERMISSIONS,
    ACTIONS,
    allowed_levels,
    may_see,
    lower_ceiling,
    Caller,
    PUBLIC,
    can,
    require,
)
from lib.access.accounts import (
    USERNAME,
    DISPLAY_NAME_MAX,
    PASSWORD_MIN,
    PASSWORD_MAX,
    SYSTEM,
    new_account,
    caller_of,
)
from lib.access.links import (
    SHARE_PARAM,
    SECRET_MIN,
    LABEL_MAX,
    LINK_MAX_DAYS,
    ShareLink,
    sign_token,
    read_token,
    share_url,
    new_link,
)

__all__ = [
    "hash_password",
    "verify_password",
    "needs_rehash",
    "PUBLIC_CEILING",
    "ROLES",
    "ACCOUNT_ROLES",
    "DEFAULT_CEILINGS",
    "MAX_CEILINGS",
    "PERMISSIONS",
    "ACTIONS",
    "allowed_levels",
    "may_see",
    "lower_ceiling",
    "Caller",
    "PUBLIC",
    "can",
    "require",
    "USERNAME",
    "DISPLAY_NAME_MAX",
    "PASSWORD_MIN",
    "PASSWORD_MAX",
    "SYSTEM",
    "new_account",
    "caller_of",
    "SHARE_PARAM",
    "SECRET_MIN",
    "LABEL_MAX",
    "LINK_MAX_DAYS",
    "ShareLink",
    "sign_token",
    "read_token",
    "share_url",
    "new_link",
]
