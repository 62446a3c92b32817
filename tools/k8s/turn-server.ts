import type { KubeObject } from './kubernetes-schema';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const find = (objects: KubeObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as Any | undefined;

/** Address ranges coturn must never relay to, and its pod never reach: private, loopback, link-local, CGNAT. */
export const PRIVATE_RANGES = {
  coturn: ['10.0.0.0-10.255.255.255', '172.16.0.0-172.31.255.255', '192.168.0.0-192.168.255.255', '127.0.0.0-127.255.255.255', '169.254.0.0-169.254.255.255', '100.64.0.0-100.127.255.255', '::1'],
  cidr: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10'],
};

/** The flags that make coturn take only the platform's short-lived credentials and keep it out of the CLI. */
const REQUIRED_FLAGS = ['--use-auth-secret', '--static-auth-secret=$(TURN_SECRET)', '--no-cli', '--fingerprint', '--listening-port=3478', '--no-multicast-peers'];

/**
 * The call's TURN server in a rendered overlay (k8s/base/turn.yaml): coturn
 * pinned to a version, the restricted security context like every pod of the
 * namespace, only REST-scheme credentials from the Secret key
 * collaboration-service reads, private peers denied, one replica, and the
 * relay range the same in its flags, its Service and its NetworkPolicy.
 * Returns the violations (empty = compliant).
 */
export function checkTurnServer(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  const deployment = find(objects, 'Deployment', 'turn');
  if (!deployment) return ['Deployment turn is missing'];
  const pod = deployment.spec.template.spec as Any;
  const container = pod.containers[0] as Any;
  if (!/^coturn\/coturn:\d+\.\d+\.\d+(-alpine)?$/.test(String(container.image))) problems.push(`Deployment turn: image ${container.image} must be coturn/coturn pinned to a version`);
  if (deployment.spec.replicas !== 1) problems.push('Deployment turn: exactly one replica (a relay allocation lives in one process)');
  if (pod.securityContext?.runAsNonRoot !== true || pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push('Deployment turn: pod must run as non-root with the RuntimeDefault seccomp profile');
  if (pod.automountServiceAccountToken !== false || pod.hostNetwork) problems.push('Deployment turn: no service account token, no host network');
  const c = container.securityContext ?? {};
  if (c.allowPrivilegeEscalation !== false || c.readOnlyRootFilesystem !== true || JSON.stringify(c.capabilities?.drop) !== '["ALL"]' || c.capabilities?.add) {
    problems.push('Deployment turn: container must drop ALL capabilities, forbid privilege escalation and keep its root filesystem read-only');
  }
  for (const kind of ['requests', 'limits']) for (const resource of ['cpu', 'memory']) if (!container.resources?.[kind]?.[resource]) problems.push(`Deployment turn: resources.${kind}.${resource} is missing`);
  if (!container.readinessProbe || !container.livenessProbe) problems.push('Deployment turn: needs readiness and liveness probes');

  const args = (container.args ?? []) as string[];
  for (const flag of REQUIRED_FLAGS) if (!args.includes(flag)) problems.push(`Deployment turn: ${flag} is missing`);
  if (args.some((arg) => /^--(user|lt-cred-mech|userdb|allow-loopback-peers|cli-password)/.test(arg))) problems.push('Deployment turn: no static user, loopback peers or CLI password');
  const denied = args.filter((arg) => arg.startsWith('--denied-peer-ip=')).map((arg) => arg.slice('--denied-peer-ip='.length));
  for (const range of PRIVATE_RANGES.coturn) if (!denied.includes(range)) problems.push(`Deployment turn: must deny peers in ${range}`);
  if (args.some((arg) => arg.startsWith('--allowed-peer-ip='))) problems.push('Deployment turn: no private peer may be allowed back in');

  const secret = ((container.env ?? []) as Any[]).find((e) => e.name === 'TURN_SECRET')?.valueFrom?.secretKeyRef;
  const collab = find(objects, 'Deployment', 'collaboration-service')?.spec.template.spec.containers[0] as Any | undefined;
  const collabSecret = ((collab?.env ?? []) as Any[]).find((e) => e.name === 'TURN_SECRET')?.valueFrom?.secretKeyRef;
  if (!secret || !collabSecret || secret.name !== collabSecret.name || secret.key !== 'TURN_SECRET' || collabSecret.key !== 'TURN_SECRET') {
    problems.push('TURN_SECRET must come to turn and collaboration-service from one and the same Secret key');
  }

  const portOf = (flag: string) => Number(args.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1));
  const [min, max] = [portOf('--min-port'), portOf('--max-port')];
  if (!(min > 1024 && max >= min)) problems.push('Deployment turn: --min-port and --max-port must bound the relay range');
  const service = find(objects, 'Service', 'turn');
  const servicePorts = new Set(((service?.spec.ports ?? []) as Any[]).map((p) => `${p.protocol ?? 'TCP'}/${p.port}`));
  for (const expected of ['UDP/3478', 'TCP/3478', ...Array.from({ length: max - min + 1 }, (_, i) => `UDP/${min + i}`)]) {
    if (!servicePorts.has(expected)) problems.push(`Service turn: ${expected} is missing`);
  }
  if (service?.spec.type !== 'LoadBalancer' || service.spec.externalTrafficPolicy !== 'Local') problems.push('Service turn: a LoadBalancer keeping the client address (externalTrafficPolicy Local)');

  const policy = find(objects, 'NetworkPolicy', 'turn');
  const relay = ((policy?.spec.ingress ?? []) as Any[]).flatMap((rule) => rule.ports ?? []).find((p: Any) => p.protocol === 'UDP' && p.port === min);
  if (!policy || relay?.endPort !== max) problems.push(`NetworkPolicy turn: ingress must admit the relay range UDP ${min}-${max}`);
  for (const rule of (policy?.spec.egress ?? []) as Any[]) {
    for (const peer of rule.to ?? [{}]) {
      const except = (peer.ipBlock?.except ?? []) as string[];
      const missing = PRIVATE_RANGES.cidr.filter((range) => !except.includes(range));
      if (peer.podSelector || peer.namespaceSelector || !peer.ipBlock || missing.length > 0) problems.push(`NetworkPolicy turn: egress only to public addresses (except ${missing.join(', ') || 'pods'})`);
    }
  }
  return problems;
}
