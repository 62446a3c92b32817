import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { appsReading } from '../delivery/app-config';
import { checkAppEnvironments, checkSharedSecret } from './app-environment';
import { StrictFieldChecker, validateAgainstSchema, type KubeObject } from './kubernetes-schema';
import { problemsOfSandboxProfile, sandboxProfilePath } from '../delivery/sandbox-profile';
import { APPS, checkWorkloadRules, SANDBOX_LOCALHOST_PROFILE, SECRET_VARIABLES } from './workload-rules';

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
  const schemaSource = (app: string) =>
    ['libs/config/' + app + '/src/config.ts', 'libs/service-kit/src/config.ts', 'libs/auth/src/config.ts', 'libs/messaging/src/config.ts']
      .map((f) => readFileSync(path.join(root, f), 'utf8'))
      .join('\n');

  it.each(Object.keys(APPS).filter((app) => app !== 'frontend'))('%s', (app) => {
    const source = schemaSource(app);
    const configMap = get(rendered.eks as Any[], 'ConfigMap', `${app}-config`);
    const names = [...Object.keys(configMap.data), ...envOf(rendered.eks, 'Deployment', app).map((e) => e.name)];
    expect(names.filter((n) => !new RegExp(`\\b${n}\\b\\s*:`).test(source))).toEqual([]);
  });
});

describe.each(overlays)('overlay %s gives each backend what it needs in production', (overlay) => {
  it('every backend boots with its boot schema (NODE_ENV=production) and overrides every developer-machine default', () => {
    expect(checkAppEnvironments(rendered[overlay])).toEqual([]);
  });

  it('question-service and collaboration-service read INTERNAL_API_TOKEN from the same Secret key', () => {
    expect(appsReading('INTERNAL_API_TOKEN')).toEqual(expect.arrayContaining(['question-service', 'collaboration-service']));
    expect(checkSharedSecret(rendered[overlay], 'INTERNAL_API_TOKEN')).toEqual([]);
    const ref = envOf(rendered[overlay], 'Deployment', 'collaboration-service').find((e) => e.name === 'INTERNAL_API_TOKEN')?.valueFrom.secretKeyRef;
    expect(ref).toEqual({ name: expect.stringMatching(/^peerprep-internal-token(-[a-z0-9]+)?$/), key: 'INTERNAL_API_TOKEN' });
  });
});

