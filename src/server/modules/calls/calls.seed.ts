import type { Queryable } from '../../db/pool';

interface SeedCall {
  code: string;
  title: object;
  description?: object | null;
  eligibility?: object | null;
  themes?: object[];
  organizer?: string | null;
  strategy?: string | null;
  opensAt?: string | null;
  closesAt?: string | null;
  publishedStats?: object | null;
  source?: object | null;
}

/** Inserts the historical calls not yet present (closed, with their published figures only); returns the count. */
export async function seedCalls(tx: Queryable, calls: SeedCall[]): Promise<number> {
  let added = 0;
  for (const c of calls) {
    const rows = await tx.query(
      `INSERT INTO calls (code, title, description, eligibility, themes, organizer_id, strategy_id, opens_at,
                          closes_at, state, is_historical, published_stats, source)
       SELECT $1, $2, $3, $4, $5, (SELECT id FROM organizations WHERE code = $6 AND deleted_at IS NULL),
              (SELECT id FROM strategies WHERE code = $7), $8, $9, 'closed', true, $10, $11
        WHERE NOT EXISTS (SELECT 1 FROM calls WHERE lower(code) = lower($1) AND deleted_at IS NULL)
       RETURNING id`,
      [
        c.code,
        c.title,
        c.description ?? null,
        c.eligibility ?? null,
        JSON.stringify(c.themes ?? []),
        c.organizer ?? null,
        c.strategy ?? null,
        c.opensAt ?? null,
        c.closesAt ?? null,
        c.publishedStats ?? null,
        c.source ?? null,
      ],
    );
    added += rows.length;
  }
  return added;
}
