/** One page of the security log; the server prefetch and the client query must ask for the same. */
export const AUDIT_PAGE = { limit: 25 } as const;

export const nextAuditPage = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;
