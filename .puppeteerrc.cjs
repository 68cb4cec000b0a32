// Puppeteer must not download a browser on install: there is no internet here, and cxmap finds
// the system Chromium itself (see src/render/browser.ts).
module.exports = { skipDownload: true };
