// TopoJSON → small SVG paths, done once at start-up: arcs decoded, projected, simplified (each shared arc once,
// so neighbouring regions keep exactly the same border) and written with integer relative coordinates.

export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

export interface TopoGeometry {
  id?: string;
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  properties?: Record<string, string>;
}

export type Point = [number, number];

/** The arcs as absolute longitude/latitude points (quantized, delta-encoded arcs decoded). */
export function decodeArcs(topology: Topology): Point[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map(([x, y]) => [x, y] as Point);
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Point;
    });
  });
}

/** Distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const u = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + u * dx), p[1] - (a[1] + u * dy));
}

/** Douglas–Peucker: keeps the end points and every point farther than `tolerance` from the simplified line. */
export function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

export interface Projection {
  width: number;
  height: number;
  project(point: Point): Point;
}

/**
 * An equirectangular projection with longitudes shrunk by the cosine of the middle latitude, fitted into a
 * `width`-wide box: at Morocco's size, shapes and areas stay true to the eye.
 */
export function fitProjection(points: readonly Point[], width: number): Projection {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = width / ((maxX - minX) * k);
  return {
    width,
    height: Math.ceil((maxY - minY) * scale),
    project: ([x, y]) => [(x - minX) * k * scale, (maxY - y) * scale],
  };
}

/** A closed ring as an SVG path: integer coordinates, relative moves, repeated points dropped. */
export function ringPath(ring: readonly Point[]): string {
  const rounded = ring.map(([x, y]) => [Math.round(x), Math.round(y)] as Point);
  const points = rounded.filter(
    (p, i) => i === 0 || p[0] !== rounded[i - 1]![0] || p[1] !== rounded[i - 1]![1],
  );
  if (points.length < 4) return '';
  let d = `M${points[0]![0]} ${points[0]![1]}`;
  for (let i = 1; i < points.length - 1; i++) {
    const dx = points[i]![0] - points[i - 1]![0];
    const dy = points[i]![1] - points[i - 1]![1];
    d += `${i === 1 ? 'l' : dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ' '}${dy}`;
  }
  return `${d}z`;
}

/** Signed area of a ring (shoelace), for picking a region's main ring and its label point. */
export function ringArea(ring: readonly Point[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    area += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  }
  return area / 2;
}

/** The centroid of a ring, where its label goes. */
export function ringCentroid(ring: readonly Point[]): Point {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return ring[0] ?? [0, 0];
  return [cx / (3 * a), cy / (3 * a)];
}

export interface ShapePath {
  id: string;
  d: string;
  label: Point;
  properties: Record<string, string>;
}

export interface ProjectedShapes {
  width: number;
  height: number;
  shapes: ShapePath[];
}

/**
 * Every geometry of `object` as one SVG path in a `width`-wide box, arcs simplified to `tolerance` pixels
 * before rounding. Rings that simplify to nothing (islets) are dropped.
 */
export function projectTopology(
  topology: Topology,
  object: string,
  options: { width: number; tolerance: number },
): ProjectedShapes {
  const decoded = decodeArcs(topology);
  const projection = fitProjection(decoded.flat(), options.width);
  const arcs = decoded.map((arc) => simplify(arc.map(projection.project), options.tolerance));
  const ringOf = (indexes: number[]): Point[] => {
    const ring: Point[] = [];
    for (const index of indexes) {
      const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
      ring.push(...(ring.length ? arc.slice(1) : arc));
    }
    return ring;
  };
  const geometries = topology.objects[object]?.geometries ?? [];
  const shapes = geometries.map((geometry, i) => {
    const polygons = (
      geometry.type === 'Polygon' ? [geometry.arcs as number[][]] : (geometry.arcs as number[][][])
    ).map((polygon) => polygon.map(ringOf));
    const rings = polygons.flat();
    const largest = polygons
      .map((polygon) => polygon[0] ?? [])
      .reduce((best, ring) => (Math.abs(ringArea(ring)) > Math.abs(ringArea(best)) ? ring : best), []);
    const label = ringCentroid(largest);
    return {
      id: geometry.id ?? String(i),
      d: rings.map(ringPath).join(''),
      label: [Math.round(label[0]), Math.round(label[1])] as Point,
      properties: geometry.properties ?? {},
    };
  });
  return { width: projection.width, height: projection.height, shapes };
}
