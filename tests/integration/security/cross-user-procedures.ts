/**
 * THE TABLE OF tRPC PROCEDURES for the cross-user sweep. Every procedure of appRouter must have
 * an entry, or the sweep fails: add yours when you add a procedure.
 *
 * - "denied": called by Bob with Alice's ids, each input must fail NOT_FOUND or FORBIDDEN.
 *   With `aliceGets`, the same query as Alice succeeds (so the ids are real).
 * - "no-leak": called by Bob with every filter pointed at Alice's data, the result (or error)
 *   holds nothing of Alice's. With `aliceSees`, the same query as Alice does show her data.
 * After every call Alice's rows are compared with a snapshot taken before: nothing may change.
 */
import type { Alice, Bob } from "./cross-user-fixture";
import { MARKER } from "./cross-user-fixture";

export type ProcedureCase =
  | { expect: "denied"; inputs: (alice: Alice, bob: Bob) => unknown[]; aliceGets?: boolean }
  | { expect: "no-leak"; inputs: (alice: Alice, bob: Bob) => unknown[]; aliceSees?: boolean };

const none = () => [undefined];
const march = { from: "2026-03-01", to: "2026-03-31" };
const ruleFor = (value: string) => ({
  name: "bob rule",
  enabled: true,
  conditions: {
    match: "all" as const,
    conditions: [{ field: "description" as const, operator: "contains" as const, value }],
  },
  actions: { setCategory: "TRANSPORTATION" },
});
const importInto = (accountId: string) => ({
  fileName: "bob.csv",
  content: Buffer.from("Date,Description,Amount\n2026-03-02,BOB,-1.00\n").toString("base64"),
  target: { kind: "existing" as const, accountId },
});
const goalFields = { name: "bob goal", targetAmount: "10.00" };
const budgetFields = {
  name: "bob budget",
  category: null,
  amount: "50.00",
  period: "MONTHLY",
  startDate: "2026-01-01",
};

