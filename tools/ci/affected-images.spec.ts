import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const script = path.join(__dirname, 'affected-images.mjs');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const affectedImages = (base: string, head: string) =>
  JSON.parse(execFileSync('node', [script, `--base=${base}`, `--head=${head}`], { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: '' } })) as {
    include: Array<{ app: string; image: string; target: string }>;
  };
/** Evaluates `expression` with the module's exports in scope (an ES module: jest here compiles to CommonJS). */
const evaluate = (expression: string): unknown =>
  JSON.parse(
    execFileSync('node', ['--input-type=module', '-e', `import * as m from ${JSON.stringify(script)}; console.log(JSON.stringify(${expression}))`], { cwd: root, encoding: 'utf8' }),
  );
// Each app once (a data service has two entries: its image and its migrate image).
const apps = (base: string, head: string) => [...new Set(affectedImages(base, head).include.map((entry) => entry.app))];

// Commits of this repository's own history, chosen for what they touched.
const firstCommit = git('rev-list', '--max-parents=0', 'HEAD');
const twoServicesTests = 'b1a4130'; // only matching-service's and question-service's tests
const readmeOnly = 'a1c3c92'; // README.md only
const serviceKitChange = 'b13c555'; // libs/service-kit and the three data services

describe('affected-images.mjs against this repository', () => {
  it('lists every deployable app, with its underscore image name, and never the e2e suite', () => {
    expect(affectedImages(firstCommit, 'HEAD').include).toEqual([
      { app: 'api-gateway', image: 'api_gateway', target: 'runtime' },
      { app: 'collaboration-service', image: 'collaboration_service', target: 'runtime' },
      { app: 'collaboration-service', image: 'collaboration_service_migrate', target: 'migrate' },
      { app: 'execution-service', image: 'execution_service', target: 'runtime' },
      { app: 'frontend', image: 'frontend', target: 'runtime' },
      { app: 'matching-service', image: 'matching_service', target: 'runtime' },
      { app: 'question-service', image: 'question_service', target: 'runtime' },
      { app: 'question-service', image: 'question_service_migrate', target: 'migrate' },
      { app: 'user-service', image: 'user_service', target: 'runtime' },
      { app: 'user-service', image: 'user_service_migrate', target: 'migrate' },
    ]);
  });

  it('builds no image for an app docker-bake.json does not build yet, and the sandboxed execution-service its own (no migrate image)', () => {
    expect(evaluate(`m.toMatrix(['matching-service', 'notebook-service', 'execution-service']).include`)).toEqual([
      { app: 'execution-service', image: 'execution_service', target: 'runtime' },
      { app: 'matching-service', image: 'matching_service', target: 'runtime' },
    ]);
  });

  it('adds a migrate image exactly for the apps docker-bake.json builds one for (a migrate stage)', () => {
    const everyApp = ['api-gateway', 'collaboration-service', 'execution-service', 'frontend', 'matching-service', 'question-service', 'user-service'];
    expect(evaluate(`${JSON.stringify(everyApp)}.filter((app) => m.hasMigrateTarget(app))`)).toEqual(['collaboration-service', 'question-service', 'user-service']);
    expect(evaluate(`m.toMatrix(['matching-service', 'user-service', 'e2e'], (app) => app === 'user-service').include`)).toEqual([
      { app: 'matching-service', image: 'matching_service', target: 'runtime' },
      { app: 'user-service', image: 'user_service', target: 'runtime' },
      { app: 'user-service', image: 'user_service_migrate', target: 'migrate' },
    ]);
  });

  it('lists the apps a commit touched and leaves out the apps it cannot reach', () => {
    // The exact set also holds the apps that depend on them through the graph
    // (today the data services, through the `tools` project), so name the bounds.
    const affected = apps(`${twoServicesTests}~1`, twoServicesTests);
    expect(affected).toEqual(expect.arrayContaining(['matching-service', 'question-service']));
    expect(affected).not.toContain('frontend');
    expect(affected).not.toContain('api-gateway');
  });

  it('follows the project graph: a shared library change affects every backend that imports it, not the frontend', () => {
    // Judged on today's graph: execution-service, newer than that commit, imports the service kit too.
    expect(apps(`${serviceKitChange}~1`, serviceKitChange)).toEqual(['api-gateway', 'collaboration-service', 'execution-service', 'matching-service', 'question-service', 'user-service']);
  });

  it('builds nothing for a documentation-only change or an empty range', () => {
    expect(apps(`${readmeOnly}~1`, readmeOnly)).toEqual([]);
    expect(apps('HEAD', 'HEAD')).toEqual([]);
  });

  it('writes the matrix and whether it is empty to $GITHUB_OUTPUT', () => {
    const output = path.join(root, 'tmp', `affected-images-${process.pid}.txt`);
    mkdirSync(path.dirname(output), { recursive: true });
    const run = (commit: string) => execFileSync('node', [script, `--base=${commit}~1`, `--head=${commit}`], { cwd: root, env: { ...process.env, GITHUB_OUTPUT: output } });
    run(readmeOnly);
    run(serviceKitChange);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    rmSync(output, { force: true });
    const backends = ['api-gateway', 'collaboration-service', 'execution-service', 'matching-service', 'question-service', 'user-service'];
    const dataServices = ['collaboration-service', 'question-service', 'user-service'];
    const include = backends.flatMap((app) => [
      { app, image: app.replace(/-/g, '_'), target: 'runtime' },
      ...(dataServices.includes(app) ? [{ app, image: `${app.replace(/-/g, '_')}_migrate`, target: 'migrate' }] : []),
    ]);
    expect(lines).toEqual(['matrix={"include":[]}', 'any=false', `matrix=${JSON.stringify({ include })}`, 'any=true']);
  });
});
