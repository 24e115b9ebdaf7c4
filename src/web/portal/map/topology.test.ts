import { describe, expect, it } from 'vitest';
import { MAP_WIDTH, REGION_NAMES, regionShapes } from './regions';
import {
  type Point,
  projectTopology,
  ringArea,
  ringCentroid,
  ringPath,
  simplify,
  type Topology,
} from './topology';

describe('simplify (Douglas–Peucker)', () => {
  it.each([
    [
      'a straight line keeps its ends',
      [
        [0, 0],
        [1, 0.05],
        [2, 0],
        [3, 0],
      ],
      0.1,
      [
        [0, 0],
        [3, 0],
      ],
    ],
    [
      'a bump above the tolerance stays',
      [
        [0, 0],
        [1, 0.5],
        [2, 0],
      ],
      0.1,
      [
        [0, 0],
        [1, 0.5],
        [2, 0],
      ],
    ],
    [
      'a bump below the tolerance goes',
      [
        [0, 0],
        [1, 0.5],
        [2, 0],
      ],
      0.6,
      [
        [0, 0],
        [2, 0],
      ],
    ],
    [
      'two points are left alone',
      [
        [0, 0],
        [5, 5],
      ],
      10,
      [
        [0, 0],
        [5, 5],
      ],
    ],
  ] as [string, Point[], number, Point[]][])('%s', (_name, points, tolerance, expected) => {
    expect(simplify(points, tolerance)).toEqual(expected);
  });
});

describe('rings', () => {
  const square: Point[] = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ];
  it('writes integer relative coordinates, closed', () => {
    expect(
      ringPath([
        [0.4, 0.4],
        [10.2, 0],
        [10, 9.6],
        [0, 10],
        [0, 0],
      ]),
    ).toBe('M0 0l10 0 0 10-10 0z');
  });
  it('drops a ring that rounds to fewer than three corners', () => {
    expect(
      ringPath([
        [0, 0],
        [0.2, 0.1],
        [0.1, 0.3],
        [0, 0],
      ]),
    ).toBe('');
  });
  it('gives the area and centroid of a square', () => {
    expect(Math.abs(ringArea(square))).toBe(100);
    expect(ringCentroid(square)).toEqual([5, 5]);
  });
});

describe('projectTopology', () => {
  // Two 1° squares side by side sharing the arc x = 1, quantized with a scale of 1 and delta-encoded.
  const topology: Topology = {
    type: 'Topology',
    transform: { scale: [1, 1], translate: [0, -0.5] }, // centred on the equator: cos 0 = 1
    arcs: [
      [
        [1, 0],
        [0, 1],
      ], // shared border, bottom to top
      [
        [1, 1],
        [-1, 0],
        [0, -1],
        [1, 0],
      ], // left square's other sides, back to the start
      [
        [1, 0],
        [1, 0],
        [0, 1],
        [-1, 0],
      ], // right square's other sides
    ],
    objects: {
      squares: {
        type: 'GeometryCollection',
        geometries: [
          { id: 'L', type: 'Polygon', arcs: [[0, 1]] },
          { id: 'R', type: 'Polygon', arcs: [[2, -1]] },
        ],
      },
    },
  };
  it('decodes, fits the width and keeps the shared border identical on both sides', () => {
    const { width, height, shapes } = projectTopology(topology, 'squares', { width: 200, tolerance: 0.5 });
    expect(width).toBe(200);
    expect(height).toBe(100);
    expect(shapes.map((s) => s.id)).toEqual(['L', 'R']);
    expect(shapes[0]!.d).toBe('M100 100l0-100-100 0 0 100z');
    expect(shapes[1]!.d).toBe('M100 100l100 0 0-100-100 0z');
    expect(shapes[0]!.label).toEqual([50, 50]);
  });
});

describe('the regions of morocco-map', () => {
  it('are the 12 regions with their official codes, in a path small enough for a phone', () => {
    const { width, shapes } = regionShapes();
    expect(width).toBe(MAP_WIDTH);
    expect(shapes.map((s) => s.id).sort()).toEqual(REGION_NAMES.map((r) => r.code));
    const bytes = shapes.reduce((sum, s) => sum + s.d.length, 0);
    expect(bytes).toBeLessThan(40_000);
    for (const shape of shapes) expect(shape.d).toMatch(/^M\d+ \d+l/);
  });
});
