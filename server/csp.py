"""The Content-Security-Policy of the pages the app serves (the dashboard and GraphiQL).

Everything a page loads comes from the app itself: scripts, styles, fonts (GraphiQL's are data: URLs
inside its stylesheet) and the GraphQL requests. No other origin is allowed, no inline script runs, and
no other site may frame the pages.
"""

from __future__ import annotations

PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

#: Headers for every HTML page: the policy, and no guessing of media types.
PAGE_HEADERS = {"content-security-policy": PAGE_POLICY, "x-content-type-options": "nosniff"}
