// End-to-end tests of the akker kiosk in a real headless Chromium.
//
// Run by tests/kiosk_browser.rs (cargo test), which passes:
//   AKKER_BIN       the akker binary to test
//   AKKER_WORK      an empty directory for the demo ledger and logs
//   SCREENSHOT_DIR  where to write a PNG of each screen (optional)
//   CHROMIUM        the browser (default /usr/bin/chromium)
// All traffic stays on loopback: the kiosks listen on 127.0.0.1 and the
// browser resolves every other host to nothing.
//
// One file, longer than our usual limit, on purpose: the tests run in
// order against one demo ledger and one kiosk, and later tests build on
// what earlier ones recorded (the newcomer refused at the floor is the
// one who later crosses the soft floor; the walk's member has a request
// waiting). Split into modules, that order would be invisible.

import { chromium } from "playwright-core";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const BIN = process.env.AKKER_BIN;
const WORK = process.env.AKKER_WORK;
const SHOTS = process.env.SCREENSHOT_DIR || "";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const DB = join(WORK, "demo.db");
const STEP_MS = 20_000;

function akker(args, env = {}) {
  return execFileSync(BIN, ["--db", DB, ...args], {
    env: { ...process.env, AKKER_PASSPHRASE: "demo", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Starts a kiosk on a free loopback port; resolves to {url, stop}. */
function startKiosk(extra = [], env = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, ["--db", DB, "kiosk", "--listen", "127.0.0.1:0", ...extra], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let out = "";
    let log = "";
    proc.stderr.on("data", (chunk) => { log += chunk; process.stderr.write(chunk); });
    const timer = setTimeout(() => reject(new Error("the kiosk did not start: " + out)), STEP_MS);
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        const stop = () => new Promise((done) => { proc.once("exit", done); proc.kill("SIGINT"); });
        resolve({ url: match[1], stop, log: () => log });
      }
    });
    proc.once("exit", (code) => reject(new Error(`the kiosk exited with ${code}: ${out}`)));
  });
}

/** A whole-page picture of a screen, by name (docs/kiosk.md shows them). */
async function shot(page, name) {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Hours in hundredths from a page's "1,75" or "−1.75". */
function minor(text) {
  const clean = text.trim().replace("\u2212", "-").replace(",", ".");
  return Math.round(parseFloat(clean) * 100);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const monthName = (year, month) => `${MONTHS[month - 1]} ${year}`;

/** A page's text without Fluent's invisible isolation marks. */
async function text(page, selector) {
  return (await page.textContent(selector)).replace(/[\u2068\u2069]/g, "");
}

async function typeOnKeypad(page, pad, digits) {
  for (const digit of digits) {
    await page.click(`${pad} .key[data-key="${digit}"]`);
  }
}

/** Types `words` on the kiosk's on-screen keyboard only: a tap per key,
 * the shift key before a capital (in the layout's own language, so
 * Turkish İ is a shifted i). */
async function typeOnScreen(page, words) {
  const layout = page.locator(".osk-layout:not([hidden])");
  const lang = await layout.getAttribute("lang");
  for (const char of words) {
    const lower = char.toLocaleLowerCase(lang);
    if (lower !== char) await layout.locator("[data-osk=shift]").click();
    const key = layout.locator(`.osk-key[data-key="${lower}"]`);
    assert.equal(await key.count(), 1, `no key for ${char} on the ${lang} keyboard`);
    await key.click();
  }
}

async function login(page, base, card, lang = "en", { screenshots = false } = {}) {
  await page.goto(base + "/");
  if (screenshots) await shot(page, "welcome");
  await page.click(`a[data-lang="${lang}"]`);
  await page.waitForURL(/\/card$/);
  if (screenshots) await shot(page, "card-scan");
  // The USB scanner types the code and Enter into the focused field.
  await page.keyboard.type(card.code);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/pin$/);
  await typeOnKeypad(page, ".keypad-pin", card.pin);
  if (screenshots) await shot(page, "pin");
  await page.click(".pin-form button[type=submit]");
  await page.waitForURL(/\/home$/);
}

async function balance(page) {
  return minor(await page.textContent("[data-testid=balance] .amount"));
}

/** From home, through the pay screens to the confirm page. */
async function prepare(page, base, payee, quarters, work, note = "", { screenshots = false } = {}) {
  await page.goto(base + "/pay");
  if (screenshots) await shot(page, "pay-who");
  await page.click(`button.person[value="${payee}"]`);
  await page.waitForURL(/\/pay\/details$/);
  // The picker starts at 1 hour; each tap is a quarter.
  const delta = quarters - 4;
  for (let i = 0; i < Math.abs(delta); i++) {
    await page.click(`.hours-btn[data-delta="${delta > 0 ? 1 : -1}"]`);
  }
  await page.click(`label.work-${work}`);
  if (note) await page.fill("input[name=note]", note);
  if (screenshots) await shot(page, "pay-details");
  await page.click("form.details button[type=submit]");
  await page.waitForURL(/\/pay\/confirm$/);
}

async function historyLines(account) {
  return JSON.parse(akker(["--json", "history", account])).lines.length;
}

/** An account's balance in hundredths, as the treasurer's `balance` says. */
function balanceOf(account) {
  return minor(JSON.parse(akker(["--json", "balance"])).accounts.find((a) => a.account === account).balance);
}

async function logout(page) {
  await page.click(".btn-logout");
  await page.waitForURL(/\/bye/);
}

/** From home, "I helped someone": whom, the hours, the kind, what was
 * done, then the PIN; ends on the "sent" screen. `shots` names the
 * screenshots of each step (none when empty). */
async function ask(page, base, payer, quarters, work, what, pin, shots = "") {
  await page.goto(base + "/home");
  await page.click(".home-actions a[href='/ask']");
  await page.waitForURL(/\/ask$/);
  if (shots) await shot(page, `ask-who-${shots}`);
  await page.click(`button.person[value="${payer}"]`);
  await page.waitForURL(/\/ask\/details$/);
  const delta = quarters - 4;
  for (let i = 0; i < Math.abs(delta); i++) {
    await page.click(`.hours-btn[data-delta="${delta > 0 ? 1 : -1}"]`);
  }
  await page.click(`label.work-${work}`);
  await page.fill("input[name=what]", what);
  if (shots) await shot(page, `ask-details-${shots}`);
  await page.click("form.details button[type=submit]");
  await page.waitForURL(/\/ask\/confirm$/);
  await typeOnKeypad(page, ".keypad-pin", pin);
  if (shots) await shot(page, `ask-confirm-${shots}`);
  await page.click("#confirm");
  await page.waitForURL(/\/ask\/sent$/);
  if (shots) await shot(page, `ask-sent-${shots}`);
}

const tests = [];
const test = (name, body) => tests.push({ name, body });
// ONLY=words runs only the tests whose name contains them (for working
// on one test); the full run is what CI does.
const ONLY = process.env.ONLY || "";

// The kiosk's screens: the portrait and landscape sizes of the screens
// community centres have, and the laptop sizes the docs use.
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
];

