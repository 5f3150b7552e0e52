/**
 * Audit entries are kept for seven years (the architecture document's retention for the audit
 * trail), then deleted by the daily reconcile job. Entries of deleted accounts age out the same way.
 */
import type { Db } from "~/server/db";

export const AUDIT_RETENTION_YEARS = 7;

export function auditRetentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - AUDIT_RETENTION_YEARS);
  return cutoff;
}

export async function pruneAuditLog(db: Pick<Db, "auditLog">, now = new Date()): Promise<{ deleted: number }> {
  const { count } = await db.auditLog.deleteMany({ where: { timestamp: { lt: auditRetentionCutoff(now) } } });
  return { deleted: count };
}
