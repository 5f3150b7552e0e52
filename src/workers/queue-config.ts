import type { Registry } from "./registry";

/**
 * One entry per queue this worker consumes. Processors load lazily so that a worker process
 * only pays for the domains it runs.
 */
export const registry: Registry = {};
