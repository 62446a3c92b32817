import type { KubeObject } from './kubernetes-schema';

/** Variables that carry credentials: only ever from a Secret, never from a ConfigMap or a literal. */
export const SECRET_VARIABLES = new Set(['JWT_PRIVATE_KEY', 'INTERNAL_API_TOKEN', 'DATABASE_URL', 'AMQP_URL', 'REDIS_URL', 'ADMIN_PASSWORD', 'TURN_SECRET']);

/**
 * The seven apps: Deployment name -> image tag (`service_name`), container port, readiness path,
 * the shutdown work an app does before its drain timer starts (not bounded by SHUTDOWN_TIMEOUT_MS),
 * and whether it runs the bubblewrap sandbox (its own pod security settings, its NetworkPolicy).
 */
export const APPS: Record<string, { port: number; readiness: string; shutdownWorkSeconds?: number; sandbox?: true }> = {
  'api-gateway': { port: 3001, readiness: '/readyz' },
  'user-service': { port: 3002, readiness: '/readyz' },
  'question-service': { port: 3003, readiness: '/readyz' },
  'matching-service': { port: 3004, readiness: '/readyz' },
  // Closes every editor socket with 1012 (at most 1 s), then writes and compacts every room it holds.
  'collaboration-service': { port: 3005, readiness: '/readyz', shutdownWorkSeconds: 15 },
  // Finishes the runs it holds (a compile's wall limit is 30 s) after the drain.
  'execution-service': { port: 3006, readiness: '/readyz', shutdownWorkSeconds: 30, sandbox: true },
  frontend: { port: 3000, readiness: '/healthz' },
};

/**
 * The sandboxed app's seccomp profile on every node, relative to the kubelet's
 * seccomp folder (/var/lib/kubelet/seccomp): the repository's
 * apps/execution-service/deploy/seccomp-profile.json, copied there (k8s/README.md).
 */
