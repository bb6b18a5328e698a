"""Rendering: a view's data as a map or a file.

Owns the folium map builders (``maps``), the words of a place's popup and panel (``panel``), the PNG drawn
without a browser (``static_map``), the export formats, one module each in a table (``exports``), and the
offline map assets and country outlines (``assets``, ``outlines``). May import the foundation and
``geo.views``; never the analysis, the store's internals or Streamlit.
"""
