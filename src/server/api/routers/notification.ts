import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import {
  listNotifications,
  listNotificationsInput,
  markAllRead,
  markRead,
  markReadInput,
  unreadCount,
} from "~/server/notification/notification-history";
import { listRules, setRule, setRuleInput } from "~/server/notification/notification-rules";
import { getNotificationSettings, updateNotificationSettings } from "~/server/notification/notification-settings";
import { updateSettingsInput } from "~/server/notification/settings-schema";
import { createLinkCode, unlinkUser } from "~/server/telegram/link-chat";

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.userId, input)),
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.userId)),
  markRead: protectedProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.db, ctx.userId, input)),
  markAllRead: protectedProcedure.mutation(({ ctx }) => markAllRead(ctx.db, ctx.userId)),
  rules: protectedProcedure.query(({ ctx }) => listRules(ctx.db, ctx.userId)),
  setRule: protectedProcedure.input(setRuleInput).mutation(({ ctx, input }) => setRule(ctx.db, ctx.userId, input)),
  settings: protectedProcedure.query(({ ctx }) => getNotificationSettings(ctx.db, ctx.userId)),
  updateSettings: protectedProcedure
    .input(updateSettingsInput)
    .mutation(({ ctx, input }) => updateNotificationSettings(ctx.db, ctx.userId, input)),
  createTelegramLink: protectedProcedure.mutation(({ ctx }) => createLinkCode(ctx.db, ctx.userId)),
  unlinkTelegram: protectedProcedure.mutation(({ ctx }) => unlinkUser(ctx.db, ctx.userId)),
});
