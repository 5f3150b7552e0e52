import { analyticsRouter } from "./routers/analytics";
import { bankRouter } from "./routers/bank";
import { budgetRouter } from "./routers/budget";
import { chatRouter } from "./routers/chat";
import { goalRouter } from "./routers/goal";
import { importRouter } from "./routers/import";
import { notificationRouter } from "./routers/notification";
import { rulesRouter } from "./routers/rules";
import { securityRouter } from "./routers/security";
import { transactionRouter } from "./routers/transaction";
import { userRouter } from "./routers/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** One router per domain (shared/DESIGN.md); each only wires procedures to services. */
export const appRouter = createTRPCRouter({
  user: userRouter,
  bank: bankRouter,
  transaction: transactionRouter,
  import: importRouter,
  rules: rulesRouter,
  budget: budgetRouter,
  goal: goalRouter,
  notification: notificationRouter,
  security: securityRouter,
  analytics: analyticsRouter,
  chat: chatRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
