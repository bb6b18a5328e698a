/* The places of a newsmap map: one Leaflet layer that draws every place as a circle on its own canvas.
 *
 * Why not one L.circleMarker per place: at 10,000 places Leaflet spent ~0.15 s creating and registering
 * the markers (and streamlit-folium attaches a click handler to each) before anything was drawn; this
 * layer keeps the places as the columns they arrive in and draws them in one loop (docs/benchmarks.md).
 *
 * `d` holds the columns of geo.render.maps.place_columns: lat, lon, radius r, colour index c, dash (1: all
 * the place's events are placed from article context, drawn with a dashed outline) and the popup parts of
 * geo.render.panel.popup_parts (its counts line n is worded in Python, as every other string). Every string in
 * it is HTML-escaped already; this code only joins them.
 *
 * `selected` is the id of the selected place (or null): it is ringed, and a click moves the ring at once
 * (the page learns of the click afterwards and keeps the map, so the ring cannot wait for it). When the page's
 * selection changes otherwise (Back, Forward), geo.render.maps.ring_follower calls `nmRing(id)`.
 *
 * Events: hovering a place shows its name, clicking it opens its popup, rings it and fires "click" on the
 * layer with the place's own position as `latlng`, carrying the place's id (`nmPlace`) and the click's time
 * (`nmAt`), so that streamlit-folium reports each click as a new last_object_clicked.
 * Tests and benchmarks use `nmPlaces` (the columns), `nmDrawn` (circles drawn so far), `nmFirstZoom` (the
 * zoom of the first drawing), `nmSelected` (the ringed place's id), `nmPoint(id)` and `nmOpen(id)`.
 */
