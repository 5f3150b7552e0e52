import { z } from "zod";
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { notFound } from "~/server/errors";
import type { InsightCandidate } from "./insight-rules";

const insightSelect = {
  id: true,
  insightType: true,
  title: true,
  description: true,
  data: true,
  priority: true,
  viewed: true,
  dismissed: true,
  createdAt: true,
} satisfies Prisma.InsightSelect;

type Row = Prisma.InsightGetPayload<{ select: typeof insightSelect }>;

const toDto = (row: Row) => ({
  id: row.id,
  type: row.insightType,
  title: row.title,
  description: row.description,
  data: (row.data ?? {}) as Record<string, string | number | boolean | null>,
  priority: row.priority,
  viewed: row.viewed,
  dismissed: row.dismissed,
  createdAt: row.createdAt.toISOString(),
});

export type StoredInsight = ReturnType<typeof toDto>;

/** Inserts the candidates not stored before; returns only the new ones. */
export async function saveInsights(db: Db, userId: string, candidates: InsightCandidate[]): Promise<StoredInsight[]> {
  if (candidates.length === 0) return [];
  const rows = await db.insight.createManyAndReturn({
    data: candidates.map((c) => ({ userId, ...c })),
    skipDuplicates: true,
    select: insightSelect,
  });
  return rows.map(toDto);
}

export const listInsightsInput = z.object({
  includeDismissed: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
});

const PRIORITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/** Newest first, high priority on top within a day. */
export async function listInsights(db: Db, userId: string, rawInput: z.input<typeof listInsightsInput> = {}) {
  const input = listInsightsInput.parse(rawInput);
  const rows = await db.insight.findMany({
    where: { userId, ...(input.includeDismissed ? {} : { dismissed: false }) },
    select: insightSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: input.limit,
  });
  return rows
    .map(toDto)
    .sort(
      (a, b) =>
        b.createdAt.slice(0, 10).localeCompare(a.createdAt.slice(0, 10)) ||
        PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority],
    );
}

export const insightIdsInput = z.object({ ids: z.array(z.uuid()).min(1).max(100) });

export async function markInsightsViewed(db: Db, userId: string, ids: string[]) {
  const { count } = await db.insight.updateMany({ where: { userId, id: { in: ids } }, data: { viewed: true } });
  return { updated: count };
}

export async function dismissInsight(db: Db, userId: string, id: string) {
  const { count } = await db.insight.updateMany({ where: { userId, id }, data: { dismissed: true, viewed: true } });
  if (count === 0) throw notFound("Insight");
  return { id, dismissed: true };
}
