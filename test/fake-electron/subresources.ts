import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SubresourceReport {
  scripts: number;
  stylesheets: number;
  /** What Chromium would print to the page's console for each script or stylesheet that fails. */
  errors: string[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}(?:=["']([^"']*)["'])?`, 'i').exec(tag);

/**
 * The scripts and stylesheets a file:// page asks for, and whether Chromium would load them:
 * the file must exist, and without Electron's extra file:// privileges (the
 * grantFileProtocolExtraPrivileges fuse off) a module script or a `crossorigin` request to a
 * file: URL is refused by CORS, as in Chrome. The page's own scripts do not run in the fake.
 */
export function checkSubresources(pageUrl: string, fileProtocolPrivileges: boolean): SubresourceReport {
  const html = readFileSync(fileURLToPath(pageUrl), 'utf8');
  const report: SubresourceReport = { scripts: 0, stylesheets: 0, errors: [] };
  const tags = [
    ...[...html.matchAll(/<script\b[^>]*>/gi)].map((match) => ({ tag: match[0], kind: 'script', ref: 'src' })),
    ...[...html.matchAll(/<link\b[^>]*>/gi)]
      .filter((match) => /rel=["']?stylesheet/i.test(match[0]))
      .map((match) => ({ tag: match[0], kind: 'stylesheet', ref: 'href' })),
  ];
  for (const { tag, kind, ref } of tags) {
    const target = attribute(tag, ref)?.[1];
    if (!target) continue;
    const url = new URL(target, pageUrl);
    if (kind === 'script') report.scripts++;
    else report.stylesheets++;
    if (url.protocol !== 'file:') continue;
    const cors = attribute(tag, 'crossorigin') || (kind === 'script' && /type=["']module["']/i.test(tag));
    if (cors && !fileProtocolPrivileges)
      report.errors.push(`Access to ${kind} at '${url.href}' from origin 'null' has been blocked by CORS policy`);
    else if (!existsSync(fileURLToPath(url))) report.errors.push(`net::ERR_FILE_NOT_FOUND ${url.href}`);
  }
  return report;
}
