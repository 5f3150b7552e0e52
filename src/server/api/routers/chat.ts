import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import {
  conversationIdInput,
  deleteConversation,
  getConversation,
  listConversations,
} from "~/server/chat/conversations";

/** Stored conversations; the chat turns themselves stream from /api/chat. */
export const chatRouter = createTRPCRouter({
  conversations: protectedProcedure.query(({ ctx }) => listConversations(ctx.db, ctx.userId)),
  conversation: protectedProcedure
    .input(conversationIdInput)
    .query(({ ctx, input }) => getConversation(ctx.db, ctx.userId, input.id)),
  deleteConversation: protectedProcedure
    .input(conversationIdInput)
    .mutation(({ ctx, input }) => deleteConversation(ctx.db, ctx.userId, input.id)),
});