export const SANDBOX_LOCALHOST_PROFILE = 'peerprep/execution-sandbox.json';
/** After the drain: closing pools and connections, and the process exit. */
export const SHUTDOWN_MARGIN_SECONDS = 10;
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
export const DATA_SERVICES = ['user-service', 'question-service', 'collaboration-service'];
export const serviceName = (app: string) => app.replace(/-/g, '_');

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const find = (objects: KubeObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as Any | undefined;
// Generated ConfigMaps/Secrets get a hash suffix.
const findGenerated = (objects: KubeObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && (o.metadata.name === name || o.metadata.name.startsWith(`${name}-`))) as Any | undefined;

/**
 * The restricted-profile rules every pod of ours follows (apps, migrations, seed).
 * `image` is the tag its containers run: `<service_name>` for an app and the seed,
 * `<service_name>_migrate` for a migration (the Dockerfile's `migrate` target).
 */
function checkPod(where: string, app: string, pod: Any, problems: string[], image = serviceName(app), sandbox = false): void {
  const podContext = pod.securityContext ?? {};
  if (podContext.runAsNonRoot !== true) problems.push(`${where}: pod securityContext.runAsNonRoot must be true`);
  if (podContext.runAsUser !== 1000) problems.push(`${where}: pod securityContext.runAsUser must be 1000 (node)`);
  const seccompRule = sandbox ? `Localhost ${SANDBOX_LOCALHOST_PROFILE}` : 'RuntimeDefault';
  const seccompOf = (profile: Any | undefined) => (profile?.type === 'Localhost' ? `Localhost ${profile.localhostProfile}` : profile?.type);
  if (seccompOf(podContext.seccompProfile) !== seccompRule) problems.push(`${where}: pod seccompProfile must be ${seccompRule}`);
  // The sandbox's nested user namespaces and fresh /proc (k8s/README.md); nobody else relaxes anything.
  if (sandbox ? pod.hostUsers !== false : pod.hostUsers !== undefined) problems.push(`${where}: hostUsers must be ${sandbox ? 'false' : 'left unset'}`);
  if (pod.runtimeClassName !== undefined && !(sandbox && pod.runtimeClassName === 'gvisor')) problems.push(`${where}: runtimeClassName ${pod.runtimeClassName} is not allowed`);
  if (pod.serviceAccountName !== app) problems.push(`${where}: serviceAccountName must be ${app}`);
  if (pod.automountServiceAccountToken !== false) problems.push(`${where}: automountServiceAccountToken must be false`);
  const tmpVolume = (pod.volumes ?? []).find((v: Any) => v.emptyDir && v.name === 'tmp');
  for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])] as Any[]) {
    const at = `${where} container ${container.name}`;
    const c = container.securityContext ?? {};
    if (c.runAsNonRoot !== true) problems.push(`${at}: securityContext.runAsNonRoot must be true`);
    if (c.allowPrivilegeEscalation !== false) problems.push(`${at}: securityContext.allowPrivilegeEscalation must be false`);
    if (c.readOnlyRootFilesystem !== true) problems.push(`${at}: securityContext.readOnlyRootFilesystem must be true`);
    if (JSON.stringify(c.capabilities?.drop) !== '["ALL"]' || c.capabilities?.add) problems.push(`${at}: capabilities must drop ALL and add none`);
    if (seccompOf(c.seccompProfile) !== seccompRule) problems.push(`${at}: seccompProfile must be ${seccompRule}`);
    if (c.privileged) problems.push(`${at}: must not be privileged`);
    if ((c.procMount ?? 'Default') !== (sandbox ? 'Unmasked' : 'Default')) problems.push(`${at}: procMount must be ${sandbox ? 'Unmasked' : 'Default'}`);
    if (!tmpVolume || !(container.volumeMounts ?? []).some((m: Any) => m.name === tmpVolume.name && m.mountPath === '/tmp')) {
      problems.push(`${at}: needs an emptyDir mounted at /tmp (the root filesystem is read-only)`);
    }
    for (const kind of ['requests', 'limits']) {
      for (const resource of ['cpu', 'memory']) {
        if (!container.resources?.[kind]?.[resource]) problems.push(`${at}: resources.${kind}.${resource} is missing`);
      }
    }
    const actual = String(container.image);
    if (!new RegExp(`^peerprep4/peerprep4:${image}(-[0-9a-f]{7,40})?$`).test(actual)) {
      problems.push(`${at}: image ${actual} must be peerprep4/peerprep4:${image}[-<sha>]`);
    }
    for (const variable of (container.env ?? []) as Any[]) {
      const fromSecret = variable.valueFrom?.secretKeyRef;
      if (SECRET_VARIABLES.has(variable.name) && !fromSecret) problems.push(`${at}: ${variable.name} must come from a Secret (secretKeyRef)`);
      if (fromSecret && !SECRET_VARIABLES.has(variable.name)) problems.push(`${at}: ${variable.name} is not a secret; put it in the ConfigMap`);
    }
  }
}

/**
 * The sandboxed app's pods are isolated both ways: ingress only on its HTTP
 * port (from the gateway, collaboration-service, monitoring), egress only to
 * DNS and RabbitMQ (AMQP 5672, AMQPS 5671).
 */
function checkSandboxNetworkPolicy(objects: KubeObject[], app: string, port: number, problems: string[]): void {
  const where = `NetworkPolicy ${app}`;
  const policy = find(objects, 'NetworkPolicy', app);
  if (!policy || policy.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] !== app) {
    problems.push(`${where} must select the pods`);
    return;
  }
  if (JSON.stringify([...(policy.spec.policyTypes ?? [])].sort()) !== '["Egress","Ingress"]') problems.push(`${where}: must isolate both Ingress and Egress`);
  const portsOf = (rules: Any[]) => rules.flatMap((rule) => (rule.ports ?? [{ port: 'any' }]).map((p: Any) => `${p.protocol ?? 'TCP'}/${p.port}`));
  const ingress = (policy.spec.ingress ?? []) as Any[];
  const ingressPorts = [...new Set(portsOf(ingress))];
  if (ingressPorts.length === 0 || ingressPorts.some((p) => p !== `TCP/${port}` && p !== 'TCP/http')) problems.push(`${where}: ingress only on TCP ${port} (found ${ingressPorts.join(', ') || 'none'})`);
  if (ingress.some((rule) => !rule.from || rule.from.length === 0 || rule.from.some((peer: Any) => peer.ipBlock))) problems.push(`${where}: ingress must name its sources (pods or namespaces)`);
  const egressPorts = [...new Set(portsOf((policy.spec.egress ?? []) as Any[]))];
  const allowed = new Set(['UDP/53', 'TCP/53', 'TCP/5672', 'TCP/5671']);
  const extra = egressPorts.filter((p) => !allowed.has(p));
  if (extra.length > 0) problems.push(`${where}: egress only to DNS and RabbitMQ (found ${extra.join(', ')})`);
}

