import { dayNumber } from '../../../domain/periods';
import { systemActor } from '../../access/actor';
import type { App } from '../../types';
import { listStrategies, today } from '../strategy/strategy.service';
import { storeBriefings } from './briefing.service';

// The briefing book on a schedule: every BRIEFING_INTERVAL_DAYS days (7 by default, 0 = never; off in tests), the briefing of
// each adopted strategy in French and Arabic is stored under DATA_DIR/briefings/{code}/{date}-{lang}.pdf.

export const BRIEFING_JOB = 'briefing.generate';

export function briefingIntervalDays(env: NodeJS.ProcessEnv = process.env): number {
  // Off under test runners unless asked, like the other background work: a test's tick() prints no PDFs.
  if (!env.BRIEFING_INTERVAL_DAYS) return env.NODE_ENV === 'test' || env.VITEST !== undefined ? 0 : 7;
  const days = Number(env.BRIEFING_INTERVAL_DAYS);
  return Number.isInteger(days) && days >= 0 ? days : 7;
}

/** The dedupe key of the current interval: one job per interval whichever process queues it. */
export const briefingKey = (days: number) => () => String(Math.floor(dayNumber(today()) / days));

export function briefingJob(app: App) {
  return async () => {
    const ctx = { actor: systemActor('scheduled briefing'), db: app.db };
    const strategies = await listStrategies(ctx);
    for (const strategy of strategies.filter((s) => s.state === 'adopted')) {
      const files = await storeBriefings(ctx, app.config.dataDir, strategy.code);
      app.log.info({ strategy: strategy.code, files }, 'briefing stored');
    }
  };
}
