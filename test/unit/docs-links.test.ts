import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/config';

/** The project's own Markdown files, as git knows them (generated output and node_modules are not ours). */
function markdownFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((file) => file && existsSync(path.join(PROJECT_ROOT, file)));
}

const GITHUB_SLUG_DROPS = /[^\p{L}\p{N}\- ]/gu;
const slugOf = (heading: string) =>
  heading.trim().toLowerCase().replace(GITHUB_SLUG_DROPS, '').replace(/ /g, '-');

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#+ (.+)$/gm)].map((match) => slugOf(match[1]!)));
}

describe('documentation links', function () {
  it('every relative link in a Markdown file reaches a file (and a heading, when it names one)', function () {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:)/.test(target!)) continue;
        const [relative, anchor] = target!.split('#');
        const reached = relative
          ? path.resolve(PROJECT_ROOT, path.dirname(file), relative)
          : path.join(PROJECT_ROOT, file);
        if (!existsSync(reached)) broken.push(`${file}: ${target} (no such file)`);
        else if (anchor && reached.endsWith('.md') && !anchorsOf(reached).has(anchor))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