export const PROCEDURE_CASES: Record<string, ProcedureCase> = {
  "user.register": {
    expect: "no-leak",
    inputs: () => [{ email: `sweep-${Date.now()}@example.com`, password: "a long password" }],
  },
  "user.me": { expect: "no-leak", inputs: none },
  "user.updateProfile": { expect: "no-leak", inputs: () => [{ fullName: "Bob" }] },
  "user.sendVerificationEmail": { expect: "no-leak", inputs: none },
  "user.verifyEmail": { expect: "no-leak", inputs: () => [{ token: "A".repeat(43) }] },
  "user.requestPasswordReset": { expect: "no-leak", inputs: (a) => [{ email: a.user.email }] },
  "user.resetPassword": { expect: "no-leak", inputs: () => [{ token: "B".repeat(43), password: "a long password" }] },
  "user.changePassword": {
    expect: "no-leak",
    inputs: () => [{ currentPassword: "wrong", newPassword: "a long password" }],
  },
  "user.deleteAccount": { expect: "no-leak", inputs: () => [{ confirm: "DELETE", password: "wrong" }] },

  "bank.accounts": { expect: "no-leak", inputs: none, aliceSees: true },
  "bank.connections": { expect: "no-leak", inputs: none, aliceSees: true },
  "bank.linkMode": { expect: "no-leak", inputs: none },
  // Without an id it names nothing of anyone's; with Alice's connection (update mode) Bob is refused.
  "bank.createLinkToken": { expect: "denied", inputs: (a) => [{ connectionId: a.connectionId }] },
  "bank.confirmReauth": { expect: "denied", inputs: (a) => [{ connectionId: a.connectionId }] },
  "bank.exchangePublicToken": { expect: "no-leak", inputs: () => [{ publicToken: "public-local-not-a-token" }] },
  "bank.sandboxInstitutions": { expect: "no-leak", inputs: none },
  "bank.connectSandbox": { expect: "no-leak", inputs: () => [{ institutionId: "ins_does_not_exist" }] },
  "bank.syncNow": { expect: "denied", inputs: (a) => [{ connectionId: a.connectionId }] },
  "bank.disconnect": {
    expect: "denied",
    inputs: (a) => [
      { connectionId: a.connectionId, keepHistory: true },
      { connectionId: a.connectionId, keepHistory: false },
    ],
  },

  "import.preview": { expect: "denied", inputs: (a) => [importInto(a.accountId)] },
  "import.commit": { expect: "denied", inputs: (a) => [importInto(a.accountId)] },
  "transaction.list": {
    expect: "no-leak",
    aliceSees: true,
    inputs: (a) => [
      {},
      { accountId: a.accountId },
      { category: "FOOD_AND_DRINK" },
      { search: MARKER },
      { ...march },
      // Through tRPC "direction" is the infinite query's paging direction, not DEBIT/CREDIT (routers/transaction.ts);
      // the REST sweep covers that filter.
      { direction: "forward" },
      { accountId: a.accountId, category: "FOOD_AND_DRINK", search: "cafe", ...march },
    ],
  },
  "transaction.byId": { expect: "denied", aliceGets: true, inputs: (a) => [{ id: a.transactionId }] },
  "transaction.search": { expect: "no-leak", aliceSees: true, inputs: () => [{ query: MARKER }, { query: "cafe" }] },
  "transaction.categories": { expect: "no-leak", aliceSees: true, inputs: none },
  "transaction.categorySummary": { expect: "no-leak", inputs: () => [undefined, march] },
  "transaction.setCategory": {
    expect: "denied",
    inputs: (a, b) => [
      { ids: [a.transactionId], category: "TRANSPORTATION" },
      { ids: [a.transactionId], category: "TRANSPORTATION", applyToMerchant: true },
      { ids: [b.accountId], category: "TRANSPORTATION" },
    ],
  },
  "transaction.setNotes": {
    expect: "denied",
    inputs: (a) => [{ id: a.transactionId, notes: "bob was here", tags: [] }],
  },
  "transaction.splits": { expect: "denied", aliceGets: true, inputs: (a) => [{ id: a.transactionId }] },
  "transaction.setSplits": {
    expect: "denied",
    inputs: (a) => [
      {
        id: a.transactionId,
        parts: [
          { amount: "-40.00", category: "TRANSPORTATION" },
          { amount: "-2.00", category: "TRANSPORTATION" },
        ],
      },
      { id: a.transactionId, parts: [] },
    ],
  },

  "rules.list": { expect: "no-leak", inputs: none, aliceSees: true },
  // What Bob stores must not carry MARKER, or his own data would look like a leak later.
  "rules.create": {
    expect: "no-leak",
    inputs: (a) => [
      { ...ruleFor("x"), conditions: { match: "all", conditions: [{ field: "account", accountId: a.accountId }] } },
      // Alice's own category slug is unknown to Bob.
      { ...ruleFor("x"), actions: { setCategory: "alice-only" } },
    ],
  },
  "rules.update": { expect: "denied", inputs: (a) => [{ id: a.ruleId, rule: ruleFor("bob") }] },
  "rules.delete": { expect: "denied", inputs: (a) => [{ id: a.ruleId }] },
  // The list must name exactly the caller's own rules, so a foreign id fails validation (BAD_REQUEST).
  "rules.reorder": { expect: "no-leak", inputs: (a) => [{ ids: [a.ruleId] }] },
  "rules.preview": {
    expect: "no-leak",
    aliceSees: true,
    inputs: (a) => [
      ruleFor(MARKER),
      { ...ruleFor("x"), conditions: { match: "all", conditions: [{ field: "account", accountId: a.accountId }] } },
    ],
  },
  "rules.applyToExisting": { expect: "denied", inputs: (a) => [{ id: a.ruleId }] },

  "budget.list": { expect: "no-leak", inputs: none, aliceSees: true },
  "budget.byId": { expect: "denied", aliceGets: true, inputs: (a) => [{ id: a.budgetId }] },
  "budget.create": { expect: "no-leak", inputs: () => [budgetFields] },
  "budget.update": { expect: "denied", inputs: (a) => [{ ...budgetFields, id: a.budgetId }] },
  "budget.setArchived": { expect: "denied", inputs: (a) => [{ id: a.budgetId, archived: true }] },
  "budget.delete": { expect: "denied", inputs: (a) => [{ id: a.budgetId }] },

  "goal.list": { expect: "no-leak", inputs: none, aliceSees: true },
  "goal.byId": { expect: "denied", aliceGets: true, inputs: (a) => [{ id: a.goalId }] },
  "goal.create": { expect: "denied", inputs: (a) => [{ ...goalFields, trackedAccountId: a.accountId }] },
  "goal.update": {
    expect: "denied",
    inputs: (a, b) => [
      { ...goalFields, id: a.goalId },
      { ...goalFields, id: a.goalId, trackedAccountId: b.accountId },
    ],
  },
  "goal.setStatus": { expect: "denied", inputs: (a) => [{ id: a.goalId, status: "ABANDONED" }] },
  "goal.delete": { expect: "denied", inputs: (a) => [{ id: a.goalId }] },
  "goal.contribute": { expect: "denied", inputs: (a) => [{ goalId: a.goalId, amount: "5.00" }] },
  "goal.deleteContribution": { expect: "denied", inputs: (a) => [{ id: a.contributionId }] },

  "notification.list": { expect: "no-leak", aliceSees: true, inputs: () => [{}, { unreadOnly: true }] },
  "notification.unreadCount": { expect: "no-leak", inputs: none },
  "notification.markRead": { expect: "no-leak", inputs: (a) => [{ ids: [a.notificationId] }] },
  "notification.markAllRead": { expect: "no-leak", inputs: none },
  "notification.rules": { expect: "no-leak", inputs: none },
  "notification.setRule": {
    expect: "no-leak",
    inputs: () => [{ type: "large_transaction", enabled: false, channels: [] }],
  },
  "notification.settings": { expect: "no-leak", inputs: none },
  "notification.updateSettings": { expect: "no-leak", inputs: () => [{ notificationEnabled: false }] },
  "notification.createTelegramLink": { expect: "no-leak", inputs: none },
  "notification.unlinkTelegram": { expect: "no-leak", inputs: none },

  "analytics.spendingTrends": {
    expect: "no-leak",
    aliceSees: true,
    inputs: () => [undefined, { months: 12, until: "2026-03-31" }],
  },
  "analytics.netWorth": { expect: "no-leak", inputs: () => [undefined, { months: 36 }] },
  "analytics.anomalies": { expect: "no-leak", inputs: () => [undefined, { days: 90 }] },
  "analytics.forecast": { expect: "no-leak", inputs: () => [undefined, { days: 90 }] },
  "analytics.recurring": { expect: "no-leak", inputs: none },
  "analytics.insights": { expect: "no-leak", aliceSees: true, inputs: () => [undefined, { includeDismissed: true }] },
  "analytics.markInsightsViewed": { expect: "no-leak", inputs: (a) => [{ ids: [a.insightId] }] },
  "analytics.dismissInsight": { expect: "denied", inputs: (a) => [{ id: a.insightId }] },
  "analytics.refreshInsights": { expect: "no-leak", inputs: none },

  "chat.conversations": { expect: "no-leak", aliceSees: true, inputs: none },
  "chat.conversation": { expect: "denied", aliceGets: true, inputs: (a) => [{ id: a.conversationId }] },
  "chat.deleteConversation": { expect: "denied", inputs: (a) => [{ id: a.conversationId }] },

  "security.twoFactor.status": { expect: "no-leak", inputs: none },
  "security.twoFactor.startEnrollment": { expect: "no-leak", inputs: none },
  "security.twoFactor.confirmEnrollment": { expect: "no-leak", inputs: () => [{ code: "000000" }] },
  "security.twoFactor.disable": { expect: "no-leak", inputs: () => [{ code: "000000" }] },
  "security.twoFactor.regenerateRecoveryCodes": { expect: "no-leak", inputs: () => [{ code: "000000" }] },
  "security.sessions.list": { expect: "no-leak", inputs: none, aliceSees: true },
  "security.sessions.revoke": { expect: "denied", inputs: (a) => [{ id: a.sessionId }] },
  "security.sessions.revokeOthers": { expect: "no-leak", inputs: none },
  "security.sessions.revokeAll": { expect: "no-leak", inputs: none },
  "security.apiTokens.list": { expect: "no-leak", inputs: none, aliceSees: true },
  "security.apiTokens.create": { expect: "no-leak", inputs: () => [{ name: "bob token", scope: "READ" }] },
  "security.apiTokens.revoke": { expect: "denied", inputs: (a) => [{ id: a.tokenId }] },
  "security.auditLog": {
    expect: "no-leak",
    aliceSees: true,
    inputs: (a) => [{}, { cursor: Buffer.from(`${new Date().toISOString()}|${a.auditId}`).toString("base64url") }],
  },
};
