"""Views: what the dashboard shows, held in its URL.

Owns the view state and its query parameters (``state``), the view's filters, each declared once
(``filters``; their SQL is the store's), the words views describe themselves with (``words``), article text with
its claims highlighted (``highlight``) and snapshots, a view state plus a frozen copy of its data
(``snapshots``). May import the foundation and the store; never the analysis (places, actors, events, ingest),
rendering or Streamlit.
"""