const AXE_SIZES = ["1080x1920", "1366x768"];

// The screens the walk photographs (the viewport, as a member sees it).
const SHOWN = ["home", "pay details", "pay confirm", "home with a request", "request yes", "request no", "ask details", "gift confirm"];

/** Every `selector` (by default the screen's main action, marked
 * data-main) lies wholly inside the viewport as it is, unscrolled. */
async function assertInView(page, screen, selectors = ["[data-main]"]) {
  const { width, height } = page.viewportSize();
  for (const selector of selectors) {
    const box = await page.locator(selector).first().boundingBox();
    assert.ok(box, `${screen} at ${width}x${height}: ${selector} is not shown`);
    const inside = box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
    assert.ok(inside, `${screen} at ${width}x${height}: ${selector} at x=${box.x} y=${box.y} ${box.width}x${box.height} is outside the viewport`);
  }
}

/** The page does not scroll sideways (a long word or name did not push
 * anything past the edge). */
async function assertNoSideways(page, screen) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${screen}: the page is ${scroll} pixels wide in a ${width} pixel window`);
}

/** Closes the on-screen keyboard a typed field opened (its ✓ key), as
 * a member does before touching Next, and back to the top of the page. */
async function closeKeyboard(page) {
  const done = page.locator(".osk-layout:not([hidden]) [data-osk=done]");
  if (await done.isVisible()) await done.click();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The header is one row: log-out sits beside the community's name,
 * never wrapped onto a line of its own (a portrait screen did that). */
async function assertHeaderOneRow(page, screen) {
  if ((await page.locator(".btn-logout").count()) === 0) return;
  const logout = await page.locator(".btn-logout").boundingBox();
  const brand = await page.locator(".brand").boundingBox();
  const middle = (box) => box.y + box.height / 2;
  assert.ok(Math.abs(middle(logout) - middle(brand)) < 12, `${screen}: log-out at y=${logout.y}, below the header's row (the name at y=${brand.y})`);
}

/** Names (in `selector`) whose words were cut across two lines. */
async function namesCutInsideAWord(page, selector) {
  return page.evaluate((selector) => {
    const cut = [];
    for (const element of document.querySelectorAll(selector)) {
      const node = element.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const textOf = node.textContent;
      let start = 0;
      // A hyphen is a place a name may wrap too.
      for (const word of textOf.split(/(?<=[ -])/)) {
        const bare = word.trimEnd();
        if (bare.length > 0) {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + bare.length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) cut.push(textOf);
        }
        start += word.length;
      }
    }
    return cut;
  }, selector);
}

