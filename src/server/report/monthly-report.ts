/** The monthly report as a downloadable PDF, for the Insights page and the REST API. */
import type { Db } from "~/server/db";
import type { DownloadFile } from "~/server/export/download-response";
import { type MonthlyReportInput, monthlyReportData, monthlyReportInput } from "./monthly-report-data";
import { renderMonthlyReport } from "./render-monthly-report";

export const REPORT_CONTENT_TYPE = "application/pdf";

export async function monthlyReportPdf(db: Db, userId: string, rawInput: MonthlyReportInput): Promise<DownloadFile> {
  const { month } = monthlyReportInput.parse(rawInput);
  const body = await renderMonthlyReport(await monthlyReportData(db, userId, { month }));
  return { body, contentType: REPORT_CONTENT_TYPE, fileName: `monthly-report-${month}.pdf` };
}
