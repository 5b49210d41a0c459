// End-to-end flows of the reference web app in Debian's Chromium, offline, from the built file on disk.
import { readFile } from "node:fs/promises";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import axeSource from "axe-core/axe.min.js?raw";
import {
  commitPool, computeTicket, drawTargets, importTable, lockTargetDraw, parseCsv, seedFromDice,
  type InspectionTarget, type TargetDrawRecord,
} from "../../../src/index.js";
import { assessFairness, CANARY_SAMPLERS } from "../../../src/stats/index.js";
import { encodeGbk, makeXlsx } from "../../../test/files/_fixtures.js";
import { buildApp, chromiumAvailable, launch, openApp, SHOTS } from "./_browser.js";

const run = chromiumAvailable();
const SAMPLE = new URL("../../data/targets-county.csv", import.meta.url);
const DIGITS = "271828182845904523536028747135266249775";
const WITNESSES = ["张伟", "李娜"];

/** The shipped county sample without its two deliberately bad rows (file rows 9 and 15). */
async function cleanPoolCsv(): Promise<string> {
  const lines = (await readFile(SAMPLE, "utf8")).replace(/^\uFEFF/u, "").split("\n");
  return lines.filter((_, i) => i !== 8 && i !== 14).join("\n");
}

/** What the page must reproduce, computed here by the library directly. */
function expected(pool: readonly InspectionTarget[], taskId: string): { record: TargetDrawRecord; policy: { strata: Record<string, { ratio: number }> } } {
  // The page offers a ratio for each class present in the pool, prefilled A 3 %, B 5 %, C 10 %, D 20 %.
  const ratios: Record<string, number> = { A: 0.03, B: 0.05, C: 0.1, D: 0.2 };
  const policy = { strata: Object.fromEntries([...new Set(pool.map((t) => t.riskClass))].sort().map((c) => [c, { ratio: ratios[c]! }])) };
  const commitment = commitPool(pool);
  const seed = seedFromDice({ digits: DIGITS, witnesses: WITNESSES, date: "2026-04-01" });
  return { record: drawTargets({ taskId, pool, policy, seed, commitment }), policy };
}

async function saved(d: Download): Promise<string> {
  const p = await d.path();
  return readFile(p, "utf8");
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const r = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
}