/** axe-core's violations on the page as it is, as short lines. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

const state = {};

test("a member logs in with card and PIN, pays 1.75 hours for care and sees the new balance", async ({ page, kiosk }) => {
  const [marie] = state.cards;
  await login(page, kiosk.url, marie, "en", { screenshots: true });
  const before = await balance(page);
  await shot(page, "home");
  // Search by touch: the first letter of a name, in its own script.
  await page.goto(kiosk.url + "/pay");
  await page.click(".initial:text-is('ف')");
  await page.waitForURL(/initial=/);
  const names = await page.locator(".people-form .person-name").allTextContents();
  assert.ok(names.length > 0 && names.every((n) => n.startsWith("ف")), names.join(", "));
  await shot(page, "pay-who-by-letter");
  await prepare(page, kiosk.url, "M003", 7, "care", "Babysitting", { screenshots: true });
  assert.match(await text(page, ".summary-sentence"), /1\.75 hours/);
  await typeOnKeypad(page, ".keypad-pin", marie.pin);
  await shot(page, "pay-confirm");
  await page.click("#confirm");
  await page.waitForURL(/\/pay\/receipt$/);
  await shot(page, "pay-receipt");
  assert.match(await text(page, ".receipt-sentence"), /1\.75/);
  assert.equal(await balance(page), before - 175);
  await page.goto(kiosk.url + "/home");
  assert.equal(await balance(page), before - 175);
  const first = page.locator(".exchanges li").first();
  assert.match(await first.textContent(), /Babysitting/);
});

test("the other member logs in, in Arabic, right to left, and sees the payment", async ({ page, kiosk }) => {
  const fatima = state.cards[1];
  await login(page, kiosk.url, fatima, "ar");
  const direction = await page.evaluate(() => getComputedStyle(document.documentElement).direction);
  assert.equal(direction, "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  // Right to left: the community's name sits at the right, log-out at the left.
  const brand = await page.locator(".brand").boundingBox();
  const logout = await page.locator(".btn-logout").boundingBox();
  assert.ok(brand.x > logout.x, `brand at ${brand.x}, log-out at ${logout.x}`);
  const last = page.locator(".exchanges li").first();
  assert.match(await last.textContent(), /Marie Dubois/);
  assert.match(await last.locator(".ex-amount").textContent(), /\+1,75/);
  await shot(page, "home-arabic-rtl");
  await page.goto(kiosk.url + "/statement");
  await shot(page, "statement-arabic");
});

test("a double-submitted payment is recorded once", async ({ page, kiosk }) => {
  const marie = state.cards[0];
  await login(page, kiosk.url, marie, "fr");
  const before = await historyLines("M001");
  await prepare(page, kiosk.url, "M003", 1, "practical");
  await typeOnKeypad(page, ".keypad-pin", marie.pin);
  // The same form, posted twice at once straight from the browser's
  // session, then a double click on the button itself.
  const form = await page.evaluate(() => Object.fromEntries(new FormData(document.querySelector("form.confirm"))));
  const post = () => page.request.post(kiosk.url + "/pay/confirm", { form, maxRedirects: 0 });
  const answers = await Promise.all([post(), post()]);
  for (const answer of answers) assert.equal(answer.status(), 303);
  await page.dblclick("#confirm");
  await page.waitForURL(/\/pay\/receipt$/);
  assert.equal(await historyLines("M001"), before + 1);
  await shot(page, "pay-receipt-french");
});

test("a payment over the floor is refused with a clear message and changes nothing", async ({ page, kiosk }) => {
  const newcomer = state.newcomer;
  await login(page, kiosk.url, newcomer, "nl");
  assert.equal(await balance(page), 0);
  await prepare(page, kiosk.url, "M001", 96, "community");
  assert.match(await text(page, ".summary-sentence"), /24,00 uur/);
  await typeOnKeypad(page, ".keypad-pin", newcomer.pin);
  const refusal = page.waitForResponse((r) => r.status() === 409);
  await page.click("#confirm");
  assert.equal((await refusal).status(), 409);
  await page.waitForSelector(".problem");
  const message = await text(page, ".problem-text");
  assert.match(message, /−24,00/);
  assert.match(message, /−20,00/);
  await shot(page, "refused-floor");
  await page.goto(kiosk.url + "/home");
  assert.equal(await balance(page), 0);
  assert.equal(await historyLines(newcomer.account), 0);
});

test("offers and requests: add one's own and withdraw it", async ({ page, kiosk }) => {
  const marie = state.cards[0];
  await login(page, kiosk.url, marie, "en");
  await page.goto(kiosk.url + "/offers/new");
  await page.click("label.tile:has(input[value=offer])");
  await page.click("label.work-practical");
  await page.fill("input[name=what]", "Bike repair on Saturdays");
  await shot(page, "offers-new");
  await page.click("form.new-offer button[type=submit]");
  await page.waitForURL(/\/offers$/);
  assert.match(await text(page, ".board-offer"), /Bike repair on Saturdays/);
  await shot(page, "offers-board");
  await page.click(".offer:has-text('Bike repair on Saturdays') .withdraw button");
  await page.waitForURL(/\/offers$/);
  assert.doesNotMatch(await text(page, ".board-offer"), /Bike repair on Saturdays/);
  await page.goto(kiosk.url + "/statement");
  await shot(page, "statement");
});

for (const [lang, what, card] of [
  ["tr", "Bisiklet tamiri ve yağ değişimi İzmir", 3],
  ["ar", "إصلاح الدراجات يوم السبت", 1],
]) {
  test(`an offer is added with the on-screen keyboard only, in ${lang}`, async ({ page, kiosk }) => {
    await login(page, kiosk.url, state.cards[card], lang);
    await page.goto(kiosk.url + "/offers/new");
    assert.ok(await page.locator("#osk").isHidden(), "the keyboard waits until a field is touched");
    await page.click("label.tile:has(input[value=offer])");
    await page.click("label.work-practical");
    await page.click("input[name=what]");
    await page.waitForSelector("#osk:not([hidden])");
    assert.equal(await page.getAttribute(".osk-layout:not([hidden])", "lang"), lang, "the keyboard opens in the member's script");
    // One letter too many, taken back with the delete key.
    await typeOnScreen(page, what + what.at(-1));
    await page.click(".osk-layout:not([hidden]) [data-osk=del]");
    assert.equal(await page.inputValue("input[name=what]"), what);
    // The field stays in view above the keyboard.
    const field = await page.locator("input[name=what]").boundingBox();
    const keys = await page.locator("#osk").boundingBox();
    assert.ok(field.y >= 0 && field.y + field.height <= keys.y, `field at ${field.y}, keyboard at ${keys.y}`);
    await shot(page, `osk-${lang}`);
    await page.click(".osk-layout:not([hidden]) [data-osk=done]");
    assert.ok(await page.locator("#osk").isHidden());
    await page.click("form.new-offer button[type=submit]");
    await page.waitForURL(/\/offers$/);
    assert.ok((await text(page, ".board-offer")).includes(what), await text(page, ".board-offer"));
    await page.click(`.offer:has-text("${what}") .withdraw button`);
    await page.waitForURL(/\/offers$/);
  });
}

test("every older exchange can be reached from home, page by page", async ({ page, kiosk }) => {
  const marie = state.cards[0];
  await login(page, kiosk.url, marie, "nl");
  const seen = [];
  for (let pages = 0; pages < 100; pages++) {
    const seqs = (await page.locator(".exchanges li").evaluateAll((lis) => lis.map((li) => Number(li.dataset.seq))));
    if (seen.length) assert.ok(Math.max(...seqs) < Math.min(...seen), "each page is older than the one before");
    seen.push(...seqs);
    if (pages === 1) await shot(page, "home-older");
    const older = page.locator("a.older");
    if ((await older.count()) === 0) break;
    await older.click();
    await page.waitForURL(/before=/);
  }
  assert.equal(seen.length, await historyLines("M001"));
  await page.click(".paging a[href^='/home#']");
  await page.waitForURL(/\/home#last$/);
});

test("the card can also be typed on the on-screen keypad", async ({ page, kiosk }) => {
  const [account, secret] = state.cards[3].code.split("/");
  await page.goto(kiosk.url + "/lang/tr");
  await page.click("details.type-code summary");
  await page.click("#number");
  await typeOnKeypad(page, ".keypad-card", account);
  await page.click("#secret");
  await typeOnKeypad(page, ".keypad-card", secret.replaceAll("-", ""));
  await shot(page, "card-keypad-turkish");
  await page.click("form.typed button[type=submit]");
  await page.waitForURL(/\/pin$/);
  await typeOnKeypad(page, ".keypad-pin", state.cards[3].pin);
  await page.click(".pin-form button[type=submit]");
  await page.waitForURL(/\/home$/);
  await shot(page, "home-turkish");
});

test("an initiative's number, letters and hyphen, is typed on the card keypad", async ({ page, kiosk }) => {
  const [account, secret] = state.initiative.code.split("/");
  assert.match(account, /^INIT-[A-Z]+$/);
  await page.goto(kiosk.url + "/lang/nl");
  await page.click("details.type-code summary");
  await page.click("#number");
  await typeOnKeypad(page, ".keypad-card", account);
  assert.equal(await page.inputValue("#number"), account);
  await page.click("#secret");
  await typeOnKeypad(page, ".keypad-card", secret);
  await page.click("form.typed button[type=submit]");
  await page.waitForURL(/\/pin$/);
  await typeOnKeypad(page, ".keypad-pin", state.initiative.pin);
  await page.click(".pin-form button[type=submit]");
  await page.waitForURL(/\/home$/);
  // The statement says which exchanges it lists, and by which date.
  await page.goto(kiosk.url + "/statement");
  assert.match(await text(page, "[data-testid=lines-explained]"), /ingeschreven.*dag/);
});

test("idle logout after the configured time, with a visible countdown", async ({ page }) => {
  const quick = await startKiosk(["--idle-logout-s", "5"]);
  try {
    await login(page, quick.url, state.cards[0], "en");
    assert.equal(await page.textContent("#idle-s"), "5");
    await page.waitForFunction(() => document.body.classList.contains("idle-soon") && document.getElementById("idle-s").textContent === "2", null, { timeout: STEP_MS });
    await shot(page, "idle-countdown");
    await page.waitForURL(/\/bye\?idle=1$/, { timeout: STEP_MS });
    await shot(page, "bye-idle");
    await page.goto(quick.url + "/home");
    assert.ok(page.url().endsWith("/"), page.url());
  } finally {
    await quick.stop();
  }
});

test("five wrong PINs lock the card, and the lock holds across a restart", async ({ page, kiosk, restart }) => {
  const card = state.cards[2];
  await page.goto(kiosk.url + "/lang/en");
  await page.keyboard.type(card.code);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/pin$/);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await typeOnKeypad(page, ".keypad-pin", "0000");
    await page.click(".pin-form button[type=submit]");
    await page.waitForURL(/\/pin$/);
    assert.match(await text(page, ".notice-bad"), new RegExp(`${5 - attempt} more`));
    if (attempt === 1) await shot(page, "pin-wrong");
  }
  await typeOnKeypad(page, ".keypad-pin", "0000");
  await page.click(".pin-form button[type=submit]");
  await page.waitForSelector(".problem");
  assert.match(await text(page, ".problem-text"), /locked for 15 minutes/);
  await shot(page, "card-locked");
  const restarted = await restart();
  await page.goto(restarted.url + "/lang/en");
  await page.keyboard.type(card.code);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".problem");
  assert.match(await text(page, ".problem-text"), /locked/);
});

test("my statement: the last issued statement, and a printed code checked by scan and by keypad", async ({ page, kiosk }) => {
  const [marie, fatima] = state.cards;
  const { marieStatement, fatimaStatement } = state;
  await login(page, kiosk.url, marie, "en");
  await page.click(".home-actions a[href='/statement']");
  await page.waitForURL(/\/statement$/);
  await page.click(".statement-tabs a[href='/statement/last']");
  await page.waitForURL(/\/statement\/last$/);
  assert.equal(await text(page, "[data-testid=last-month]"), `Statement of ${monthName(marieStatement.year, marieStatement.month)}`);
  assert.equal(await text(page, "[data-testid=last-code]"), marieStatement.verification.code);
  assert.equal(minor(await text(page, "[data-testid=last-closing]")), marieStatement.closing_minor);
  assert.equal(await page.locator(".exchanges li").count(), marieStatement.lines.length);
  assert.ok(await page.locator(".verify svg").isVisible(), "the QR code is shown");
  await shot(page, "statement-last");

  // A USB scanner types the statement's QR text and Enter into the
  // focused field: MATCH, with whose, which month and the amount.
  await page.click(".statement-tabs a[href='/statement/check']");
  await page.waitForSelector("#code:focus");
  await shot(page, "statement-check");
  await page.keyboard.type(marieStatement.verification.qr_payload);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=answer]");
  assert.equal(await page.getAttribute("[data-testid=answer]", "data-answer"), "match");
  const shown = await text(page, "[data-testid=answer]");
  assert.match(shown, new RegExp(`This is your statement of ${monthName(marieStatement.year, marieStatement.month)}`));
  assert.match(shown, /Marie Dubois/);
  assert.ok(shown.includes((marieStatement.closing_minor / 100).toFixed(2)), shown);
  await shot(page, "statement-check-match");

  // "Check another code" leads to the same address: wait for the new
  // page's field to have the focus before a scanner (or the keypad) types.
  const checkAgain = async () => {
    await page.click("a.btn-primary[href='/statement/check']");
    await page.waitForSelector("#code:focus");
  };

  // Another member's code typed on the keypad: it matches, nothing more.
  await checkAgain();
  await page.click("details.type-code summary");
  await typeOnKeypad(page, ".keypad-card", fatimaStatement.verification.code.replaceAll("-", ""));
  assert.equal(await page.inputValue("#code"), fatimaStatement.verification.code.replaceAll("-", ""));
  await shot(page, "statement-check-keypad");
  await page.click(".check-form button[type=submit]");
  await page.waitForSelector("[data-testid=answer]");
  assert.equal(await page.getAttribute("[data-testid=answer]", "data-answer"), "community");
  const other = await text(page, "main");
  assert.doesNotMatch(other, new RegExp(`${fatima.account}|${fatimaStatement.display_name}`));

  // One sign changed on the paper: NO MATCH.
  await checkAgain();
  const code = marieStatement.verification.code;
  await page.keyboard.type((code[0] === "7" ? "8" : "7") + code.slice(1));
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=answer]");
  assert.equal(await page.getAttribute("[data-testid=answer]", "data-answer"), "no-match");
  await shot(page, "statement-check-no-match");

  // Nonsense gets a plain message on the same screen.
  await checkAgain();
  await page.keyboard.type("hello");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".notice-bad");
  assert.match(await text(page, ".notice-bad"), /not a code from a statement/);

  // Fatima, in Arabic: her own last statement, right to left.
  await page.click(".btn-logout");
  await page.waitForURL(/\/bye\?lang=en$/);
  await login(page, kiosk.url, fatima, "ar");
  await page.goto(kiosk.url + "/statement/last");
  assert.equal(await text(page, "[data-testid=last-code]"), fatimaStatement.verification.code);
  await shot(page, "statement-last-arabic");
});

test("a helper asks in Dutch and logs out; the helped, in Arabic, sees it first and says yes; both balances change", async ({ page, kiosk }) => {
  const { jan, youssef } = state;
  const before = { jan: balanceOf("M002"), youssef: balanceOf("M010") };
  await login(page, kiosk.url, jan, "nl");
  await ask(page, kiosk.url, "M010", 6, "practical", "Kast in elkaar gezet", jan.pin, "nl");
  assert.match(await text(page, ".receipt-sentence"), /1,50 uur/);
  // A request moves nothing.
  assert.equal(balanceOf("M002"), before.jan);
  await page.goto(kiosk.url + "/home");
  assert.match(await text(page, "[data-testid=asked]"), /Wacht op het antwoord van يوسف العلمي/);
  await logout(page);

  await login(page, kiosk.url, youssef, "ar");
  // First on the screen: above the balance, with the helper's name, the
  // hours, what was done, a pictogram and a large yes and no.
  const waiting = await page.locator("[data-testid=waiting]").boundingBox();
  const balanceBox = await page.locator(".balance").boundingBox();
  assert.ok(waiting.y < balanceBox.y, `the request at y=${waiting.y}, the balance at y=${balanceBox.y}`);
  const card = await text(page, "[data-testid=waiting]");
  assert.match(card, /Jan Peeters/);
  assert.match(card, /1,50/);
  assert.match(card, /Kast in elkaar gezet/);
  assert.ok(await page.locator("[data-testid=waiting] img[src*='work-practical']").isVisible());
  const yes = await page.locator("[data-testid=waiting] .btn-yes").boundingBox();
  assert.ok(yes.height >= 72 && yes.width >= 150, `yes is ${yes.width}x${yes.height}`);
  await shot(page, "request-waiting-ar");
  await page.click("[data-testid=waiting] .btn-yes");
  await page.waitForURL(/\/requests\/\d+\/yes$/);
  assert.match(await text(page, ".summary-sentence"), /Jan Peeters/);
  await typeOnKeypad(page, ".keypad-pin", youssef.pin);
  await shot(page, "request-yes-ar");
  await page.click("#confirm");
  await page.waitForURL(/\/pay\/receipt$/);
  await shot(page, "request-confirmed-ar");
  assert.equal(balanceOf("M010"), before.youssef - 150);
  assert.equal(balanceOf("M002"), before.jan + 150);
  assert.equal(await balance(page), before.youssef - 150);
  await page.goto(kiosk.url + "/home");
  assert.equal(await page.locator("[data-testid=waiting]").count(), 0);
  await logout(page);
  // The helper's next visit: the hours are in, the request is gone.
  await login(page, kiosk.url, jan, "nl");
  assert.equal(await balance(page), before.jan + 150);
  assert.match(await page.locator(".exchanges li").first().textContent(), /Kast in elkaar gezet/);
});

test("a decline with a reason reaches the helper's next visit: asked in Arabic, declined in Dutch, and the other way", async ({ page, kiosk }) => {
  const { jan, youssef } = state;
  const before = { jan: balanceOf("M002"), youssef: balanceOf("M010") };
  await login(page, kiosk.url, youssef, "ar");
  await ask(page, kiosk.url, "M002", 8, "care", "طبخت العشاء", youssef.pin, "ar");
  await logout(page);

  await login(page, kiosk.url, jan, "nl");
  assert.match(await text(page, "[data-testid=waiting]"), /يوسف العلمي/);
  await shot(page, "request-waiting-nl");
  await page.click("[data-testid=waiting] .btn-no");
  await page.waitForURL(/\/requests\/\d+\/no$/);
  await page.click("label.reason-wrong-hours");
  await typeOnKeypad(page, ".keypad-pin", jan.pin);
  await shot(page, "request-no-nl");
  await page.click("#confirm");
  await page.waitForURL(/\/home$/);
  assert.match(await text(page, ".notice-good"), /Je zei nee/);
  await logout(page);

  // Youssef's next visit, in Arabic: the reason, in his language.
  await login(page, kiosk.url, youssef, "ar");
  const news = await text(page, "[data-testid=asked-news]");
  assert.match(news, /قال Jan Peeters لا: الساعات غير صحيحة/);
  await shot(page, "request-declined-ar");
  await logout(page);

  // The other way: Jan asks, Youssef says no with his own words, Jan
  // reads them in Dutch.
  await login(page, kiosk.url, jan, "nl");
  await ask(page, kiosk.url, "M010", 2, "community", "Affiches opgehangen", jan.pin);
  await logout(page);
  await login(page, kiosk.url, youssef, "ar");
  await page.click("[data-testid=waiting] .btn-no");
  await page.waitForURL(/\/requests\/\d+\/no$/);
  await page.click("label.reason-other");
  await page.fill("input[name=reason_text]", "لم أطلب هذا");
  await typeOnKeypad(page, ".keypad-pin", youssef.pin);
  await shot(page, "request-no-ar");
  await page.click("#confirm");
  await page.waitForURL(/\/home$/);
  await logout(page);
  await login(page, kiosk.url, jan, "nl");
  assert.match(await text(page, "[data-testid=asked-news]"), /يوسف العلمي zei nee: لم أطلب هذا/);
  await shot(page, "request-declined-nl");
  // Nothing moved.
  assert.deepEqual({ jan: balanceOf("M002"), youssef: balanceOf("M010") }, before);
});

test("a gift of hours to the community fund, in Dutch and in Arabic", async ({ page, kiosk }) => {
  const [marie, fatima] = state.cards;
  const before = { marie: balanceOf("M001"), fund: balanceOf("SYS-FUND"), fatima: balanceOf("M003") };
  await login(page, kiosk.url, marie, "nl");
  await page.click(".home-actions a[href='/gift']");
  await page.waitForURL(/\/gift$/);
  await shot(page, "gift-who-nl");
  await page.click("button.person-fund");
  await page.waitForURL(/\/gift\/details$/);
  await page.fill("input[name=why]", "Voor het buurtfeest");
  await page.click("form.details button[type=submit]");
  await page.waitForURL(/\/gift\/confirm$/);
  assert.match(await text(page, ".summary-sentence"), /Je schenkt 1,00 uur aan het gemeenschapsfonds/);
  await typeOnKeypad(page, ".keypad-pin", marie.pin);
  await shot(page, "gift-confirm-nl");
  await page.click("#confirm");
  await page.waitForURL(/\/gift\/done$/);
  await shot(page, "gift-done-nl");
  assert.equal(balanceOf("M001"), before.marie - 100);
  assert.equal(balanceOf("SYS-FUND"), before.fund + 100);
  await logout(page);
  // Fatima, in Arabic, gives half an hour to Marie.
  await login(page, kiosk.url, fatima, "ar");
  await page.goto(kiosk.url + "/gift");
  await page.click(`button.person[value="M001"]`);
  await page.waitForURL(/\/gift\/details$/);
  await page.click(".hours-btn[data-delta='-1']");
  await page.click(".hours-btn[data-delta='-1']");
  await page.fill("input[name=why]", "شكرا على المساعدة");
  await page.click("form.details button[type=submit]");
  await page.waitForURL(/\/gift\/confirm$/);
  await typeOnKeypad(page, ".keypad-pin", fatima.pin);
  await shot(page, "gift-confirm-ar");
  await page.click("#confirm");
  await page.waitForURL(/\/gift\/done$/);
  assert.equal(balanceOf("M003"), before.fatima - 50);
  assert.equal(balanceOf("M001"), before.marie - 50);
});

test("below the soft floor, home says what it means and what to do, and how the floor grew", async ({ page, kiosk }) => {
  akker(["settings", "set", "limits.person.soft-floor", "--", "-1.00"]);
  for (const [name, value] of [["growth.base", "-10.00"], ["growth.factor", "0.50"], ["growth.months", "12"], ["growth.cap", "-40.00"]]) {
    akker(["settings", "set", name, "--", value]);
  }
  const newcomer = state.newcomer;
  await login(page, kiosk.url, newcomer, "nl");
  assert.equal(await page.locator("[data-testid=soft-limit]").count(), 0);
  await prepare(page, kiosk.url, "M001", 8, "care");
  await typeOnKeypad(page, ".keypad-pin", newcomer.pin);
  await page.click("#confirm");
  await page.waitForURL(/\/pay\/receipt$/);
  await page.goto(kiosk.url + "/home");
  const notice = await text(page, "[data-testid=soft-limit]");
  assert.match(notice, /Je hebt minder dan −1,00 uur/);
  assert.match(notice, /bied je hulp aan op het bord/);
  await page.click("[data-testid=grown-floor] summary");
  const grown = await text(page, "[data-testid=grown-floor]");
  assert.match(grown, /Je gaf 0,00 uur:/);
  assert.match(grown, /−10,00 − 0,50 × 0,00 = −10,00/);
  assert.match(await text(page, ".balance-sentence"), /tot −10,00 uur/);
  await shot(page, "soft-limit-nl");
  // "Offer my help" leads to the board's form.
  await page.click("[data-testid=soft-limit] a[href='/offers/new']");
  await page.waitForURL(/\/offers\/new$/);
  await logout(page);
  await login(page, kiosk.url, newcomer, "ar");
  assert.match(await text(page, "[data-testid=soft-limit]"), /لديك أقل من/);
  await page.click("[data-testid=grown-floor] summary");
  await shot(page, "soft-limit-ar");
});

test("every screen fits every kiosk: the main action is in view unscrolled, and axe-core finds nothing", async ({ browser, kiosk }) => {
  const walker = state.walker;
  const problems = [];
  // A request waits on the walker, so home shows it first, and its yes
  // and no screens are walked too (never answered).
  const setup = await browser.newContext();
  const helperPage = await setup.newPage();
  await login(helperPage, kiosk.url, state.jan, "en");
  await ask(helperPage, kiosk.url, "M006", 3, "care", "Soup for a sick neighbour", state.jan.pin);
  await setup.close();
  for (const size of SIZES) {
    for (const lang of ["en", "ar"]) {
      const context = await browser.newContext({ viewport: size, bypassCSP: true });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      const label = `${size.width}x${size.height}`;
      const at = async (screen, selectors) => {
        try {
          await assertInView(page, `${screen} (${lang})`, selectors);
          await assertNoSideways(page, `${screen} (${lang}) at ${label}`);
          await assertHeaderOneRow(page, `${screen} (${lang}) at ${label}`);
        } catch (err) {
          problems.push(err.message);
          await page.screenshot({ path: join(WORK, `unfit-${screen.replaceAll(" ", "-")}-${label}-${lang}.png`) });
        }
        // axe-core's rules do not depend on the size; one portrait and one
        // landscape size keep the walk short.
        if (AXE_SIZES.includes(label)) {
          for (const violation of await axeViolations(page)) problems.push(`axe ${screen} (${lang}) at ${label}: ${violation}`);
        }
        // The docs show a landscape and a portrait screen as a member
        // sees it: the viewport only, unscrolled.
        const orientation = { "1366x768": "landscape", "1080x1920": "portrait" }[label];
        if (SHOTS && orientation && SHOWN.includes(screen)) {
          await page.screenshot({ path: join(SHOTS, `${orientation}-${label}-${lang}-${screen.replaceAll(" ", "-")}.png`) });
        }
      };
      try {
        await page.goto(kiosk.url + "/");
        await at("welcome");
        await page.click(`a[data-lang="${lang}"]`);
        await page.waitForURL(/\/card$/);
        await at("card");
        await page.click("details.type-code summary");
        await at("card typed on the keypad", ["#card-ok", "#number"]);
        await page.goto(kiosk.url + "/card");
        await page.keyboard.type(walker.code);
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/pin$/);
        await at("pin");
        await typeOnKeypad(page, ".keypad-pin", walker.pin);
        await page.click(".pin-form button[type=submit]");
        await page.waitForURL(/\/home$/);
        await at("home", ["[data-main]", ".balance"]);
        await page.goto(kiosk.url + "/pay");
        await at("pay who", ["[data-main]", ".people-form .person"]);
        for (const name of await namesCutInsideAWord(page, ".person-name")) problems.push(`pay who (${lang}) at ${label}: the name ${name} is cut inside a word`);
        await page.click(`button.person[value="M001"]`);
        await page.waitForURL(/\/pay\/details$/);
        await page.click(".hours-btn[data-delta='-1']");
        await page.click(".hours-btn[data-delta='-1']");
        await page.click(".hours-btn[data-delta='-1']");
        await page.click("label.work-care");
        await at("pay details", ["[data-main]", ".hours", ".work-tiles"]);
        await page.click("form.details button[type=submit]");
        await page.waitForURL(/\/pay\/confirm$/);
        // Give the page's script its time: it must not scroll the summary away.
        await page.waitForTimeout(300);
        await at("pay confirm", ["[data-main]", ".summary", ".btn-logout", "#pin"]);
        await typeOnKeypad(page, ".keypad-pin", walker.pin);
        await page.click("#confirm");
        await page.waitForURL(/\/pay\/receipt$/);
        await at("pay receipt", ["[data-main]", ".receipt-sentence"]);
        await page.goto(kiosk.url + "/home");
        await at("home with a request", ["[data-main]", "[data-testid=waiting] .btn-no", ".balance"]);
        await page.click("[data-testid=waiting] .btn-yes");
        await page.waitForURL(/\/requests\/\d+\/yes$/);
        await page.waitForTimeout(300);
        await at("request yes", ["[data-main]", ".request-card", "#pin", ".btn-logout"]);
        await page.goto(page.url().replace(/yes$/, "no"));
        await page.waitForTimeout(300);
        await at("request no", ["[data-main]", ".reason-tiles", "#pin"]);
        await page.goto(kiosk.url + "/ask");
        await at("ask who", ["[data-main]", ".people-form .person"]);
        await page.click(`button.person[value="M001"]`);
        await page.waitForURL(/\/ask\/details$/);
        await page.click("label.work-care");
        await page.fill("input[name=what]", "Soep gekookt");
        await closeKeyboard(page);
        await at("ask details", ["[data-main]", ".hours", ".work-tiles"]);
        await page.click("form.details button[type=submit]");
        await page.waitForURL(/\/ask\/confirm$/);
        await page.waitForTimeout(300);
        await at("ask confirm", ["[data-main]", ".summary", "#pin"]);
        await page.goto(kiosk.url + "/gift");
        await at("gift who", ["[data-main]", ".person-fund"]);
        await page.click("button.person-fund");
        await page.waitForURL(/\/gift\/details$/);
        await page.fill("input[name=why]", "Buurtfeest");
        await closeKeyboard(page);
        await at("gift details", ["[data-main]", ".hours", "input[name=why]"]);
        await page.click("form.details button[type=submit]");
        await page.waitForURL(/\/gift\/confirm$/);
        await page.waitForTimeout(300);
        await at("gift confirm", ["[data-main]", ".summary", "#pin"]);
        await page.goto(kiosk.url + "/offers");
        await at("offers");
        await page.goto(kiosk.url + "/offers/new");
        await at("offers new", ["[data-main]", "input[name=what]"]);
        await page.goto(kiosk.url + "/statement");
        await at("statement");
        await page.goto(kiosk.url + "/statement/last");
        await at("statement last");
        // The twelve months run in the reading direction.
        const first = await page.locator(".history .month").first().boundingBox();
        const now = await page.locator(".history .month-now").boundingBox();
        if ((lang === "ar") !== (now.x < first.x)) problems.push(`statement last (${lang}) at ${label}: the chart runs the wrong way`);
        await page.goto(kiosk.url + "/statement/check");
        await at("code check", ["[data-main]", "#code"]);
        await page.click("details.type-code summary");
        await at("code check on the keypad", ["[data-main]", "#code"]);
        await page.fill("#code", "7KQ2M9XD4TNA");
        await page.click(".check-form button[type=submit]");
        await page.waitForSelector("[data-testid=answer]");
        await at("code check answer");
        await page.goto(kiosk.url + "/no-such-page");
        await at("a refusal");
        await page.goto(kiosk.url + "/home");
        await page.click(".btn-logout");
        await page.waitForURL(/\/bye(\?lang=\w+)?$/);
        await at("goodbye");
      } finally {
        await context.close();
      }
    }
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});

// Each language's balance, spoken: the WAV exists, is not silence, lasts
// about as long as its words take to say, and says the words shown.
for (const [lang, card] of [["nl", 0], ["fr", 0], ["en", 0], ["ar", 1], ["tr", 3]]) {
  test(`the balance is spoken in ${lang}, in the words on the screen`, async ({ page, kiosk }) => {
    await login(page, kiosk.url, state.cards[card], lang);
    const button = page.locator(".btn-say");
    assert.ok(await button.isVisible(), "the speaker button is shown");
    const said = await button.getAttribute("data-say");
    const shown = (await page.textContent("[data-testid=say-text]")).replace(/[\u2068\u2069]/g, "");
    assert.equal(said, shown, "the words heard are the words shown");
    // Hours in words, not digits: "anderhalf uur", never "1,50".
    assert.doesNotMatch(said, /\d[.,]\d\d/, said);
    const audio = await page.request.get(kiosk.url + (await button.getAttribute("data-say-src")));
    assert.equal(audio.status(), 200);
    assert.equal(audio.headers()["content-type"], "audio/wav");
    const file = join(WORK, `balance-${lang}.wav`);
    writeFileSync(file, await audio.body());
    // sox writes its statistics on stderr.
    const stat = spawnSync("sox", [file, "-n", "stat"], { encoding: "utf8" }).stderr;
    const seconds = parseFloat(stat.match(/Length \(seconds\):\s+([\d.]+)/)[1]);
    const rms = parseFloat(stat.match(/RMS\s+amplitude:\s+([\d.]+)/)[1]);
    assert.ok(rms > 0.01, `not silent: RMS ${rms}`);
    const perLetter = seconds / [...said].length;
    assert.ok(perLetter > 0.03 && perLetter < 0.15, `${seconds} s for ${[...said].length} letters: ${said}`);
    // The same sentence is not the address of another session.
    const stranger = await page.context().browser().newContext();
    const other = await stranger.request.get(kiosk.url + (await button.getAttribute("data-say-src")));
    assert.equal(other.status(), 404);
    await stranger.close();
    // Pressing it plays it.
    await button.click();
    await page.waitForFunction(() => document.querySelector(".btn-say").classList.contains("saying"));
    if (lang === "ar" || lang === "nl") await shot(page, `speaker-${lang}`);
  });
}

test("without espeak-ng the kiosk works, without a speaker button, and says why once", async ({ page }) => {
  const mute = await startKiosk([], { AKKER_ESPEAK: "/nonexistent/espeak-ng" });
  try {
    await login(page, mute.url, state.cards[0], "en");
    assert.equal(await page.locator(".btn-say").count(), 0);
    assert.ok((await balance(page)) !== undefined);
    await page.goto(mute.url + "/pay");
    assert.equal(await page.locator(".btn-say").count(), 0);
    const lines = mute.log().split("\n").filter((l) => l.includes("speech is off"));
    assert.equal(lines.length, 1, mute.log());
    assert.match(lines[0], /espeak-ng/);
  } finally {
    await mute.stop();
  }
});

test("the ledger verifies afterwards", async () => {
  const out = akker(["verify"]);
  assert.match(out, /OK|ok|verified/i, out);
});

async function main() {
  mkdirSync(WORK, { recursive: true });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const demo = JSON.parse(akker(["--json", "demo"]));
  state.cards = demo.cards.filter((c) => /^M\d+$/.test(c.account));
  state.initiative = demo.cards.find((c) => c.account.startsWith("INIT-"));
  akker(["account", "add", "M900", "--name", "Nieuwe Buur", "--language", "nl"]);
  const issued = JSON.parse(akker(["--json", "card", "issue", "M900", "--out", join(WORK, "cards")], { AKKER_PIN: "4321" }));
  state.newcomer = { account: "M900", code: issued.code, pin: "4321" };
  // A long name, to show that names wrap between words on the tiles.
  akker(["account", "add", "M901", "--name", "Bartholomeus-Wilhelmina Vandenbroucke-Van Keerberghen", "--language", "nl"]);
  // A member who walks through every screen at every size.
  const walker = JSON.parse(akker(["--json", "card", "issue", "M006", "--out", join(WORK, "cards")], { AKKER_PIN: "2580" }));
  state.walker = { account: "M006", code: walker.code, pin: "2580" };
  // A Dutch and an Arabic member for the requests (their homes are not
  // those the speech and statement tests read).
  const jan = JSON.parse(akker(["--json", "card", "issue", "M002", "--out", join(WORK, "cards")], { AKKER_PIN: "4321" }));
  state.jan = { account: "M002", code: jan.code, pin: "4321" };
  const youssef = JSON.parse(akker(["--json", "card", "issue", "M010", "--out", join(WORK, "cards")], { AKKER_PIN: "1010" }));
  state.youssef = { account: "M010", code: youssef.code, pin: "1010" };
  // Gifts to the community fund go to the demo's fund account.
  akker(["settings", "set", "fund.account", "SYS-FUND"]);

  // The treasurer prints the demo's last month (issued by the demo); the
  // tests compare the screen with what is on paper.
  const month = demo.statements_month;
  akker(["statements", "--month", month, "--out", join(WORK, "statements"), "--format", "text"]);
  state.marieStatement = JSON.parse(akker(["--json", "statement", "M001", "--month", month]));
  state.fatimaStatement = JSON.parse(akker(["--json", "statement", "M003", "--month", month]));

  // A few offers and requests on the board, put there by the treasurer.
  for (const [account, direction, work, what] of [
    ["M002", "offer", "practical", "Fietsen herstellen"],
    ["M006", "offer", "self-development", "Cours de français"],
    ["M010", "request", "practical", "Help met een brief van de gemeente"],
    ["M004", "offer", "care", "Yemek pişirmek — cooking for a neighbour"],
    ["M015", "request", "care", "Iemand om samen te wandelen"],
    // One 48-letter Dutch word: it must wrap inside its card.
    ["M002", "offer", "practical", "Kindercarnavalsoptochtvoorbereidingswerkzaamheden"],
  ]) {
    akker(["offer", "add", account, direction, what, "--work", work]);
  }

  let kiosk = await startKiosk();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
  });
  const restart = async () => {
    await kiosk.stop();
    kiosk = await startKiosk();
    return kiosk;
  };
  let passed = 0;
  let failed = 0;
  for (const { name, body } of tests.filter((t) => t.name.includes(ONLY))) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    try {
      await body({ page, kiosk, restart, browser });
      passed += 1;
      console.log(`ok - ${name}`);
    } catch (err) {
      failed += 1;
      console.log(`not ok - ${name}\n  ${String(err.stack || err).replaceAll("\n", "\n  ")}`);
      await page.screenshot({ path: join(WORK, `failed-${passed + failed}.png`), fullPage: true }).catch(() => {});
    } finally {
      await context.close();
    }
  }
  await browser.close();
  await kiosk.stop();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