(function (d, selected) {
    var n = d.lat.length, TOLERANCE = 3, PAD = 0.3, STROKE = "#333333", FILL_OPACITY = 0.8, DASH = [3, 2], SOLID = [];
    var RING = "__RING__", RING_GAP = 3;

    function list(heading, items, table) {
        return items.length ? "<div class='nm-h'>" + heading + "</div><ul><li>"
            + items.map(function (j) { return table[j]; }).join("</li><li>") + "</li></ul>" : "";
    }
    function popupHtml(i) {  /* the same HTML as geo.render.panel.render_popup */
        return "<div class='nm-popup' data-place='" + d.id[i] + "'><b>" + d.name[i] + "</b> <small>("
            + d.kinds[d.k[i]] + ")</small><div>" + d.counts[d.n[i]] + "</div>"
            + list("Events", d.t[i], d.lines) + list("Articles", d.a[i], d.titles) + "</div>";
    }

    var Places = L.Layer.extend({
        nmPlaces: d,
        nmSelected: selected,
        nmDrawn: 0,
        nmFirstZoom: null,

        onAdd: function (map) {
            this._canvas = L.DomUtil.create("canvas", "nm-places leaflet-zoom-animated");
            this.getPane().appendChild(this._canvas);
            this._zoom = null;
            this._view = null;
            this._hover = -1;
            this._tooltip = L.tooltip({direction: "top", offset: [0, -4]});
            /* Drawn at the next frame unless a view change draws first: a new map adds its layers and */
            /* then fits its bounds, and drawing at both views cost a second pass over every place. */
            this._pending = L.Util.requestAnimFrame(this._draw, this);
        },

        onRemove: function (map) {
            L.Util.cancelAnimFrame(this._pending);
            L.DomUtil.remove(this._canvas);
            map.closeTooltip(this._tooltip);
            map.getContainer().style.cursor = "";
            this._hover = -1;
        },

        getEvents: function () {
            return {viewreset: this._draw, moveend: this._draw, zoomanim: this._animateZoom,
                    mousemove: this._onMove, mouseout: this._onOut, click: this._onClick};
        },

        /* Projected pixel coordinates at the current zoom, computed once per zoom level. */
        _project: function () {
            var map = this._map, zoom = map.getZoom();
            if (zoom === this._zoom) return;
            this._zoom = zoom;
            this._x = new Float64Array(n);
            this._y = new Float64Array(n);
            for (var i = 0; i < n; i++) {
                var p = map.project([d.lat[i], d.lon[i]], zoom);
                this._x[i] = p.x;
                this._y[i] = p.y;
            }
        },

        /* The canvas covers the map and a margin on each side (so a short pan shows drawn places), in */
        /* device pixels for sharp circles on high-density screens. */
        /* A view change fires viewreset and moveend one after the other: the second finds the same view */
        /* and draws nothing. */
        _draw: function () {
            L.Util.cancelAnimFrame(this._pending);
            var map = this._map, size = map.getSize(), pad = size.multiplyBy(PAD).round();
            var topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
            var w = size.x + 2 * pad.x, h = size.y + 2 * pad.y, ratio = window.devicePixelRatio || 1;
            var origin = map.getPixelOrigin();
            var view = [map.getZoom(), origin.x, origin.y, topLeft.x, topLeft.y, w, h, ratio].join();
            if (view === this._view) return;
            this._view = view;
            var canvas = this._canvas, ctx = canvas.getContext("2d");
            L.DomUtil.setPosition(canvas, topLeft);
            this._topLeft = map.layerPointToLatLng(topLeft);
            canvas.width = Math.round(w * ratio);
            canvas.height = Math.round(h * ratio);
            canvas.style.width = w + "px";
            canvas.style.height = h + "px";
            this._project();
            var ox = origin.x + topLeft.x, oy = origin.y + topLeft.y;
            ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
            ctx.clearRect(0, 0, w, h);
            ctx.lineWidth = 1;
            ctx.strokeStyle = STROKE;
            var dashed, wasDashed = false;
            for (var i = 0; i < n; i++) {
                var x = this._x[i] - ox, y = this._y[i] - oy, r = d.r[i];
                if (x + r < 0 || y + r < 0 || x - r > w || y - r > h) continue;
                ctx.beginPath();
                ctx.arc(x, y, r, 0, 2 * Math.PI);
                ctx.globalAlpha = FILL_OPACITY;
                ctx.fillStyle = d.colours[d.c[i]];
                ctx.fill();
                ctx.globalAlpha = 1;
                dashed = d.dash[i] === 1;
                if (dashed !== wasDashed) ctx.setLineDash((wasDashed = dashed) ? DASH : SOLID);
                ctx.stroke();
            }
            this._ring(ctx, ox, oy);
            this.nmDrawn = n;
            if (this.nmFirstZoom === null) this.nmFirstZoom = this._zoom;
        },

        /* The selected place: a white and a black ring around its circle, drawn over every place. */
        _ring: function (ctx, ox, oy) {
            var i = this.nmSelected === null ? -1 : d.id.indexOf(this.nmSelected);
            if (i < 0) return;
            var x = this._x[i] - ox, y = this._y[i] - oy, r = d.r[i] + RING_GAP;
            ctx.setLineDash(SOLID);
            ctx.beginPath();
            ctx.arc(x, y, r, 0, 2 * Math.PI);
            ctx.lineWidth = 5;
            ctx.strokeStyle = "#ffffff";
            ctx.stroke();
            ctx.lineWidth = 2.5;
            ctx.strokeStyle = RING;
            ctx.stroke();
        },

        /* During a zoom animation the drawn canvas is scaled like the map; the redraw follows at moveend. */
        _animateZoom: function (e) {
            var map = this._map, scale = map.getZoomScale(e.zoom);
            this._view = null;  /* the canvas is scaled now: the next view change redraws it */
            L.DomUtil.setTransform(this._canvas, map._latLngToNewLayerPoint(this._topLeft, e.zoom, e.center), scale);
        },

        /* The topmost place under a layer point (the last drawn wins, as on the screen), or -1. */
        _hit: function (point) {
            if (this._zoom !== this._map.getZoom()) return -1;
            var origin = this._map.getPixelOrigin();
            for (var i = n - 1; i >= 0; i--) {
                var dx = this._x[i] - origin.x - point.x, dy = this._y[i] - origin.y - point.y;
                var reach = d.r[i] + 0.5 + TOLERANCE;
                if (dx * dx + dy * dy <= reach * reach) return i;
            }
            return -1;
        },

        _onMove: function (e) {
            var i = this._hit(e.layerPoint);
            if (i === this._hover) return;
            this._hover = i;
            this._map.getContainer().style.cursor = i < 0 ? "" : "pointer";
            if (i < 0) {
                this._map.closeTooltip(this._tooltip);
            } else {
                this._tooltip.setLatLng([d.lat[i], d.lon[i]]).setContent(d.name[i]);
                this._map.openTooltip(this._tooltip);
            }
        },

        _onOut: function () {
            this._hover = -1;
            this._map.getContainer().style.cursor = "";
            this._map.closeTooltip(this._tooltip);
        },

        _onClick: function (e) {
            var i = this._hit(e.layerPoint);
            if (i < 0) return;
            var latlng = this._open(i);
            this.nmSelected = d.id[i];
            this._view = null;  /* the same view, drawn again with the ring */
            this._draw();
            /* The page is told of a click only when what the map reports differs from its last report: the */
            /* same place clicked again after Back must still reach it, so each click carries its own time. */
            var reported = L.latLng(latlng.lat, latlng.lng);
            reported.nmPlace = d.id[i];
            reported.nmAt = Date.now();
            this.fire("click", {latlng: reported, originalEvent: e.originalEvent, nmIndex: i});
        },

        _open: function (i) {
            var latlng = L.latLng(d.lat[i], d.lon[i]);
            L.popup({maxWidth: 360}).setLatLng(latlng).setContent(popupHtml(i)).openOn(this._map);
            return latlng;
        },

        nmPoint: function (id) {  /* where a place is drawn, in pixels from the map's corner; null if absent */
            var i = d.id.indexOf(id);
            if (i < 0 || !this._map) return null;
            var p = this._map.latLngToContainerPoint([d.lat[i], d.lon[i]]);
            return {x: p.x, y: p.y};
        },

        /* The page's selection changed without a click on the map (the browser's Back or Forward): ring the */
        /* place of the URL, or none, and close a popup left open on the place that was selected. */
        nmRing: function (id) {
            if (id === this.nmSelected) return;
            this.nmSelected = id;
            if (!this._map) return;
            this._map.closePopup();
            this._view = null;
            this._draw();
        },

        nmOpen: function (id) {  /* open a place's popup as a click would, without selecting it */
            var i = d.id.indexOf(id);
            if (i >= 0 && this._map) this._open(i);
            return i >= 0;
        }
    });
    return new Places();
})(__COLUMNS__, __SELECTED__)
