"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc/react";

/** Recategorizes and refreshes every view that shows transactions or spending. */
export function useRecategorize() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.transaction.setCategory.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.transaction.pathKey() }),
    }),
  );
}
