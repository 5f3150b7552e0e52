/**
 * The monthly report as a PDF, drawn with PDFKit (vector bars, built-in fonts): no browser in the
 * web server and nothing to install in the image. Amounts are formatted from their exact decimal
 * strings; bar lengths are geometry only, the one place a ratio is taken as a float.
 */
import PDFDocument from "pdfkit";
import { formatMoney, humanizeSlug } from "~/lib/format";
import type { MonthlyReport } from "./monthly-report-data";
import { pdfText } from "./pdf-text";

type Doc = PDFKit.PDFDocument;

const LEFT = 50;
const WIDTH = 495; // A4 is 595 points wide
const BAR = "#2563eb";
const OVER = "#dc2626";
const MUTED = "#6b7280";
const CATEGORIES_SHOWN = 8;

function heading(doc: Doc, text: string) {
  if (doc.y > 700) doc.addPage();
  doc.moveDown(1).font("Helvetica-Bold").fontSize(13).fillColor("black").text(pdfText(text), LEFT);
  doc.moveDown(0.4).font("Helvetica").fontSize(10);
}

function row(doc: Doc, cells: string[], widths: number[], bold = false) {
  if (doc.y > 760) doc.addPage();
  const y = doc.y;
  let x = LEFT;
  doc
    .font(bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(10)
    .fillColor("black");
  cells.forEach((cell, i) => {
    doc.text(pdfText(cell), x, y, { width: widths[i]! - 6, align: i === 0 ? "left" : "right", lineBreak: false });
    x += widths[i]!;
  });
  doc.x = LEFT;
  doc.y = y + 16;
}

/** A labelled horizontal bar: `part` of `whole`, red past 100 %. */
function bar(doc: Doc, label: string, value: string, part: number, whole: number) {
  if (doc.y > 750) doc.addPage();
  const y = doc.y;
  const track = WIDTH - 250;
  const share = whole > 0 ? Math.min(part / whole, 1) : 0;
  doc.font("Helvetica").fontSize(10).fillColor("black").text(pdfText(label), LEFT, y, { width: 150, lineBreak: false });
  doc.rect(LEFT + 155, y + 1, track, 9).fill("#e5e7eb");
  if (share > 0) doc.rect(LEFT + 155, y + 1, Math.max(track * share, 1), 9).fill(part > whole ? OVER : BAR);
  doc.fillColor("black").text(pdfText(value), LEFT + 160 + track, y, { width: 90, align: "right", lineBreak: false });
  doc.x = LEFT;
  doc.y = y + 16;
}

function summary(doc: Doc, report: MonthlyReport) {
  heading(doc, "Summary");
  if (report.summary.length === 0) {
    doc.fillColor(MUTED).text("No income or spending in this month.", LEFT).fillColor("black");
    return;
  }
  const widths = [95, 130, 130, 140];
  row(doc, ["Currency", "Income", "Spending", "Net"], widths, true);
  for (const s of report.summary) {
    const money = (amount: string) => formatMoney(amount, s.currency, report.locale);
    row(doc, [s.currency, money(s.income), money(s.spent), money(s.net)], widths);
  }
}

function categories(doc: Doc, report: MonthlyReport) {
  heading(doc, "Spending by category");
  if (report.categories.length === 0) doc.fillColor(MUTED).text("Nothing spent.", LEFT).fillColor("black");
  const currencies = [...new Set(report.categories.map((c) => c.currency))];
  for (const currency of currencies) {
    const list = report.categories.filter((c) => c.currency === currency).slice(0, CATEGORIES_SHOWN);
    const largest = Number(list[0]?.spent ?? 0);
    for (const c of list) {
      bar(doc, humanizeSlug(c.category), formatMoney(c.spent, currency, report.locale), Number(c.spent), largest);
    }
  }
}

function budgets(doc: Doc, report: MonthlyReport) {
  heading(doc, "Budgets");
  if (report.budgets.length === 0) doc.fillColor(MUTED).text("No budget covered this month.", LEFT).fillColor("black");
  for (const b of report.budgets) {
    const money = (amount: string) => formatMoney(amount, b.currency, report.locale);
    bar(
      doc,
      `${b.name} (${b.start} – ${b.end})`,
      `${money(b.spent)} of ${money(b.available)}`,
      Number(b.spent),
      Number(b.available),
    );
  }
}

function merchants(doc: Doc, report: MonthlyReport) {
  heading(doc, "Top merchants");
  if (report.merchants.length === 0) {
    doc.fillColor(MUTED).text("No spending at merchants.", LEFT).fillColor("black");
    return;
  }
  const widths = [255, 80, 160];
  row(doc, ["Merchant", "Payments", "Spent"], widths, true);
  for (const m of report.merchants) {
    row(doc, [m.merchant, String(m.count), formatMoney(m.spent, m.currency, report.locale)], widths);
  }
}

export function renderMonthlyReport(report: MonthlyReport): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: LEFT, info: { Title: `Monthly report ${report.month}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  const title = new Intl.DateTimeFormat(report.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${report.from}T00:00:00Z`),
  );
  doc
    .font("Helvetica-Bold")
    .fontSize(20)
    .text(pdfText(`Monthly report: ${title}`), LEFT);
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(`${report.from} to ${report.to}`, LEFT).fillColor("black");
  summary(doc, report);
  categories(doc, report);
  budgets(doc, report);
  merchants(doc, report);
  doc.end();
  return done;
}
