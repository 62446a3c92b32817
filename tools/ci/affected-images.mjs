#!/usr/bin/env node
// Which images a change needs: the apps `nx affected` reports, minus the e2e
// suite and any app docker-bake.json does not build yet (no image), each with its Docker Hub tag name (`question-service` ->
// `question_service`), which is also the docker-bake.json target that builds
// it, and the Dockerfile stage it builds (`runtime`). An app with a migrate
// image in docker-bake.json (the data services) also gets it
// (`question_service_migrate`, stage `migrate`), which the Kubernetes
// migration Jobs run. CI builds a matrix from the output; only these images
// are built, scanned and pushed.
//
//   node tools/ci/affected-images.mjs [--base=<ref>] [--head=<ref>]
//
// Without --base/--head, nx reads NX_BASE/NX_HEAD (set by nrwl/nx-set-shas).
// Prints {"include":[{"app","image","target"}...]} and, inside GitHub Actions, writes
// `matrix` and `any` (true/false) to $GITHUB_OUTPUT.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Projects without an image of their own. */
const isTestSuite = (name) => name === 'e2e' || name.endsWith('-e2e');

/** `question-service` -> `question_service`: the tag in peerprep4/peerprep4:<tag>. */
export const imageName = (app) => app.replace(/-/g, '_');

/** Whether docker-bake.json builds the app an image: an app without a bake target yet has nothing to build. */
export function hasImageTarget(app) {
  const targets = JSON.parse(readFileSync(path.join(root, 'docker-bake.json'), 'utf8')).target ?? {};
  return imageName(app) in targets;
}

/** Whether docker-bake.json builds the app a migrate image (`<service_name>_migrate`, the Dockerfile's `migrate` stage). */
export function hasMigrateTarget(app) {
  const targets = JSON.parse(readFileSync(path.join(root, 'docker-bake.json'), 'utf8')).target ?? {};
  // A target's own `target` wins over the ones it inherits, the last parent over the first (buildx's rule).
  const stageOf = (name) => targets[name]?.target ?? (targets[name]?.inherits ?? []).map(stageOf).findLast(Boolean);
  return stageOf(`${imageName(app)}_migrate`) === 'migrate';
}

/**
 * The GitHub Actions matrix for these affected app names, sorted for stable job
 * names: each app's image, then its migrate image when it has one.
 */
export function toMatrix(apps, withMigrate = hasMigrateTarget, hasImage = hasImageTarget) {
  const include = apps
    .filter((app) => !isTestSuite(app) && hasImage(app))
    .sort()
    .flatMap((app) => [
      { app, image: imageName(app), target: 'runtime' },
      ...(withMigrate(app) ? [{ app, image: `${imageName(app)}_migrate`, target: 'migrate' }] : []),
    ]);
  return { include };
}

/** Names of the affected application projects, from Nx's project graph and git. */
export function affectedApps(passThrough = []) {
  const output = execFileSync('npx', ['nx', 'show', 'projects', '--affected', '--type', 'app', '--json', ...passThrough], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  // Nx may print notices before the JSON array.
  const json = output.slice(output.indexOf('['));
  const apps = JSON.parse(json);
  if (!Array.isArray(apps) || !apps.every((a) => typeof a === 'string')) throw new Error(`unexpected nx output: ${output}`);
  return apps;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const passThrough = process.argv.slice(2).filter((arg) => /^--(base|head)=.+/.test(arg));
  const matrix = toMatrix(affectedApps(passThrough));
  console.log(JSON.stringify(matrix));
  if (process.env.GITHUB_OUTPUT) {
    appendFileSync(process.env.GITHUB_OUTPUT, `matrix=${JSON.stringify(matrix)}\nany=${matrix.include.length > 0}\n`);
  }
}