describe.skipIf(!run)("reference web app in Chromium (offline, from file://)", () => {
  let browser: Browser;
  let pool: InspectionTarget[];
  let csvText: string;
  let recordJson = "";

  beforeAll(async () => {
    await buildApp();
    browser = await launch();
    csvText = await cleanPoolCsv();
    const r = importTable("B.1", parseCsv(csvText).rows);
    if (!r.ok) throw new Error("clean pool does not import");
    pool = [...r.records];
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("(b) runs the witnessed draw from a GBK CSV: commitment, dice, draw, lock, downloads — all equal to the library's", async () => {
    const { context, page, errors } = await openApp(browser, "draw");
    const taskId = "2026-卧龙-001";
    const { record } = expected(pool, taskId);
    await page.getByLabel("抽查任务编号").fill(taskId);
    await page.getByLabel("发起部门").fill("南阳市卧龙区市场监督管理局");
    await page.getByLabel(/检查对象名录文件/).setInputFiles({ name: "对象名录.csv", mimeType: "text/csv", buffer: Buffer.from(encodeGbk(csvText)) });
    await expect.poll(() => page.locator("#pool-ok").textContent()).toContain("已载入 18 个检查对象");
    expect(await page.locator("#pool-summary").textContent()).toContain("gb18030");

    await page.getByRole("button", { name: /生成并公布名录承诺/ }).click();
    expect(await page.locator("#commitment-digest").textContent()).toBe(record.poolCommitment.digest);
    await page.locator("#commitment-card").screenshot({ path: `${SHOTS}/ceremony-commitment.png` });

    const dice = page.getByLabel(/骰子数字/);
    await dice.fill(DIGITS.slice(0, 30));
    expect(await page.locator("#dice-count").textContent()).toContain("还需 9 位");
    // Refused: one witness (Wolong 2.2 asks for two or more), then too few digits for 128 bits.
    await page.getByLabel(/见证人/).fill("张伟");
    await page.getByLabel("掷骰日期").fill("2026-04-01");
    await page.getByRole("button", { name: /^抽取/ }).click();
    expect(await page.locator("#draw-result [role=alert]").textContent()).toContain("至少两名见证人");
    await page.getByLabel(/见证人/).fill(WITNESSES.join("\n"));
    await page.getByRole("button", { name: /^抽取/ }).click();
    expect(await page.locator("#draw-result [role=alert]").textContent()).toContain("seed-too-weak");
    expect(await page.locator("#lock-form").isHidden()).toBe(true);
    await dice.fill(DIGITS);
    await page.getByLabel(/见证人/).fill(WITNESSES.join("\n"));
    await page.getByLabel("掷骰日期").fill("2026-04-01");
    await dice.press("Enter"); // the form submits from the keyboard
    await expect.poll(() => page.locator("#record-digest").textContent()).toBe(record.digest);
    const drawnIds = await page.locator("table.drawn td:nth-child(3) code").allTextContents();
    expect(drawnIds).toEqual(record.strata.flatMap((s) => s.selected.map((u) => u.unitId)));

    await page.getByLabel(/锁定日期/).fill("2026-04-02");
    await page.getByRole("button", { name: /锁定名单/ }).click();
    await expect.poll(() => page.locator("#locked-ok").textContent()).toContain("名单已锁定");
    await page.screenshot({ path: `${SHOTS}/ceremony.png`, fullPage: true });

    const [d1] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载抽取记录/ }).click()]);
    expect(d1.suggestedFilename()).toBe("draw-record-2026-卧龙-001.json");
    recordJson = await saved(d1);
    expect(JSON.parse(recordJson)).toEqual(JSON.parse(JSON.stringify(record)));
    const [d2] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载锁定名单/ }).click()]);
    const locked = JSON.parse(await saved(d2));
    expect(locked.digest).toBe(lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "南阳市卧龙区市场监督管理局" }).digest);
    const [d3] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载可打印名单/ }).click()]);
    const html = await saved(d3);
    for (const s of record.strata) for (const u of s.selected) expect(html).toContain(u.unitId);
    expect(html).toContain(DIGITS);
    expect(html).toContain("张伟、李娜");

    // The print button fills the print-only area; under print media only the list shows.
    await page.getByRole("button", { name: /^打印名单/ }).click();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#print-area").isVisible()).toBe(true);
    expect(await page.locator("main").isVisible()).toBe(false);
    expect(await page.locator("#print-area").textContent()).toContain(record.strata.flatMap((s) => s.selected)[0]!.unitId);
    await page.emulateMedia({ media: "screen" });

    // The downloaded printable list, as it prints.
    const printPage = await context.newPage();
    await printPage.setContent(html);
    await printPage.screenshot({ path: `${SHOTS}/printable-list.png`, fullPage: true });
    await printPage.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("(b) reads the same pool from .xlsx to the same commitment, and shows every bad row or a wrong file type", async () => {
    const { context, page, errors } = await openApp(browser, "draw");
    const grid = parseCsv(csvText);
    const xlsx = makeXlsx([{ name: "对象名录", rows: [["南阳市卧龙区双随机抽查对象名录"], grid.headers, ...grid.rows.map((r) => grid.headers.map((h) => r[h] ?? null))] }]);
    const file = page.getByLabel(/检查对象名录文件/);
    await file.setInputFiles({ name: "对象名录.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(xlsx) });
    await expect.poll(() => page.locator("#pool-ok").textContent()).toContain("已载入 18 个检查对象");
    expect(await page.locator("#pool-summary").textContent()).toContain("对象名录");
    await page.getByRole("button", { name: /生成并公布名录承诺/ }).click();
    expect(await page.locator("#commitment-digest").textContent()).toBe(commitPool(pool).digest);

    // The shipped sample with its two bad rows: both reported with their file rows, nothing drawn.
    await file.setInputFiles({ name: "targets-county.csv", mimeType: "text/csv", buffer: await readFile(SAMPLE) });
    await expect.poll(() => page.locator("#pool-summary [role=alert]").textContent()).toContain("名录有 2 处问题");
    const issues = await page.locator("#pool-summary .issues li").allTextContents();
    expect(issues.map((t) => /第 (\d+) 行/.exec(t)?.[1])).toEqual(["9", "15"]);
    expect(await page.locator("#commit-form").isHidden()).toBe(true);
    await page.locator("#pool-summary").screenshot({ path: `${SHOTS}/ceremony-bad-rows.png` });

    // A legacy .xls: refused by content with advice.
    await file.setInputFiles({ name: "名录.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    await expect.poll(() => page.locator("#pool-summary [role=alert]").textContent()).toContain("旧版 Excel 97-2003");
    expect(await page.locator("#pool-summary").textContent()).toContain("unsupported-file-type");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("(a) lets an enterprise check itself in the published record: selected, not selected, not in the stratum, inconsistent", async () => {
    expect(recordJson).not.toBe("");
    const record = JSON.parse(recordJson) as TargetDrawRecord;
    const { context, page, errors } = await openApp(browser, "check");
    const recordInput = page.getByLabel(/已公布的抽取记录/);
    await recordInput.setInputFiles({ name: "record.json", mimeType: "application/json", buffer: Buffer.from(recordJson) });
    await expect.poll(() => page.locator("#check-record-summary").textContent()).toContain(record.taskId);
    expect(await page.locator("#record-digest-ok").count()).toBe(1);

    const check = async (code: string, cls: string): Promise<string | null> => {
      // Keyboard only: type the code, choose the class, press Enter.
      await page.getByLabel(/统一社会信用代码/).fill(code);
      await page.getByLabel("信用风险分类").selectOption(cls);
      await page.getByLabel(/统一社会信用代码/).press("Enter");
      await page.locator("#check-verdict").waitFor();
      return page.locator(".verdict").getAttribute("data-status");
    };
    const stratum = record.strata.find((s) => s.selected.length > 0 && s.size > s.selected.length)!;
    const selected = stratum.selected[0]!.unitId;
    const notSelected = pool.find((t) => t.riskClass === stratum.riskClass && !stratum.selected.some((u) => u.unitId === t.id))!.id;
    // Typed with full-width characters, as an IME may produce: normalised before the check.
    const fullWidth = selected.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await check(fullWidth, stratum.riskClass)).toBe("selected");
    expect(await page.locator("#check-ticket").textContent()).toBe(computeTicket({ seed: record.seed.value, taskId: record.taskId, unitId: selected }));
    expect(await page.locator("#check-threshold").textContent()).toBe(stratum.threshold);
    expect(await page.locator("#check-verdict").textContent()).toContain("本单位已被抽中");
    await page.screenshot({ path: `${SHOTS}/self-check-selected.png`, fullPage: true });
    expect(await check(notSelected, stratum.riskClass)).toBe("not-selected");
    expect(await page.locator("#check-verdict").textContent()).toContain("本单位未被抽中");
    await page.screenshot({ path: `${SHOTS}/self-check-not-selected.png`, fullPage: true });

    // A record whose draw had no class D stratum: a class-D unit is not in the drawing stratum.
    const noD = pool.filter((t) => t.riskClass !== "D");
    const seed = seedFromDice({ digits: DIGITS, witnesses: WITNESSES, date: "2026-04-01" });
    const recordNoD = drawTargets({ taskId: "T-noD", pool: noD, seed, commitment: commitPool(noD), policy: { strata: { A: { ratio: 0.1 }, B: { ratio: 0.1 }, C: { ratio: 0.1 } } } });
    await recordInput.setInputFiles({ name: "record-noD.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(recordNoD)) });
    await expect.poll(() => page.locator("#check-record-summary").textContent()).toContain("T-noD");
    const dUnit = pool.find((t) => t.riskClass === "D")!.id;
    expect(await check(dUnit, "D")).toBe("not-in-stratum");

    // A forged record that drops a selected unit but keeps the threshold: that unit sees the inconsistency.
    const forged = JSON.parse(recordJson) as { strata: { riskClass: string; selected: { unitId: string }[] }[] };
    const fs = forged.strata.find((s) => s.riskClass === stratum.riskClass)!;
    fs.selected = fs.selected.filter((u) => u.unitId !== selected);
    await recordInput.setInputFiles({ name: "forged.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(forged)) });
    await expect.poll(() => page.locator("#check-record-summary").textContent()).toContain(record.taskId);
    expect(await page.locator("#record-digest-bad").textContent()).toContain("记录摘要与内容不符");
    expect(await check(selected, stratum.riskClass)).toBe("inconsistent");

    // Not a record at all.
    await recordInput.setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from('{"kind":"other"}') });
    await expect.poll(() => page.locator("#check-record-summary [role=alert]").textContent()).toContain("这不是抽取记录");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("(c) shows a fairness report: a passing one with its charts, a biased sampler's as failed", async () => {
    const units = Array.from({ length: 60 }, (_, i) => ({ id: `U${String(i).padStart(3, "0")}`, riskClass: i < 40 ? "A" : "B" }));
    const policy = { strata: { A: { ratio: 0.1 }, B: { ratio: 0.25 } } };
    const good = assessFairness({ pool: units, policy, runs: 3000, baseSeed: "web-test" });
    const bad = assessFairness({ pool: units, policy, runs: 3000, baseSeed: "web-test", sampler: CANARY_SAMPLERS.neverLast });
    expect([good.passed, bad.passed]).toEqual([true, false]);
    const { context, page, errors } = await openApp(browser, "fairness");
    const input = page.getByLabel(/公平性报告（JSON/);
    await input.setInputFiles({ name: "fairness.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
    await expect.poll(() => page.locator("#fairness-verdict").getAttribute("data-passed")).toBe("true");
    await page.locator("#fairness-frame").waitFor();
    expect(await page.frameLocator("#fairness-frame").locator("body").textContent()).toContain("Class A");
    await page.screenshot({ path: `${SHOTS}/fairness.png`, fullPage: true });
    // The CLI's --json shape (no simulation counts): table, no charts.
    const { strata, ...rest } = bad;
    await input.setInputFiles({ name: "fairness-bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...rest, strata: strata.map(({ simulation: _s, ...s }) => s) })) });
    await expect.poll(() => page.locator("#fairness-verdict").getAttribute("data-passed")).toBe("false");
    expect(await page.locator("tr.bad").count()).toBeGreaterThan(0);
    expect(await page.locator("#fairness-frame").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is accessible: tabs work from the keyboard and axe finds no serious or critical violation on any tool", async () => {
    const { context, page, errors } = await openApp(browser, "check");
    await page.locator("#tab-draw").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#draw").isVisible()).toBe(true);
    expect(await page.locator("#check").isVisible()).toBe(false);
    expect(await page.locator("#tab-draw").getAttribute("aria-current")).toBe("page");
    for (const tab of ["check", "draw", "fairness"]) {
      await page.goto(`${page.url().split("#")[0]}#${tab}`);
      expect(await axeViolations(page), tab).toEqual([]);
    }
    // Every form control has an accessible name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("input,select,textarea")].filter((e) => (e as HTMLInputElement).labels?.length === 0).map((e) => e.id),
    );
    expect(unnamed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
