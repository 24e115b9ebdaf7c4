import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { App } from '../types';

/** Prometheus text at /metrics: request counts and durations by route, and the database pool. */
async function metricsPlugin(app: App) {
  // One registry per app instance, not the global one: tests build several apps in one process.
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'marsad_http_requests_total',
    help: 'HTTP requests',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'marsad_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pool = () => app.db.pool;
  new Gauge({
    name: 'marsad_db_pool_total',
    help: 'Connections in the pool',
    registers: [registry],
    collect() {
      this.set(pool().totalCount);
    },
  });
  new Gauge({
    name: 'marsad_db_pool_idle',
    help: 'Idle connections',
    registers: [registry],
    collect() {
      this.set(pool().idleCount);
    },
  });
  new Gauge({
    name: 'marsad_db_pool_waiting',
    help: 'Queries waiting for a connection',
    registers: [registry],
    collect() {
      this.set(pool().waitingCount);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}

export default fp(metricsPlugin, { name: 'metrics' });
