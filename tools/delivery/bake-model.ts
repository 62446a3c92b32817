import { readFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from './dockerfile-model';

/**
 * docker-bake.json as `docker buildx bake` reads it, without Docker: the
 * targets that name every image (tag, Dockerfile, stage, build arguments),
 * with `inherits` applied as buildx applies it (the inheriting target's own
 * fields win; `args` merge). Only the fields this project uses are accepted,
 * so a misspelt one fails here rather than being ignored by a build.
 */
export interface BakeTarget {
  context: string;
  dockerfile: string;
  target?: string;
  args: Record<string, string>;
  tags: string[];
}

export interface BakeFile {
  groups: Record<string, string[]>;
  /** Every target, inherits applied; those named `_…` are only inherited from. */
  targets: Record<string, BakeTarget>;
}

export const bakeFilePath = path.join(workspaceRoot, 'docker-bake.json');

const TARGET_FIELDS = new Set(['context', 'dockerfile', 'target', 'args', 'tags', 'inherits']);
/** buildx's own rule for target and group names. */
const NAME = /^[a-zA-Z0-9_-]+$/;

type RawTarget = Record<string, unknown>;

export class BakeError extends Error {
  constructor(readonly problems: string[]) {
    super(`docker-bake.json:\n  ${problems.join('\n  ')}`);
  }
}

export function loadBakeFile(content = readFileSync(bakeFilePath, 'utf8')): BakeFile {
  const problems: string[] = [];
  const json = JSON.parse(content) as Record<string, unknown>;
  for (const key of Object.keys(json)) if (key !== 'group' && key !== 'target') problems.push(`unknown top-level key "${key}"`);
  const rawTargets = (json['target'] ?? {}) as Record<string, RawTarget>;
  const rawGroups = (json['group'] ?? {}) as Record<string, { targets?: unknown }>;

  const resolving = new Set<string>();
  const resolved = new Map<string, Partial<BakeTarget>>();
  const resolve = (name: string, where: string): Partial<BakeTarget> => {
    const cached = resolved.get(name);
    if (cached) return cached;
    const raw = rawTargets[name];
    if (!raw) {
      problems.push(`${where}: no target "${name}"`);
      return {};
    }
    if (resolving.has(name)) {
      problems.push(`target.${name}: inherits itself`);
      return {};
    }
    resolving.add(name);
    let merged: Partial<BakeTarget> = {};
    const inherits = raw['inherits'] ?? [];
    if (!Array.isArray(inherits)) problems.push(`target.${name}.inherits: not a list`);
    else for (const parent of inherits as string[]) merged = merge(merged, resolve(parent, `target.${name}.inherits`));
    merged = merge(merged, own(name, raw, problems));
    resolving.delete(name);
    resolved.set(name, merged);
    return merged;
  };

  const targets: Record<string, BakeTarget> = {};
  for (const name of Object.keys(rawTargets)) {
    if (!NAME.test(name)) problems.push(`target.${name}: not a valid target name`);
    const target = resolve(name, `target.${name}`);
    targets[name] = { context: target.context ?? '.', dockerfile: target.dockerfile ?? 'Dockerfile', target: target.target, args: target.args ?? {}, tags: target.tags ?? [] };
  }
  const groups: Record<string, string[]> = {};
  for (const [name, group] of Object.entries(rawGroups)) {
    const members = group?.targets;
    if (!Array.isArray(members) || !members.every((m) => typeof m === 'string')) {
      problems.push(`group.${name}.targets: not a list of target names`);
      continue;
    }
    for (const member of members) if (!(member in rawTargets)) problems.push(`group.${name}: no target "${member}"`);
    groups[name] = members;
  }
  if (problems.length > 0) throw new BakeError(problems);
  return { groups, targets };
}

function own(name: string, raw: RawTarget, problems: string[]): Partial<BakeTarget> {
  const target: Partial<BakeTarget> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!TARGET_FIELDS.has(key)) problems.push(`target.${name}: unknown field "${key}"`);
    else if (key === 'args') {
      if (!isStringRecord(value)) problems.push(`target.${name}.args: values must be strings`);
      else target.args = value;
    } else if (key === 'tags') {
      if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) problems.push(`target.${name}.tags: not a list of strings`);
      else target.tags = value;
    } else if (key === 'context' || key === 'dockerfile' || key === 'target') {
      if (typeof value !== 'string') problems.push(`target.${name}.${key}: not a string`);
      else target[key] = value;
    }
  }
  return target;
}

function merge(base: Partial<BakeTarget>, over: Partial<BakeTarget>): Partial<BakeTarget> {
  return { ...base, ...over, args: { ...base.args, ...over.args } };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** `question-service` -> `question_service`: the tag in peerprep4/peerprep4:<tag>, and the bake target that builds it. */
export const imageName = (app: string): string => app.replace(/-/g, '_');