describe("execution-service's sandbox", () => {
  it('names the seccomp profile k8s/README.md tells operators to copy to every node, and that profile passes the sandbox checks', () => {
    const readme = readFileSync(path.join(root, 'k8s/README.md'), 'utf8');
    expect(readme).toContain(`/var/lib/kubelet/seccomp/${SANDBOX_LOCALHOST_PROFILE}`);
    expect(readme).toContain(path.relative(root, sandboxProfilePath));
    expect(problemsOfSandboxProfile(JSON.parse(readFileSync(sandboxProfilePath, 'utf8')))).toEqual([]);
  });

  it('is the only app with a NetworkPolicy of its own, and its sources are the gateway, collaboration-service and monitoring', () => {
    for (const overlay of overlays) {
      const policies = (rendered[overlay] as Any[]).filter((o) => o.kind === 'NetworkPolicy');
      expect(policies.map((p) => p.metadata.name)).toEqual(['execution-service']);
      const sources = policies[0].spec.ingress.flatMap((rule: Any) => rule.from.map((peer: Any) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']));
      expect(sources.sort()).toEqual(['api-gateway', 'collaboration-service', 'monitoring']);
    }
  });

  it('the optional gVisor component renders with the eks overlay: a RuntimeClass runsc, used by execution-service alone, and the rules still hold', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-gvisor-'));
    try {
      writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        // kustomize takes other directories by relative path only.
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${path.relative(dir, path.join(root, 'k8s/overlays/eks'))}\ncomponents:\n  - ${path.relative(dir, path.join(root, 'k8s/components/gvisor'))}\n`,
      );
      const objects = parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })).map((doc) => doc.toJS() as KubeObject).filter(Boolean);
      const runtimeClass = get(objects as Any[], 'RuntimeClass', 'gvisor');
      expect(runtimeClass.handler).toBe('runsc');
      const checker = new StrictFieldChecker(objects);
      expect(objects.flatMap((o) => [...validateAgainstSchema(o), ...checker.unknownFields(o)].map((p) => `${o.kind} ${o.metadata.name}: ${p}`))).toEqual([]);
      const withRuntime = (objects as Any[]).filter((o) => o.kind === 'Deployment' && o.spec.template.spec.runtimeClassName).map((o) => o.metadata.name);
      expect(withRuntime).toEqual(['execution-service']);
      expect(checkWorkloadRules(objects.filter((o) => o.kind !== 'RuntimeClass'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('collaboration-service without the internal token, or with a Secret of its own', () => {
    const withoutToken = clone(rendered.eks);
    const collab = container(withoutToken, 'collaboration-service');
    collab.env = (collab.env as Any[]).filter((e) => e.name !== 'INTERNAL_API_TOKEN');
    expect(checkAppEnvironments(withoutToken as KubeObject[])).toEqual([
      'collaboration-service: INTERNAL_API_TOKEN must be set to a secret shared with question-service in production (not the development default)',
    ]);
    expect(checkSharedSecret(withoutToken as KubeObject[], 'INTERNAL_API_TOKEN')).toEqual([
      'Deployment collaboration-service: INTERNAL_API_TOKEN must come from a Secret (secretKeyRef)',
    ]);

    const ownSecret = clone(rendered.eks);
    const token = (container(ownSecret, 'collaboration-service').env as Any[]).find((e) => e.name === 'INTERNAL_API_TOKEN') as Any;
    token.valueFrom.secretKeyRef.name = 'peerprep-collab-token';
    expect(checkSharedSecret(ownSecret as KubeObject[], 'INTERNAL_API_TOKEN')).toEqual([
      'INTERNAL_API_TOKEN must come from one Secret key for question-service, collaboration-service, execution-service; found question-service: peerprep-internal-token/INTERNAL_API_TOKEN, collaboration-service: peerprep-collab-token/INTERNAL_API_TOKEN, execution-service: peerprep-internal-token/INTERNAL_API_TOKEN',
    ]);
  });

  it('the development internal token in a generated Secret, and a JWKS URL left at its localhost default', () => {
    const objects = clone(rendered.local);
    const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name.startsWith('peerprep-internal-token')) as Any;
    secret.data.INTERNAL_API_TOKEN = Buffer.from('peerprep-dev-internal-token').toString('base64');
    delete get(objects, 'ConfigMap', 'collaboration-service-config').data.AUTH_JWKS_URL;
    expect(checkAppEnvironments(objects as KubeObject[])).toEqual([
      'question-service: INTERNAL_API_TOKEN must be set to a secret shared with collaboration-service in production (not the development default)',
      'collaboration-service: INTERNAL_API_TOKEN must be set to a secret shared with question-service in production (not the development default)',
      'collaboration-service: AUTH_JWKS_URL is not set (its default only works on a developer machine)',
      'execution-service: INTERNAL_API_TOKEN must be set to a secret shared with the services that submit runs in production (not the development default)',
    ]);
  });

  it('a grace period shorter than the shutdown it must cover', () => {
    expect(violationsAfter((o) => (get(o, 'Deployment', 'collaboration-service').spec.template.spec.terminationGracePeriodSeconds = 30))).toEqual([
      'Deployment collaboration-service: terminationGracePeriodSeconds 30 must cover preStop 5 s + SHUTDOWN_TIMEOUT_MS 10 s + shutdown work 15 s + margin 10 s',
    ]);
    expect(violationsAfter((o) => (get(o, 'ConfigMap', 'user-service-config').data.SHUTDOWN_TIMEOUT_MS = '20000'))).toEqual([
      'Deployment user-service: terminationGracePeriodSeconds 30 must cover preStop 5 s + SHUTDOWN_TIMEOUT_MS 20 s + margin 10 s',
    ]);
  });

  it("execution-service on the runtime's default seccomp profile, without its own user namespace, or with /proc masked", () => {
    expect(
      violationsAfter((o) => {
        const pod = get(o, 'Deployment', 'execution-service').spec.template.spec;
        pod.securityContext.seccompProfile = { type: 'RuntimeDefault' };
        delete pod.hostUsers;
        delete pod.containers[0].securityContext.procMount;
      }),
    ).toEqual([
      `Deployment execution-service: pod seccompProfile must be Localhost ${SANDBOX_LOCALHOST_PROFILE}`,
      'Deployment execution-service: hostUsers must be false',
      'Deployment execution-service container execution-service: procMount must be Unmasked',
    ]);
  });

  it("another app taking the sandbox's relaxations, or a privileged sandbox", () => {
    expect(
      violationsAfter((o) => {
        const pod = get(o, 'Deployment', 'matching-service').spec.template.spec;
        pod.hostUsers = false;
        pod.containers[0].securityContext.procMount = 'Unmasked';
        pod.containers[0].securityContext.seccompProfile = { type: 'Unconfined' };
        container(o, 'execution-service').securityContext.privileged = true;
        container(o, 'execution-service').securityContext.capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] };
      }),
    ).toEqual([
      'Deployment matching-service: hostUsers must be left unset',
      'Deployment matching-service container matching-service: seccompProfile must be RuntimeDefault',
      'Deployment matching-service container matching-service: procMount must be Default',
      'Deployment execution-service container execution-service: capabilities must drop ALL and add none',
      'Deployment execution-service container execution-service: must not be privileged',
    ]);
  });

  it("execution-service's NetworkPolicy opened to another port or destination, or missing", () => {
    expect(
      violationsAfter((o) => {
        const policy = get(o, 'NetworkPolicy', 'execution-service');
        policy.spec.egress.push({ ports: [{ protocol: 'TCP', port: 5432 }] });
        policy.spec.ingress.push({ ports: [{ protocol: 'TCP', port: 9229 }] });
      }),
    ).toEqual([
      'NetworkPolicy execution-service: ingress only on TCP 3006 (found TCP/3006, TCP/9229)',
      'NetworkPolicy execution-service: ingress must name its sources (pods or namespaces)',
      'NetworkPolicy execution-service: egress only to DNS and RabbitMQ (found TCP/5432)',
    ]);
    expect(violationsAfter((o) => o.splice(o.indexOf(get(o, 'NetworkPolicy', 'execution-service')), 1))).toEqual([
      'NetworkPolicy execution-service must select the pods',
    ]);
  });

  it('a misspelt field and a wrongly typed one', () => {
    const [deployment] = clone([get(rendered.eks as Any[], 'Deployment', 'api-gateway') as KubeObject]);
    deployment.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
    deployment.spec.revisionHistoryLimit = 'five';
    expect(strict.unknownFields(deployment as KubeObject)).toEqual(['/spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem']);
    expect(validateAgainstSchema(deployment as KubeObject).join()).toContain('revisionHistoryLimit must be integer');
  });
});
