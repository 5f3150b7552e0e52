import { expect, it } from "vitest";
import { db } from "~/server/db";
import { pruneAuditLog } from "~/server/security/audit-retention";
import { process as runSchedule } from "~/workers/processors/alerts-schedule";
import { createTestUser } from "../factories";

const NOW = new Date("2026-11-29T03:20:00Z");

it("deletes audit entries older than seven years, of live and deleted accounts, and keeps the rest", async () => {
  const user = await createTestUser(db);
  const entry = (userId: string | null, timestamp: string) =>
    db.auditLog.create({ data: { userId, action: "sign_in.succeeded", timestamp: new Date(timestamp) } });
  const expired = [await entry(user.id, "2019-11-29T03:19:59Z"), await entry(null, "2015-01-01T00:00:00Z")];
  const kept = [await entry(user.id, "2019-11-29T03:20:00Z"), await entry(null, "2026-11-28T12:00:00Z")];

  await expect(pruneAuditLog(db, NOW)).resolves.toEqual({ deleted: 2 });
  const left = await db.auditLog.findMany({ where: { id: { in: [...expired, ...kept].map((e) => e.id) } } });
  expect(left.map((e) => e.id).sort()).toEqual(kept.map((e) => e.id).sort());
  await expect(pruneAuditLog(db, NOW)).resolves.toEqual({ deleted: 0 });
});

it("runs as part of the daily reconcile job", async () => {
  const old = await db.auditLog.create({
    data: { action: "account.deleted", timestamp: new Date("2000-01-01T00:00:00Z") },
  });
  const recent = await db.auditLog.create({ data: { action: "account.deleted" } });
  const result = await runSchedule({ task: "reconcile" });
  // The job prunes by today's date, so the first test's entries may expire with it.
  expect(result).toMatchObject({ auditLog: { deleted: expect.any(Number) } });
  expect(await db.auditLog.findUnique({ where: { id: old.id } })).toBeNull();
  expect(await db.auditLog.findUnique({ where: { id: recent.id } })).not.toBeNull();
});
