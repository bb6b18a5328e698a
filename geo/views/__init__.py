"""Views: what the dashboard shows, held in its URL.

Owns the view state and its query parameters (``state``), article text with its claims highlighted
(``highlight``), snapshots, a view state plus a frozen copy of its data (``snapshots``), and the words views
describe themselves with (``words``). May import the foundation and the store; never the analysis (places,
actors, events, ingest), rendering or Streamlit.
"""
