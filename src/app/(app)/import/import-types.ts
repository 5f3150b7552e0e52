import type { RouterInputs, RouterOutputs } from "~/lib/trpc/types";

export type ImportTarget = RouterInputs["import"]["preview"]["target"];
export type ImportOptions = NonNullable<RouterInputs["import"]["preview"]["options"]>;
export type CsvOverride = NonNullable<ImportOptions["csv"]>;
export type UploadPreview = RouterOutputs["import"]["preview"];
export type PreviewRow = UploadPreview["rows"][number];
export type UploadResult = RouterOutputs["import"]["commit"];
