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
import { connectionAllowed, OUTSIDE, pod, workloadPods, type Endpoint } from './network-policy';
import { checkTurnServer } from './turn-server';

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
    const notLocal = values.filter(([, v]) => !/local-only|^peerprep$/.test(v));
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

describe.each(overlays)("overlay %s runs the call's TURN server", (overlay) => {
  it('coturn, pinned, restricted, on the shared secret alone, denying private peers, its relay range the same everywhere', () => {
    expect(checkTurnServer(rendered[overlay])).toEqual([]);
  });
});

describe("execution-service's sandbox", () => {
  it('names the seccomp profile k8s/README.md tells operators to copy to every node, and that profile passes the sandbox checks', () => {
    const readme = readFileSync(path.join(root, 'k8s/README.md'), 'utf8');
    expect(readme).toContain(`/var/lib/kubelet/seccomp/${SANDBOX_LOCALHOST_PROFILE}`);
    expect(readme).toContain(path.relative(root, sandboxProfilePath));
    expect(problemsOfSandboxProfile(JSON.parse(readFileSync(sandboxProfilePath, 'utf8')))).toEqual([]);
  });

  it('has a NetworkPolicy of its own whose sources are the gateway, collaboration-service and monitoring', () => {
    for (const overlay of overlays) {
      const policy = get(rendered[overlay] as Any[], 'NetworkPolicy', 'execution-service');
      const sources = policy.spec.ingress.flatMap((rule: Any) => rule.from.map((peer: Any) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']));
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

  it('a TURN server with a static user, a private peer let back in, its own Secret, a floating image or a relay range the Service does not publish', () => {
    const turnViolations = (mutate: (objects: Any[]) => void) => {
      const objects = clone(rendered.eks);
      mutate(objects);
      return checkTurnServer(objects as KubeObject[]);
    };
    expect(turnViolations((o) => container(o, 'turn').args.push('--user=alice:secret'))).toEqual(['Deployment turn: no static user, loopback peers or CLI password']);
    expect(turnViolations((o) => container(o, 'turn').args.push('--allowed-peer-ip=10.0.0.5'))).toEqual(['Deployment turn: no private peer may be allowed back in']);
    expect(
      turnViolations((o) => (container(o, 'turn').env.find((e: Any) => e.name === 'TURN_SECRET').valueFrom.secretKeyRef.name = 'peerprep-turn-own')),
    ).toEqual(['TURN_SECRET must come to turn and collaboration-service from one and the same Secret key']);
    expect(turnViolations((o) => (container(o, 'turn').image = 'coturn/coturn:latest'))).toEqual([
      'Deployment turn: image coturn/coturn:latest must be coturn/coturn pinned to a version',
    ]);
    expect(
      turnViolations((o) => {
        const args = container(o, 'turn').args as string[];
        args[args.indexOf('--max-port=49175')] = '--max-port=49176';
      }),
    ).toEqual(['Service turn: UDP/49176 is missing', 'NetworkPolicy turn: ingress must admit the relay range UDP 49160-49176']);
  });

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

describe.each(overlays)('overlay %s: NetworkPolicies allow exactly the flows of the architecture diagram', (overlay) => {
  const objects = rendered[overlay];
  const pods = workloadPods(objects);
  const ingressNginx = pod('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
  const monitoring = pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' });
  const kubeDns = pod('kube-system', { 'k8s-app': 'kube-dns' });
  // The stores: in-cluster StatefulSets in the local overlay, managed services outside the cluster on EKS.
  const store = (name: string): Endpoint => pods[name] ?? OUTSIDE;
  const at = (name: string): Endpoint => {
    const endpoint = pods[name];
    if (!endpoint) throw new Error(`no workload ${name} in ${overlay}`);
    return endpoint;
  };
  type Flow = [from: string, to: string, port: number];
  const endpoint = (name: string): Endpoint =>
    name === 'ingress-nginx' ? ingressNginx : name === 'monitoring' ? monitoring : ['postgres-users', 'postgres-questions', 'postgres-collaboration', 'redis', 'rabbitmq'].includes(name) ? store(name) : at(name);
  const allowed = ([from, to, port]: Flow) => connectionAllowed(objects, endpoint(from), endpoint(to), port);

  it('denies everything by default, ingress and egress, for every pod of the namespace', () => {
    const deny = get(objects as Any[], 'NetworkPolicy', 'default-deny');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const policies = (objects as Any[]).filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata.name).sort();
    const apps = ['default-deny', 'allow-dns', 'frontend', 'api-gateway', 'user-service', 'question-service', 'matching-service', 'collaboration-service', 'execution-service', 'turn'];
    const stores = overlay === 'local' ? ['postgres-users', 'postgres-questions', 'postgres-collaboration', 'redis', 'rabbitmq'] : [];
    expect(policies).toEqual([...apps, ...stores].sort());
  });

  const FLOWS: Flow[] = [
    ['ingress-nginx', 'frontend', 3000],
    ['ingress-nginx', 'api-gateway', 3001],
    ['frontend', 'api-gateway', 3001],
    ['api-gateway', 'user-service', 3002],
    ['api-gateway', 'question-service', 3003],
    ['api-gateway', 'matching-service', 3004],
    ['api-gateway', 'collaboration-service', 3005],
    ['api-gateway', 'redis', 6379],
    ['question-service', 'user-service', 3002],
    ['matching-service', 'user-service', 3002],
    ['collaboration-service', 'user-service', 3002],
    ['matching-service', 'question-service', 3003],
    ['collaboration-service', 'question-service', 3003],
    ['user-service', 'postgres-users', 5432],
    ['user-service', 'redis', 6379],
    ['user-service', 'rabbitmq', 5672],
    ['question-service', 'postgres-questions', 5432],
    ['question-service', 'rabbitmq', 5672],
    ['matching-service', 'redis', 6379],
    ['matching-service', 'rabbitmq', 5672],
    ['collaboration-service', 'postgres-collaboration', 5432],
    ['collaboration-service', 'redis', 6379],
    ['collaboration-service', 'rabbitmq', 5672],
    ['execution-service', 'rabbitmq', 5672],
    ['user-service-migrate', 'postgres-users', 5432],
    ['question-service-migrate', 'postgres-questions', 5432],
    ['collaboration-service-migrate', 'postgres-collaboration', 5432],
    ['question-service-seed', 'postgres-questions', 5432],
    ['question-service-seed', 'rabbitmq', 5672],
    ['monitoring', 'user-service', 3002],
    ['monitoring', 'api-gateway', 3001],
  ];
  it.each(FLOWS)('allows %s -> %s:%d', (from, to, port) => {
    expect(allowed([from, to, port])).toBe(true);
  });

  it('lets every workload resolve names through kube-dns', () => {
    for (const name of Object.keys(pods)) {
      expect({ name, dns: connectionAllowed(objects, at(name), kubeDns, 53, 'UDP') }).toEqual({ name, dns: true });
    }
  });

  const FORBIDDEN: Flow[] = [
    ['frontend', 'postgres-users', 5432],
    ['frontend', 'user-service', 3002],
    ['frontend', 'redis', 6379],
    ['ingress-nginx', 'user-service', 3002],
    ['ingress-nginx', 'collaboration-service', 3005],
    ['api-gateway', 'postgres-users', 5432],
    ['api-gateway', 'execution-service', 3006],
    ['execution-service', 'question-service', 3003],
    ['execution-service', 'user-service', 3002],
    ['execution-service', 'redis', 6379],
    ['execution-service', 'postgres-questions', 5432],
    ['matching-service', 'collaboration-service', 3005],
    ['collaboration-service', 'matching-service', 3004],
    ['user-service', 'question-service', 3003],
    ['matching-service', 'postgres-collaboration', 5432],
  ];
  const inClusterOnly: Flow[] =
    overlay === 'local'
      ? [
          // Egress by port reaches any store; the in-cluster stores' own policies name their one client.
          ['question-service', 'postgres-users', 5432],
          ['collaboration-service', 'postgres-questions', 5432],
          ['user-service', 'postgres-collaboration', 5432],
        ]
      : [];
  it.each([...FORBIDDEN, ...inClusterOnly])('forbids %s -> %s:%d', (from, to, port) => {
    expect(allowed([from, to, port])).toBe(false);
  });

  it('lets browsers from anywhere reach the TURN server (UDP and TCP 3478, its relay ports) and it reach only public addresses', () => {
    const turn = at('turn');
    expect(connectionAllowed(objects, OUTSIDE, turn, 3478, 'UDP')).toBe(true);
    expect(connectionAllowed(objects, OUTSIDE, turn, 3478, 'TCP')).toBe(true);
    expect(connectionAllowed(objects, OUTSIDE, turn, 49170, 'UDP')).toBe(true);
    expect(connectionAllowed(objects, OUTSIDE, turn, 49170, 'TCP')).toBe(false);
    expect(connectionAllowed(objects, turn, OUTSIDE, 51000, 'UDP')).toBe(true);
    for (const [to, port] of [['collaboration-service', 3005], ['user-service', 3002], ['api-gateway', 3001], ['redis', 6379], ['postgres-users', 5432], ['rabbitmq', 5672]] as const) {
      expect({ to, allowed: connectionAllowed(objects, turn, endpoint(to), port) }).toEqual({ to, allowed: false });
    }
    // Nothing in the namespace needs it (collaboration-service only shares its secret).
    expect(connectionAllowed(objects, at('collaboration-service'), turn, 3478, 'UDP')).toBe(false);
  });

  it('would let the frontend reach the user database without the default deny and its own policy (the check can fail)', () => {
    const open = (objects as Any[]).filter((o) => !(o.kind === 'NetworkPolicy' && ['default-deny', 'frontend', 'postgres-users', 'allow-dns'].includes(o.metadata.name)));
    expect(connectionAllowed(open as KubeObject[], at('frontend'), store('postgres-users'), 5432)).toBe(true);
  });
});

describe('client addresses in Kubernetes', () => {
  it('ingress-nginx replaces any client-sent X-Forwarded-For with the address it sees, which the gateway trusts for one hop from pod addresses only', () => {
    const values = parse(readFileSync(path.join(root, 'k8s/overlays/eks/ingress-nginx-values.yaml'), 'utf8')) as Any;
    expect(values.controller.config).toMatchObject({ 'use-forwarded-headers': 'false', 'compute-full-forwarded-for': 'false' });
    expect(values.controller.service.externalTrafficPolicy).toBe('Local');
    for (const overlay of overlays) {
      const gateway = get(rendered[overlay] as Any[], 'ConfigMap', 'api-gateway-config').data;
      expect(gateway).toMatchObject({ TRUSTED_PROXY_HOPS: '1', TRUST_PROXY: 'uniquelocal, 100.64.0.0/10' });
      for (const app of ['user-service', 'question-service', 'matching-service', 'collaboration-service']) {
        expect({ app, trust: get(rendered[overlay] as Any[], 'ConfigMap', `${app}-config`).data.TRUST_PROXY }).toEqual({ app, trust: 'uniquelocal, 100.64.0.0/10' });
      }
    }
  });
});

describe('Redis wants a password', () => {
  it('the local Redis requires the password that every REDIS_URL carries', () => {
    const redis = get(rendered.local as Any[], 'StatefulSet', 'redis').spec.template.spec.containers[0];
    expect(redis.command.join(' ')).toContain('--requirepass "$REDIS_PASSWORD"');
    expect(redis.readinessProbe.exec.command.join(' ')).toContain('REDISCLI_AUTH="$REDIS_PASSWORD"');
    const secret = (name: string) => (rendered.local as Any[]).find((o) => o.kind === 'Secret' && o.metadata.name.startsWith(`${name}-`)) as Any;
    const password = Buffer.from(secret('local-redis').data.REDIS_PASSWORD, 'base64').toString();
    const url = new URL(Buffer.from(secret('peerprep-redis').data.REDIS_URL, 'base64').toString());
    expect(url.password).toBe(password);
    expect(redis.env.find((e: Any) => e.name === 'REDIS_PASSWORD').valueFrom.secretKeyRef.name).toBe(secret('local-redis').metadata.name);
  });

  it('k8s/README.md creates the EKS REDIS_URL with credentials over TLS', () => {
    expect(readFileSync(path.join(root, 'k8s/README.md'), 'utf8')).toMatch(/create secret generic peerprep-redis --from-literal=REDIS_URL='rediss:\/\/[^:@']+:[^@']+@/);
  });
});
