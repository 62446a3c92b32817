import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `nx graph --file` is how a maintainer sees the architecture: apps on top of
 * libraries, no cycles. This runs the real command and checks the graph.
 */
const workspaceRoot = path.resolve(__dirname, '../..');

interface GraphFile {
  graph: {
    nodes: Record<string, { type: string; data: { tags?: string[]; root: string } }>;
    dependencies: Record<string, { source: string; target: string; type: string }[]>;
  };
}

describe('project graph', () => {
  jest.setTimeout(120_000);
  let graph: GraphFile['graph'];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nx-graph-'));

  beforeAll(() => {
    const file = path.join(dir, 'graph.json');
    execFileSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'graph', `--file=${file}`], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'pipe',
    });
    graph = (JSON.parse(readFileSync(file, 'utf8')) as GraphFile).graph;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const workspaceEdges = () =>
    Object.values(graph.dependencies)
      .flat()
      .filter((d) => d.target in graph.nodes);

  it('contains every app and library of the design', () => {
    expect(Object.keys(graph.nodes).sort()).toEqual(
      expect.arrayContaining([
        'frontend',
        'api-gateway',
        'user-service',
        'question-service',
        'matching-service',
        'collaboration-service',
        'execution-service',
        'e2e',
        'contracts',
        'messaging',
        'auth',
        'service-kit',
        'testing',
        'prisma-migrate',
        'api-gateway-config',
        'user-service-config',
        'question-service-config',
        'matching-service-config',
        'collaboration-service-config',
        'execution-service-config',
        'tools',
      ]),
    );
  });

  it('tags every project with a scope and a type', () => {
    for (const [name, node] of Object.entries(graph.nodes)) {
      const tags = node.data.tags ?? [];
      expect({ name, scope: tags.some((t) => t.startsWith('scope:')) }).toEqual({ name, scope: true });
      expect({ name, type: tags.some((t) => t.startsWith('type:')) }).toEqual({ name, type: true });
    }
  });

  const tags = (name: string) => graph.nodes[name].data.tags ?? [];
  const isApp = (name: string) => tags(name).includes('type:app');
  const isTooling = (name: string) => tags(name).includes('type:tooling') || tags(name).includes('type:e2e');

  it('has no library or application depending on an application', () => {
    // Only workspace-level checks (tools: the built bundles; e2e: the started
    // platform) depend on apps, and only as declared implicit dependencies.
    const intoApps = workspaceEdges().filter((d) => isApp(d.target) && !isTooling(d.source));
    expect(intoApps).toEqual([]);
  });

  it('keeps every app and library independent of workspace tooling', () => {
    const intoTooling = workspaceEdges().filter((d) => isTooling(d.target) && !isTooling(d.source));
    expect(intoTooling).toEqual([]);
  });

  it('lets tooling reach the apps only as built output, never their source', () => {
    // tools/ imports only the services' config libraries (and the testing
    // library in tests); the apps it builds and starts are implicit dependencies.
    const imports = workspaceEdges().filter((d) => tags(d.source).includes('type:tooling') && d.type !== 'implicit');
    const allowed = (target: string) => tags(target).includes('type:config') || tags(target).includes('type:testing');
    expect(imports.filter((d) => !allowed(d.target))).toEqual([]);
    expect(imports.filter((d) => tags(d.target).includes('type:config')).length).toBeGreaterThan(0);
  });

  it("gives each config library to its own service and tooling only", () => {
    const serviceOf = (name: string) => tags(name).find((t) => t.startsWith('service:'));
    const intoConfig = workspaceEdges().filter((d) => tags(d.target).includes('type:config'));
    const strangers = intoConfig.filter(
      (d) => !tags(d.source).includes('type:tooling') && serviceOf(d.source) !== serviceOf(d.target),
    );
    expect(strangers).toEqual([]);
    for (const name of Object.keys(graph.nodes).filter((n) => tags(n).includes('type:config'))) {
      expect({ name, service: serviceOf(name) }).toEqual({ name, service: expect.stringMatching(/^service:/) });
    }
  });

  it('has no cycles', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycles: string[][] = [];
    const edges = workspaceEdges();
    const visit = (node: string, trail: string[]) => {
      if (done.has(node)) return;
      if (visiting.has(node)) {
        cycles.push([...trail, node]);
        return;
      }
      visiting.add(node);
      for (const e of edges.filter((x) => x.source === node)) visit(e.target, [...trail, node]);
      visiting.delete(node);
      done.add(node);
    };
    Object.keys(graph.nodes).forEach((n) => visit(n, []));
    expect(cycles).toEqual([]);
  });
});
