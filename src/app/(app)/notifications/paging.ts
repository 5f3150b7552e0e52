export const NOTIFICATIONS_PAGE_SIZE = 30;

export const nextNotificationsPage = (page: { nextCursor: string | null }) => page.nextCursor;
