// The zone map's script: loads the vendored Leaflet once, draws each layer's GeoJSON on one canvas renderer
// (WebGL is not needed, so headless browsers draw it too) and refetches the visible layers for the view on every move.
let leafletReady;

function loadLeaflet(base) {
    if (window.L) return Promise.resolve();
    leafletReady ??= new Promise((resolve, reject) => {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = base + 'leaflet.css';
        document.head.appendChild(css);
        const script = document.createElement('script');
        script.src = base + 'leaflet.js';
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('Leaflet did not load'));
        document.head.appendChild(script);
    });
    return leafletReady;
}

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

export async function create(element, options, dotnet) {
    await loadLeaflet(options.leaflet);
    const L = window.L;
    const renderer = L.canvas({ padding: 0.5 });
    const map = L.map(element, { preferCanvas: true, renderer, attributionControl: false, minZoom: 8, maxZoom: 19 });
    const overlays = {};
    const layers = options.layers.map(def => {
        const group = L.geoJSON(null, {
            renderer,
            // Points (pipe nodes ...) as small circles on the canvas: Leaflet's default markers need image files.
            pointToLayer: (f, latlng) => L.circleMarker(latlng, { renderer, radius: 4 }),
            style: f => ({
                color: f.properties.color, weight: 1.5, fillColor: f.properties.fill,
                fillOpacity: f.properties.fill === 'transparent' ? 0 : 0.45,
            }),
            onEachFeature: (f, layer) => {
                const p = f.properties;
                layer.bindTooltip(p.detail ? `<strong>${esc(p.name)}</strong><br>${esc(p.detail)}` : esc(p.name), { sticky: true });
                // While a polygon is drawn, a click is a corner, not a way to the feature's page.
                if (p.href) layer.on('click', () => { if (!element.classList.contains('tz-map-drawing')) dotnet.invokeMethodAsync('Open', p.href); });
            },
        });
        overlays[esc(def.label)] = group;
        if (def.visible) group.addTo(map);
        return { def, group, controller: null, count: 0 };
    });
    // On a phone the open layer list would cover most of the map: there it starts folded behind its button.
    L.control.layers(null, overlays, { collapsed: window.matchMedia('(max-width: 599px)').matches }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);

    async function load(layer) {
        const b = map.getBounds();
        const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
            .map(v => v.toFixed(6)).join(',');
        layer.controller?.abort();
        layer.controller = new AbortController();
        const sep = layer.def.url.includes('?') ? '&' : '?';
        try {
            const response = await fetch(`${layer.def.url}${sep}bbox=${bbox}&zoom=${map.getZoom()}`,
                { signal: layer.controller.signal, credentials: 'same-origin', headers: { Accept: 'application/geo+json' } });
            if (!response.ok) return;
            const data = await response.json();
            layer.group.clearLayers();
            layer.group.addData(data);
            layer.count = data.features.length;
            element.dataset[`count${layer.def.key}`] = String(layer.count);
        } catch (e) {
            if (e.name !== 'AbortError') console.warn('map layer', layer.def.key, e);
        }
    }

    async function refresh() {
        await Promise.all(layers.filter(l => map.hasLayer(l.group)).map(load));
        element.dataset.loaded = String(Number(element.dataset.loaded || 0) + 1);
    }

    if (options.draw) addDrawing(L, map, element, options.draw, dotnet);

    map.on('moveend', refresh);
    map.on('overlayadd', e => { const l = layers.find(x => x.group === e.layer); if (l) load(l); });
    const [minLon, minLat, maxLon, maxLat] = options.bounds;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]]);
    return {
        destroy: () => map.remove(),
        refresh,
    };
}

// Drawing a polygon (a work area): start, click each corner, finish (at least three corners); the polygon goes to
// .NET as GeoJSON. Plain Leaflet, no plugin: a polyline previews the corners, a polygon shows the result.
function addDrawing(L, map, element, labels, dotnet) {
    let drawing = false, points = [], preview = null, shape = null;
    const Control = L.Control.extend({
        options: { position: 'topleft' },
        onAdd() {
            const box = L.DomUtil.create('div', 'leaflet-bar tz-map-draw');
            const button = (text, testId, handler) => {
                const b = L.DomUtil.create('a', '', box);
                b.href = '#';
                b.textContent = text;
                b.setAttribute('role', 'button');
                b.dataset.testid = testId;
                L.DomEvent.on(b, 'click', e => { L.DomEvent.stop(e); handler(); });
                return b;
            };
            button(labels.start, 'map-draw-start', start);
            button(labels.finish, 'map-draw-finish', finish);
            button(labels.clear, 'map-draw-clear', clear);
            L.DomEvent.disableClickPropagation(box);
            return box;
        },
    });
    new Control().addTo(map);

    function start() {
        clear();
        drawing = true;
        map.doubleClickZoom.disable();
        element.classList.add('tz-map-drawing');
        element.title = labels.hint;
        preview = L.polyline([], { color: '#d32f2f', weight: 2, dashArray: '4 4' }).addTo(map);
    }

    function finish() {
        if (!drawing || points.length < 3) return;
        drawing = false;
        map.doubleClickZoom.enable();
        element.classList.remove('tz-map-drawing');
        preview?.remove();
        preview = null;
        shape = L.polygon(points, { color: '#d32f2f', weight: 2, fillColor: '#ef9a9a', fillOpacity: 0.4 }).addTo(map);
        const ring = points.map(p => [Number(p.lng.toFixed(8)), Number(p.lat.toFixed(8))]);
        ring.push(ring[0]);
        element.dataset.drawn = String(points.length);
        dotnet.invokeMethodAsync('Drawn', JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
    }

    function clear() {
        drawing = false;
        points = [];
        preview?.remove();
        shape?.remove();
        preview = shape = null;
        map.doubleClickZoom.enable();
        element.classList.remove('tz-map-drawing');
        delete element.dataset.drawn;
    }

    map.on('click', e => {
        if (!drawing) return;
        points.push(e.latlng);
        preview.setLatLngs(points);
        element.dataset.corners = String(points.length);
    });
}
