import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BUILTIN_DIMENSIONS } from '../../../domain/package/builtin-dimensions';
import { type ProjectedShapes, projectTopology, type Topology } from './topology';

/** Drawing width of the map, in SVG units; the page scales it to the screen. */
export const MAP_WIDTH = 520;
/** Douglas–Peucker tolerance in SVG units: under a pixel at the drawn size, keeps the map path small. */
export const MAP_TOLERANCE = 0.4;

/** The morocco-map package's licence and origin, shown under every map (ODbL-1.0 asks for attribution). */
export const MAP_ATTRIBUTION = {
  text: 'morocco-map (yousfiSaad), ODbL-1.0',
  url: 'https://github.com/yousfiSaad/morocco-map',
  licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/**
 * The official French and Arabic names of the 12 regions (shared facts §6, kept in the built-in "region"
 * dimension), never the package's English labels with their OpenStreetMap suffixes.
 */
export const REGION_NAMES: { code: string; fr: string; ar: string }[] = (
  BUILTIN_DIMENSIONS.find((d) => d.code === 'region')?.members ?? []
).map((m) => ({ code: m.code, fr: m.name.fr ?? m.code, ar: m.name.ar ?? m.code }));

let cached: ProjectedShapes | null = null;

/** The 12 regions of the Kingdom as SVG paths, projected and simplified on first use, then kept in memory. */
export function regionShapes(): ProjectedShapes {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve('morocco-map/data/regions.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  cached = projectTopology(topology, 'regions', { width: MAP_WIDTH, tolerance: MAP_TOLERANCE });
  return cached;
}
