import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { commitUpload, importUploadInput, previewUpload } from "~/server/import/import-upload";

/** The Import page: preview an uploaded bank file, then commit it (the accounts come from bank.accounts). */
export const importRouter = createTRPCRouter({
  preview: protectedProcedure
    .input(importUploadInput)
    .mutation(({ ctx, input }) => previewUpload(ctx.db, ctx.userId, input)),
  commit: protectedProcedure
    .input(importUploadInput)
    .mutation(({ ctx, input }) => commitUpload(ctx.db, ctx.userId, input)),
});
