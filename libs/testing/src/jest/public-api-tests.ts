import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function projectTags(file: string): string[] {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'project.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { tags?: string[] }).tags ?? [];
  }
  return [];
}

/**
 * Whether a test file belongs to a project that serves the public API: a
 * backend app (tagged type:app and scope:backend). Libraries' tests build toy
 * apps of their own, whose /api routes are not the platform's.
 */
export function servesPublicApi(testPath: string | undefined): boolean {
  if (!testPath) return false;
  const tags = projectTags(testPath);
  return tags.includes('type:app') && tags.includes('scope:backend');
}
