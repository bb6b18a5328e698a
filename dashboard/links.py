"""Links the page cannot read as they are: one Streamlit drops whole, and the view's own link grown too long.

Streamlit ignores a query string of more than 1,000 parameters (or 512 Ki characters) before the page runs:
the page then sees no parameter at all and would show the whole store as if it were the link's view. Only
the browser still has the address, so a small script of ours (no text from a link or an article is in it)
turns such an address into ``?unread=N&unread_chars=M``, which the page reads and answers with a message.
"""
from __future__ import annotations

import streamlit as st

try:  # Streamlit's own limits, where this version declares them
    from streamlit.runtime.state.query_params import (CLIENT_STATE_QUERY_STRING_MAX_FIELDS as MAX_PARAMS,
                                                      CLIENT_STATE_QUERY_STRING_MAX_LENGTH as MAX_CHARS)
except ImportError:  # pragma: no cover - the limits of Streamlit 1.67
    MAX_PARAMS, MAX_CHARS = 1000, 512 * 1024

GUARD_KEY = "nm_link_guard"
GUARD_CSS = (f'[data-testid="stLayoutWrapper"]:has(> .st-key-{GUARD_KEY}), .st-key-{GUARD_KEY} '
             "{display: none !important}")
_GUARD = f"""<script>
(function () {{
  var query = window.location.search.slice(1);
  var count = query ? query.split("&").length : 0;
  if (count > {MAX_PARAMS} || query.length > {MAX_CHARS}) {{
    window.location.replace(window.location.pathname + "?unread=" + count + "&unread_chars=" + query.length);
  }}
}})();
</script>"""


def guard_ui() -> None:
    """The browser's check of its own address (see the module's docstring); drawn first on every page, in a
    container the page's CSS hides (:data:`GUARD_CSS`), so it takes no room above the title."""
    with st.container(key=GUARD_KEY):
        st.html(_GUARD, unsafe_allow_javascript=True)


def unread_ui() -> bool:
    """Whether the URL says a link was not read (``?unread=N``): then the message is drawn, and no view."""
    count = st.query_params.get("unread")
    if count is None:
        return False
    chars = st.query_params.get("unread_chars", "")
    size = [f"{int(count):,} parameters"] if count.isdigit() else []
    size += [f"{int(chars):,} characters"] if chars.isdigit() else []
    st.error(f"This link was not read: it holds {' and '.join(size) or 'too many parameters'}, and the dashboard "
             f"reads at most {MAX_PARAMS:,} parameters and {MAX_CHARS:,} characters, so it would have shown the "
             "whole store instead of the link's view. Ask whoever sent it for a snapshot (*Share this view*, then "
             "*Save snapshot*), which holds any view under one short link, or for a link with fewer actors or types.")
    st.markdown("<a href='?' target='_self'>Open the live map</a>", unsafe_allow_html=True)
    return True


def too_long(query: str) -> bool:
    """Whether a link's query string (without ``?``) is more than the dashboard can read."""
    return bool(query) and (query.count("&") + 1 > MAX_PARAMS or len(query) > MAX_CHARS)
