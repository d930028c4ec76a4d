// Drives headless Chromium over a site docket built, served on 127.0.0.1 by tests/browser.rs.
// Environment: DOCKET_SITE_URL (the served root, ending in "/"), DOCKET_SCREENSHOTS (folder for
// the PNGs), DOCKET_CHROMIUM (the browser, default /usr/bin/chromium), DOCKET_XSS_PAGE (the
// page of the record with hostile HTML, relative to the root). Prints one line per check and
// exits 1 when any check fails.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const root = process.env.DOCKET_SITE_URL;
const shots = process.env.DOCKET_SCREENSHOTS;
const xssPage = process.env.DOCKET_XSS_PAGE;
if (!root || !shots || !xssPage) {
  console.error("DOCKET_SITE_URL, DOCKET_SCREENSHOTS and DOCKET_XSS_PAGE are required");
  process.exit(2);
}
// A hung browser must not hang `cargo test`.
setTimeout(() => {
  console.error("browser test timed out after 180 s");
  process.exit(2);
}, 180_000).unref();

const failures = [];
function check(ok, what, detail = "") {
  console.log(`${ok ? "ok" : "FAIL"} - ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: process.env.DOCKET_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  timeout: 60_000,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

// Everything the pages do is watched: console errors, uncaught exceptions, dialogs, requests
// and failed responses, each tagged with the page that caused it.
// The hostile record's `<img src=x>` is broken on purpose; its 404 is the one allowed.
const brokenOnPurpose = new URL("x", `${root}${xssPage}`).href;
const consoleErrors = [];
const dialogs = [];
const requests = [];
const badResponses = [];

async function newPage(colorScheme, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ colorScheme, viewport });
  context.on("request", (r) => requests.push(r.url()));
  context.on("response", (r) => {
    if (r.status() >= 400 && r.url() !== brokenOnPurpose) badResponses.push(`${r.status()} ${r.url()}`);
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    const from = m.location().url;
    if (m.type() === "error" && from !== brokenOnPurpose) {
      consoleErrors.push(`${page.url()}: ${m.text()} ${from}`);
    }
  });
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on("dialog", async (d) => {
    dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  return page;
}

const page = await newPage("light");

// 1. The index lists every record; typing narrows the list to the records whose indexed text
// holds the word, and the count says so.
await page.goto(`${root}index.html`);
const rows = page.locator("#records tbody tr");
const visibleRows = page.locator("#records tbody tr:visible");
const total = await rows.count();
check(total >= 8, "index lists the records", `${total} rows`);
await page.locator("#search").pressSequentially("Railway");
const shown = await visibleRows.count();
check(shown > 0 && shown < total, "typing Railway narrows the list", `${shown} of ${total} rows`);
const mismatched = await page.evaluate(() => {
  const text = {};
  (window.DOCKET_SEARCH || []).forEach((e) => { text[e.slug] = e.text; });
  return Array.from(document.querySelectorAll("#records tbody tr"))
    .filter((row) => row.hidden === (text[row.dataset.slug] || "").includes("railway"))
    .map((row) => row.dataset.slug);
});
check(mismatched.length === 0, "shown rows are exactly those that mention Railway", mismatched.join(", "));
const count = await page.locator("#count").textContent();
check(count === `${shown} of ${total} records`, "the count follows the filter", count);
await page.locator("#search").fill("");
check((await visibleRows.count()) === total, "clearing the search shows every row again");

// 1b. Choosing a series leaves exactly that series' rows; clicking the Date header orders the
// rows by date (undated last) and says so with aria-sort.
await page.locator("#filter-series").selectOption("DR");
const seriesRows = await page.evaluate(() =>
  Array.from(document.querySelectorAll("#records tbody tr")).map((r) => ({
    series: r.dataset.series, hidden: r.hidden })));
const wrongSeries = seriesRows.filter((r) => r.hidden === (r.series === "DR"));
const drShown = seriesRows.filter((r) => !r.hidden).length;
check(drShown > 0 && wrongSeries.length === 0, "choosing series DR shows exactly the DR rows", `${drShown} rows`);
await page.locator("#filter-series").selectOption("");
check((await visibleRows.count()) === total, "series All shows every row again");
await page.locator('th[data-sort="date"] button').click();
const dates = await page.evaluate(() =>
  Array.from(document.querySelectorAll("#records tbody tr")).map((r) => r.dataset.date));
const dated = dates.filter(Boolean);
const inOrder = dated.every((d, i) => i === 0 || dated[i - 1] <= d)
  && dates.slice(dated.length).every((d) => !d);
check(inOrder && dated.length > 1, "clicking Date orders the rows by date", dates.join(" "));
const dateSort = await page.locator('th[data-sort="date"]').getAttribute("aria-sort");
check(dateSort === "ascending", "the Date header says it sorts ascending", dateSort);
await page.locator('th[data-sort="date"] button').press("Enter");
const desc = await page.evaluate(() =>
  Array.from(document.querySelectorAll("#records tbody tr")).map((r) => r.dataset.date).filter(Boolean));
check(desc.every((d, i) => i === 0 || desc[i - 1] >= d), "pressing Enter on it reverses the order", desc.join(" "));

// 2. A record link leads to DR-001's page, which draws its criteria totals as an SVG bar chart.
await page.locator('#records tr[data-slug="dr-001-backend-hosting"] a').click();
await page.waitForURL(/records\/dr-001-backend-hosting\.html$/);
check(true, "the index links to DR-001's page", page.url());
const chart = page.locator("figure.chart svg").first();
check(await chart.isVisible(), "DR-001 shows the criteria chart");
const bars = await chart.locator("rect").count();
check(bars >= 2, "the chart has a bar per option", `${bars} bars`);
const chartText = (await chart.textContent()) || "";
check(/Render/.test(chartText), "the chart labels its bars with the options", chartText.replace(/\s+/g, " ").trim().slice(0, 60));

// 3. A superseded record names the record that replaced it, and the link leads there.
await page.goto(`${root}records/adr-006-backend-on-railway.html`);
const banner = page.locator(".banner");
check(await banner.isVisible(), "ADR-006 shows the superseded banner");
const bannerText = ((await banner.textContent()) || "").replace(/\s+/g, " ").trim();
check(bannerText.includes("ADR-007"), "the banner names the current record", bannerText);
await banner.locator("a").first().click();
await page.waitForURL(/records\/adr-007-backend-on-render\.html$/);
check(true, "the banner links to ADR-007's page", page.url());

// 4. The record with hostile HTML renders its text but runs nothing, even when its link is
// clicked.
await page.goto(`${root}${xssPage}`);
check(await page.getByText("Untrusted HTML in a record").first().isVisible(), "the hostile record renders");
const unsafe = await page.evaluate(() => ({
  scripts: document.querySelectorAll("main script").length,
  handlers: document.querySelectorAll("main [onerror], main [onclick], main [onload]").length,
  jsLinks: Array.from(document.querySelectorAll("main a[href]"))
    .filter((a) => a.href.trim().toLowerCase().startsWith("javascript:")).length,
}));
check(
  unsafe.scripts === 0 && unsafe.handlers === 0 && unsafe.jsLinks === 0,
  "no script, event handler or javascript: link survives",
  JSON.stringify(unsafe),
);
await page.locator("main").getByText("click", { exact: true }).click();
await page.waitForTimeout(300);
check(dialogs.length === 0, "no dialog fired", dialogs.join("; "));

// 5. Screenshots of the main pages in both themes, and the index at phone width.
mkdirSync(shots, { recursive: true });
const pages = {
  index: "index.html",
  record: "records/dr-001-backend-hosting.html",
  graph: "graph.html",
  platforms: "platforms.html",
};
for (const scheme of ["light", "dark"]) {
  const shot = await newPage(scheme);
  for (const [name, path] of Object.entries(pages)) {
    await shot.goto(`${root}${path}`);
    await shot.screenshot({ path: join(shots, `${name}-${scheme}.png`), fullPage: true });
  }
  await shot.context().close();
}
const phone = await newPage("light", { width: 390, height: 844 });
await phone.goto(`${root}index.html`);
await phone.screenshot({ path: join(shots, "index-phone.png"), fullPage: true });
const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
check(overflow <= 0, "the index fits a phone's width", `${overflow}px too wide`);
console.log(`screenshots in ${shots}`);

// 6. What the whole run saw: no console errors, no request beyond this machine, no missing file.
await browser.close();
check(consoleErrors.length === 0, "no console errors", consoleErrors.join("; "));
const remote = requests.filter((u) => {
  const url = new URL(u);
  return url.protocol !== "data:" && !["127.0.0.1", "localhost"].includes(url.hostname);
});
check(remote.length === 0, `all ${requests.length} requests stay on localhost`, remote.join(", "));
check(badResponses.length === 0, "no request failed", badResponses.join(", "));

if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("all browser checks passed");
