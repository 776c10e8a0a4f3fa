// Starts Debian's Chromium for browser tests and benchmarks: headless, no sandbox (tests run as root), WebGL
// through SwiftShader, and nothing that reaches the network.

import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

export interface WatchedPage {
  browser: Browser;
  page: Page;
  /** What went wrong in the page: console errors, uncaught errors, and answers of status 400 or more. */
  problems: string[];
}

export interface WatchedPageOptions {
  viewport: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Console errors a test causes on purpose, left out of `problems`. */
  expectedConsoleError?: (text: string) => boolean;
  /** Failed answers a test asks for on purpose (by URL), left out of `problems`. */
  expectedFailedAnswer?: (url: string) => boolean;
}

/** A page in a new Chromium (90 s for each wait) that collects its problems, as every viewer test checks them. */
export async function openWatchedPage(options: WatchedPageOptions): Promise<WatchedPage> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: options.viewport, acceptDownloads: options.acceptDownloads ?? false });
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && options.expectedConsoleError?.(message.text()) !== true)
      problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400 && options.expectedFailedAnswer?.(response.url()) !== true)
      problems.push(`${response.status()} ${response.url()}`);
  });
  return { browser, page, problems };
}
