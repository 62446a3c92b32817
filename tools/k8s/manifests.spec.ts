import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { StrictFieldChecker, validateAgainstSchema, type KubeObject } from './kubernetes-schema';
import { APPS, checkWorkloadRules, SECRET_VARIABLES } from './workload-rules';

const root = path.resolve(__dirname, '../..');
const render = (dir: string): KubeObject[] =>
  parseAllDocuments(execFileSync('kubectl', ['kustomize', path.join(root, 'k8s', dir === 'base' ? 'base' : `overlays/${dir}`)], { encoding: 'utf8' }))
    .map((doc) => doc.toJS() as KubeObject)
    .filter(Boolean);

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const overlays = ['local', 'eks'];
const rendered: Record<string, KubeObject[]> = Object.fromEntries(['base', ...overlays].map((dir) => [dir, render(dir)]));
const everything = Object.values(rendered).flat();
const strict = new StrictFieldChecker(everything);
const clone = (objects: KubeObject[]) => structuredClone(objects) as Any[];
const get = (objects: Any[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as Any;
const envOf = (objects: KubeObject[], kind: string, name: string): Any[] =>
  (get(objects as Any[], kind, name).spec.template.spec.containers as Any[]).flatMap((c) => c.env ?? []);

describe.each(['base', ...overlays])('k8s/%s renders to valid Kubernetes objects', (dir) => {
  it('every object passes the Kubernetes schema', () => {
    const problems = rendered[dir].flatMap((o) => validateAgainstSchema(o).map((p) => `${o.kind} ${o.metadata.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('no object has a field the Kubernetes API does not define', () => {
    const problems = rendered[dir].flatMap((o) => strict.unknownFields(o).map((p) => `${o.kind} ${o.metadata.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('everything lands in the peerprep namespace', () => {
    expect(rendered[dir].filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'peerprep').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });
});

describe.each(overlays)('overlay %s follows the workload rules', (overlay) => {
  it('has no violation', () => {
    expect(checkWorkloadRules(rendered[overlay])).toEqual([]);
  });
});

describe('secrets', () => {
  it('the base and the eks overlay contain no Secret at all: they are created out of band', () => {
    expect(rendered.base.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(rendered.eks.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it('the local overlay generates only clearly-local placeholders and never the signing key', () => {
    const secrets = rendered.local.filter((o) => o.kind === 'Secret') as Any[];
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.map((s) => s.metadata.name).filter((n: string) => n.startsWith('peerprep-jwt'))).toEqual([]);
    const values = secrets.flatMap((s) => Object.entries<string>(s.data).map(([k, v]) => [`${s.metadata.name}/${k}`, Buffer.from(v, 'base64').toString()]));
    // Each value is a local-only password or a URL naming only in-cluster hosts.
    const notLocal = values.filter(([, v]) => !/local-only|^redis:\/\/redis:6379$|^peerprep$/.test(v));
    expect(notLocal).toEqual([]);
  });

  it('k8s/README.md documents every Secret the eks overlay references', () => {
    const readme = readFileSync(path.join(root, 'k8s/README.md'), 'utf8');
    const names = new Set(
      (rendered.eks as Any[])
        .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
        .flatMap((o) => o.spec.template.spec.containers.flatMap((c: Any) => (c.env ?? []).map((e: Any) => e.valueFrom?.secretKeyRef?.name)))
        .filter(Boolean),
    );
    expect([...names].filter((name) => !readme.includes(`create secret generic ${name} `))).toEqual([]);
  });
});

describe('environment variables match what each backend reads', () => {
  // Passed before the code reads it (collaboration-service will call question-service's
  // internal picker); this list must shrink, so a name the code now reads fails here.
  const aheadOfCode: Record<string, string[]> = { 'collaboration-service': ['INTERNAL_API_TOKEN'] };
  const schemaSource = (app: string) =>
    ['apps/' + app + '/src/config.ts', 'libs/service-kit/src/config.ts', 'libs/auth/src/config.ts'].map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');

  it.each(Object.keys(APPS).filter((app) => app !== 'frontend'))('%s', (app) => {
    const source = schemaSource(app);
    const configMap = get(rendered.eks as Any[], 'ConfigMap', `${app}-config`);
    const names = [...Object.keys(configMap.data), ...envOf(rendered.eks, 'Deployment', app).map((e) => e.name)];
    const allowed = aheadOfCode[app] ?? [];
    expect(names.filter((n) => !allowed.includes(n) && !new RegExp(`\\b${n}\\b\\s*:`).test(source))).toEqual([]);
    expect(allowed.filter((n) => new RegExp(`\\b${n}\\b\\s*:`).test(source))).toEqual([]);
  });
});

describe('local overlay', () => {
  it('runs three Postgres, Redis and RabbitMQ as StatefulSets with volumes and Services', () => {
    const stores = ['postgres-users', 'postgres-questions', 'postgres-collaboration', 'redis', 'rabbitmq'];
    for (const name of stores) {
      const set = get(rendered.local as Any[], 'StatefulSet', name);
      expect(set?.spec.volumeClaimTemplates?.[0]?.spec.resources.requests.storage).toBeDefined();
      expect(get(rendered.local as Any[], 'Service', name)?.spec.selector).toEqual({ 'app.kubernetes.io/name': name });
      const container = set.spec.template.spec.containers[0];
      expect([container.securityContext.runAsNonRoot, container.securityContext.allowPrivilegeEscalation, container.readinessProbe?.exec?.command?.length > 0]).toEqual([true, false, true]);
    }
  });
});

describe('eks overlay', () => {
  it('gives every app an IRSA-ready ServiceAccount and more replicas than local', () => {
    for (const app of Object.keys(APPS)) {
      expect(get(rendered.eks as Any[], 'ServiceAccount', app).metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
      expect(get(rendered.eks as Any[], 'HorizontalPodAutoscaler', app).spec.minReplicas).toBeGreaterThan(get(rendered.local as Any[], 'HorizontalPodAutoscaler', app).spec.minReplicas);
    }
  });

  it('has ingress-nginx values that put the controller behind an AWS NLB', () => {
    const values = parse(readFileSync(path.join(root, 'k8s/overlays/eks/ingress-nginx-values.yaml'), 'utf8')) as Any;
    expect(values.controller.service.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
    });
  });

  it('reaches the managed stores only through Secrets (no in-cluster store)', () => {
    expect(rendered.eks.filter((o) => o.kind === 'StatefulSet')).toEqual([]);
    for (const name of SECRET_VARIABLES) {
      for (const app of Object.keys(APPS)) {
        const variable = envOf(rendered.eks, 'Deployment', app).find((e) => e.name === name);
        if (variable) expect(variable.valueFrom.secretKeyRef.name).toMatch(/^peerprep-/);
      }
    }
  });
});

describe('the checks catch violations', () => {
  const violationsAfter = (mutate: (objects: Any[]) => void) => {
    const objects = clone(rendered.eks);
    mutate(objects);
    return checkWorkloadRules(objects as KubeObject[]);
  };
  const container = (objects: Any[], app: string) => get(objects, 'Deployment', app).spec.template.spec.containers[0];

  it('a writable root filesystem', () => {
    expect(violationsAfter((o) => (container(o, 'user-service').securityContext.readOnlyRootFilesystem = false))).toEqual([
      'Deployment user-service container user-service: securityContext.readOnlyRootFilesystem must be true',
    ]);
  });

  it('a rollout that may drop capacity', () => {
    expect(violationsAfter((o) => (get(o, 'Deployment', 'frontend').spec.strategy.rollingUpdate.maxUnavailable = 1))).toEqual([
      'Deployment frontend: strategy must be RollingUpdate with maxUnavailable 0',
    ]);
  });

  it('a missing PodDisruptionBudget', () => {
    expect(violationsAfter((o) => o.splice(o.indexOf(get(o, 'PodDisruptionBudget', 'matching-service')), 1))).toEqual([
      'PodDisruptionBudget matching-service must select the pods',
    ]);
  });

  it('a secret as a literal value and a secret in a ConfigMap', () => {
    const problems = violationsAfter((o) => {
      const key = (container(o, 'user-service').env as Any[]).find((e) => e.name === 'JWT_PRIVATE_KEY') as Any;
      delete key.valueFrom;
      key.value = 'x';
      get(o, 'ConfigMap', 'api-gateway-config').data.REDIS_URL = 'redis://default:pw@cache:6379';
    });
    expect(problems).toEqual([
      'Deployment user-service container user-service: JWT_PRIVATE_KEY must come from a Secret (secretKeyRef)',
      'ConfigMap api-gateway-config: REDIS_URL belongs in a Secret',
      'ConfigMap api-gateway-config: REDIS_URL holds a URL with credentials',
    ]);
  });

  it('a missing preStop, probe or limit, and a foreign image', () => {
    const problems = violationsAfter((o) => {
      const c = container(o, 'collaboration-service');
      delete c.lifecycle;
      delete c.readinessProbe;
      delete c.resources.limits.memory;
      c.image = 'peerprep4/peerprep4:latest';
    });
    expect(problems).toEqual([
      'Deployment collaboration-service container collaboration-service: resources.limits.memory is missing',
      'Deployment collaboration-service container collaboration-service: image peerprep4/peerprep4:latest must be peerprep4/peerprep4:collaboration_service[-<sha>]',
      'Deployment collaboration-service: must GET /readyz on the app port',
      'Deployment collaboration-service: needs a preStop sleep',
    ].map((p) => p.replace('must GET', 'readinessProbe must GET')));
  });

  it('a migration on the service image (no Prisma CLI) and a seed on the migrate image (no seed.js)', () => {
    const jobContainer = (o: Any[], name: string) => get(o, 'Job', name).spec.template.spec.containers[0];
    const problems = violationsAfter((o) => {
      jobContainer(o, 'user-service-migrate').image = 'peerprep4/peerprep4:user_service-1a2b3c4';
      jobContainer(o, 'question-service-seed').image = 'peerprep4/peerprep4:question_service_migrate';
    });
    expect(problems).toEqual([
      'Job user-service-migrate container migration: image peerprep4/peerprep4:user_service-1a2b3c4 must be peerprep4/peerprep4:user_service_migrate[-<sha>]',
      'Job question-service-seed container seed: image peerprep4/peerprep4:question_service_migrate must be peerprep4/peerprep4:question_service[-<sha>]',
    ]);
  });

  it('accepts a migrate tag pinned to a commit', () => {
    expect(violationsAfter((o) => (get(o, 'Job', 'collaboration-service-migrate').spec.template.spec.containers[0].image = 'peerprep4/peerprep4:collaboration_service_migrate-1a2b3c4'))).toEqual([]);
  });

  it('a misspelt field and a wrongly typed one', () => {
    const [deployment] = clone([get(rendered.eks as Any[], 'Deployment', 'api-gateway') as KubeObject]);
    deployment.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
    deployment.spec.revisionHistoryLimit = 'five';
    expect(strict.unknownFields(deployment as KubeObject)).toEqual(['/spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem']);
    expect(validateAgainstSchema(deployment as KubeObject).join()).toContain('revisionHistoryLimit must be integer');
  });
});
