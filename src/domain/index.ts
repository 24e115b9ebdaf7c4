// The public API of the pure domain library; other folders import from here, not from single modules.

export * from './achievement';
export * from './agreements';
export * from './budget';
export * from './components';
export * from './errors';
export * from './forecast';
export * from './growth';
export * from './i18n';
export * from './periods';
export * from './rollup';
export * from './status';
export * from './trajectory';
