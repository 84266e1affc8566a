// Makes src/PspPortal.Web/Pages/Map/UsStates.json, the state shapes of /Map, from the U.S. Census Bureau's
// cartographic boundaries as packaged in us-atlas (ISC licence). Run once when the shapes or the projection change:
//   cd scripts/us-map && npm ci && node make-us-map.mjs
// The projection is an Albers USA-style composite: the lower 48 states and DC on one conic equal-area projection,
// Alaska, Hawaii and Puerto Rico as insets of their own. Its parameters are written into the file and
// Pages/Map/UsMapProjection.cs projects the sites' coordinates with exactly the same ones ("checks" below are
// points that a test projects again in C#).
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";
import { geoConicEqualArea, geoPath } from "d3-geo";

const width = 975, height = 610, k = 1300, x = 487.5, y = 305;

// The insets; lower48 and alaska/hawaii are d3-geo's geoAlbersUsa, Puerto Rico is placed below Florida.
const parts = {
  lower48: { rotate: 96, center: [-0.6, 38.7], parallels: [29.5, 45.5], scale: k, translate: [x, y] },
  alaska: { rotate: 154, center: [-2, 58.5], parallels: [55, 65], scale: k * 0.35, translate: [x - 0.307 * k, y + 0.201 * k] },
  hawaii: { rotate: 157, center: [-3, 19.9], parallels: [8, 18], scale: k, translate: [x - 0.205 * k, y + 0.212 * k] },
  puertoRico: { rotate: 66.4, center: [0, 18.2], parallels: [8, 18], scale: k * 1.5, translate: [x + 0.33 * k, y + 0.2 * k] },
};
const projectionOf = p => geoConicEqualArea().rotate([p.rotate, 0]).center(p.center).parallels(p.parallels).scale(p.scale).translate(p.translate);
const partOf = fips => fips === "02" ? "alaska" : fips === "15" ? "hawaii" : fips === "72" ? "puertoRico" : "lower48";
const round = v => Math.round(v * 1000) / 1000;

const topo = JSON.parse(readFileSync(new URL("node_modules/us-atlas/states-10m.json", import.meta.url)));
const states = feature(topo, topo.objects.states).features
  .filter(f => Number(f.id) <= 56 || f.id === "72")
  .sort((a, b) => a.properties.name.localeCompare(b.properties.name))
  .map(f => {
    const part = partOf(f.id);
    const path = geoPath(projectionOf(parts[part])).digits(1)(f);
    const [[x0, y0], [x1, y1]] = geoPath(projectionOf(parts[part])).bounds(f);
    return { fips: f.id, name: f.properties.name, part, path, box: [x0, y0, x1, y1].map(v => Math.round(v)) };
  });

const insetBox = part => {
  const boxes = states.filter(s => s.part === part).map(s => s.box);
  return [Math.min(...boxes.map(b => b[0])) - 6, Math.min(...boxes.map(b => b[1])) - 6, Math.max(...boxes.map(b => b[2])) + 6, Math.max(...boxes.map(b => b[3])) + 6];
};

const checks = [[-82.4572, 27.9506, "lower48"], [-149.9003, 61.2181, "alaska"], [-157.8583, 21.3069, "hawaii"], [-66.1057, 18.4655, "puertoRico"], [-122.3321, 47.6062, "lower48"]]
  .map(([lon, lat, part]) => { const [px, py] = projectionOf(parts[part])([lon, lat]); return { lon, lat, part, x: round(px), y: round(py) }; });

const out = {
  source: "U.S. Census Bureau cartographic boundary files (1:10,000,000), as TopoJSON in the npm package us-atlas 3.0.1 by Mike Bostock (ISC licence); projected by scripts/us-map/make-us-map.mjs with d3-geo 3.1.2",
  width, height, parts,
  insets: { alaska: insetBox("alaska"), hawaii: insetBox("hawaii"), puertoRico: insetBox("puertoRico") },
  checks,
  states: states.map(({ fips, name, part, path }) => ({ fips, name, part, path })),
};
writeFileSync(new URL("../../src/PspPortal.Web/Pages/Map/UsStates.json", import.meta.url), JSON.stringify(out));
console.log(`${states.length} shapes`);