function checkConfigMapsHoldNoSecrets(objects: KubeObject[], problems: string[]): void {
  for (const map of objects.filter((o) => o.kind === 'ConfigMap') as Any[]) {
    for (const [key, value] of Object.entries<string>(map.data ?? {})) {
      if (SECRET_VARIABLES.has(key)) problems.push(`ConfigMap ${map.metadata.name}: ${key} belongs in a Secret`);
      if (/:\/\/[^/\s:@]+:[^/\s@]+@/.test(value)) problems.push(`ConfigMap ${map.metadata.name}: ${key} holds a URL with credentials`);
    }
  }
}

/** Every rule of issue 8 item 4 for one rendered overlay; returns the violations (empty = compliant). */
export function checkWorkloadRules(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const [app, spec] of Object.entries(APPS)) {
    const deployment = find(objects, 'Deployment', app);
    if (!deployment) {
      problems.push(`Deployment ${app} is missing`);
      continue;
    }
    const where = `Deployment ${app}`;
    const pod = deployment.spec.template.spec;
    checkPod(where, app, pod, problems, serviceName(app), spec.sandbox === true);
    const strategy = deployment.spec.strategy ?? {};
    if (strategy.type !== 'RollingUpdate' || strategy.rollingUpdate?.maxUnavailable !== 0) problems.push(`${where}: strategy must be RollingUpdate with maxUnavailable 0`);
    if (deployment.spec.replicas !== undefined) problems.push(`${where}: replicas must be left to the HorizontalPodAutoscaler`);
    const container = pod.containers[0] as Any;
    if (!(container.ports ?? []).some((p: Any) => p.containerPort === spec.port && p.name === 'http')) problems.push(`${where}: must expose containerPort ${spec.port} named http`);
    const probe = (name: string, path: string) => {
      const p = container[name];
      if (p?.httpGet?.path !== path || (p.httpGet.port !== 'http' && p.httpGet.port !== spec.port)) problems.push(`${where}: ${name} must GET ${path} on the app port`);
    };
    probe('startupProbe', '/healthz');
    probe('readinessProbe', spec.readiness);
    probe('livenessProbe', '/healthz');
    const preStop = container.lifecycle?.preStop;
    if (!(preStop?.sleep?.seconds > 0) && !preStop?.exec) problems.push(`${where}: needs a preStop sleep`);
    const configMap = (container.envFrom ?? []).find((e: Any) => e.configMapRef)?.configMapRef?.name;
    if (!configMap || !findGenerated(objects, 'ConfigMap', configMap)) problems.push(`${where}: must take its settings from an existing ConfigMap`);
    const settings = (configMap && findGenerated(objects, 'ConfigMap', configMap)?.data) ?? {};
    const preStopSeconds = Number(preStop?.sleep?.seconds ?? 0);
    const drainSeconds = Math.ceil(Number(settings.SHUTDOWN_TIMEOUT_MS ?? DEFAULT_SHUTDOWN_TIMEOUT_MS) / 1000);
    const workSeconds = spec.shutdownWorkSeconds ?? 0;
    const grace = Number(pod.terminationGracePeriodSeconds ?? 30);
    if (grace < preStopSeconds + drainSeconds + workSeconds + SHUTDOWN_MARGIN_SECONDS) {
      problems.push(
        `${where}: terminationGracePeriodSeconds ${grace} must cover preStop ${preStopSeconds} s + SHUTDOWN_TIMEOUT_MS ${drainSeconds} s` +
          `${workSeconds ? ` + shutdown work ${workSeconds} s` : ''} + margin ${SHUTDOWN_MARGIN_SECONDS} s`,
      );
    }
    for (const variable of (container.env ?? []) as Any[]) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref && ref.key !== variable.name) problems.push(`${where}: ${variable.name} should read the key of the same name`);
    }

    const account = find(objects, 'ServiceAccount', app);
    if (!account || account.automountServiceAccountToken !== false) problems.push(`ServiceAccount ${app} must exist with automountServiceAccountToken false`);
    const service = find(objects, 'Service', app);
    if (!service || service.spec.selector?.['app.kubernetes.io/name'] !== app || !service.spec.ports.some((p: Any) => p.port === spec.port)) {
      problems.push(`Service ${app} must select the pods on port ${spec.port}`);
    }
    const hpa = find(objects, 'HorizontalPodAutoscaler', app);
    if (!hpa || hpa.apiVersion !== 'autoscaling/v2' || hpa.spec.scaleTargetRef?.name !== app) {
      problems.push(`HorizontalPodAutoscaler ${app} (autoscaling/v2) must target the Deployment`);
    } else {
      if (!(hpa.spec.minReplicas >= 1 && hpa.spec.maxReplicas > hpa.spec.minReplicas)) problems.push(`HorizontalPodAutoscaler ${app}: needs minReplicas >= 1 and maxReplicas above it`);
      if (!(hpa.spec.metrics ?? []).some((m: Any) => m.resource?.name === 'cpu' && m.resource.target?.averageUtilization > 0)) problems.push(`HorizontalPodAutoscaler ${app}: needs a CPU utilization target`);
    }
    const pdb = find(objects, 'PodDisruptionBudget', app);
    if (!pdb || pdb.spec.selector?.matchLabels?.['app.kubernetes.io/name'] !== app) problems.push(`PodDisruptionBudget ${app} must select the pods`);
    if (spec.sandbox) checkSandboxNetworkPolicy(objects, app, spec.port, problems);
  }

  for (const app of DATA_SERVICES) {
    const job = find(objects, 'Job', `${app}-migrate`);
    if (!job) problems.push(`Job ${app}-migrate is missing`);
    else checkPod(`Job ${app}-migrate`, app, job.spec.template.spec, problems, `${serviceName(app)}_migrate`);
  }
  const seed = find(objects, 'Job', 'question-service-seed');
  if (!seed) problems.push('Job question-service-seed is missing');
  else checkPod('Job question-service-seed', 'question-service', seed.spec.template.spec, problems);

  checkConfigMapsHoldNoSecrets(objects, problems);
  for (const secret of objects.filter((o) => o.kind === 'Secret') as Any[]) {
    const values = [...Object.values<string>(secret.data ?? {}).map((v) => Buffer.from(v, 'base64').toString()), ...Object.values<string>(secret.stringData ?? {})];
    if (values.some((v) => v.includes('PRIVATE KEY'))) problems.push(`Secret ${secret.metadata.name}: a private key must never be in git`);
  }

  const ingress = find(objects, 'Ingress', 'peerprep');
  if (!ingress) {
    problems.push('Ingress peerprep is missing');
  } else {
    if (ingress.spec.ingressClassName !== 'nginx') problems.push('Ingress: ingressClassName must be nginx');
    const annotations = ingress.metadata.annotations ?? {};
    for (const timeout of ['proxy-read-timeout', 'proxy-send-timeout']) {
      if (!(Number(annotations[`nginx.ingress.kubernetes.io/${timeout}`]) >= 3600)) problems.push(`Ingress: ${timeout} must keep WebSockets open (>= 3600 s)`);
    }
    if (annotations['nginx.ingress.kubernetes.io/affinity']) problems.push('Ingress: no session affinity (rooms are shared through Redis)');
    const routes = (ingress.spec.rules ?? []).flatMap((r: Any) => r.http.paths.map((p: Any) => `${p.path}->${p.backend.service.name}:${p.backend.service.port.name ?? p.backend.service.port.number}`));
    for (const route of ['/->frontend:http', '/api->api-gateway:http']) {
      if (!routes.includes(route)) problems.push(`Ingress: route ${route} is missing`);
    }
  }
  return problems;
}
