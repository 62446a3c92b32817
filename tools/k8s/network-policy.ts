import type { KubeObject } from './kubernetes-schema';

type Labels = Record<string, string>;
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A pod (by its labels and namespace) or an address outside the cluster (a managed store, the internet). */
export type Endpoint = { kind: 'pod'; namespace: string; labels: Labels } | { kind: 'outside' };

export const OUTSIDE: Endpoint = { kind: 'outside' };

export function pod(namespace: string, labels: Labels): Endpoint {
  return { kind: 'pod', namespace, labels };
}

/** The pods of every workload in the rendered objects (Deployments, StatefulSets, Jobs), by workload name. */
export function workloadPods(objects: readonly KubeObject[]): Record<string, Endpoint> {
  const pods: Record<string, Endpoint> = {};
  for (const object of objects as unknown as Any[]) {
    if (!['Deployment', 'StatefulSet', 'Job'].includes(object.kind)) continue;
    pods[object.metadata.name] = pod(object.metadata.namespace, object.spec.template.metadata.labels ?? {});
  }
  return pods;
}

function matches(selector: Any | undefined, labels: Labels): boolean {
  if (selector?.matchExpressions?.length) throw new Error('matchExpressions are not evaluated here; use matchLabels');
  return Object.entries<string>(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

/** Namespaces carry their name as the label kubernetes.io/metadata.name (set by the API server). */
function namespaceLabels(namespace: string): Labels {
  return { 'kubernetes.io/metadata.name': namespace };
}

function peerMatches(peer: Any, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) return endpoint.kind === 'outside';
  if (endpoint.kind === 'outside') return false;
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, namespaceLabels(endpoint.namespace))
    : endpoint.namespace === policyNamespace;
  return namespaceOk && (peer.podSelector ? matches(peer.podSelector, endpoint.labels) : true);
}

function portMatches(ports: Any[] | undefined, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || p.port === port || (p.endPort !== undefined && port >= p.port && port <= p.endPort)));
}

function sideAllows(policies: Any[], self: Endpoint, other: Endpoint, direction: 'Ingress' | 'Egress', port: number, protocol: string): boolean {
  if (self.kind === 'outside') return true;
  const selecting = policies.filter(
    (policy) =>
      policy.metadata.namespace === self.namespace &&
      matches(policy.spec.podSelector, self.labels) &&
      (policy.spec.policyTypes ?? ['Ingress']).includes(direction),
  );
  if (selecting.length === 0) return true; // no policy isolates this pod in this direction
  const key = direction === 'Ingress' ? 'from' : 'to';
  return selecting.some((policy) =>
    ((direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? []).some(
      (rule: Any) =>
        (!rule[key] || rule[key].length === 0 || rule[key].some((peer: Any) => peerMatches(peer, policy.metadata.namespace, other))) &&
        portMatches(rule.ports, port, protocol),
    ),
  );
}

/**
 * Whether the NetworkPolicies let `from` open a connection to `to` on a port,
 * as the API defines it: the source's egress and the destination's ingress
 * must both allow it; a pod no policy selects (in that direction) is open.
 */
export function connectionAllowed(objects: readonly KubeObject[], from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  const policies = (objects as unknown as Any[]).filter((object) => object.kind === 'NetworkPolicy');
  return sideAllows(policies, from, to, 'Egress', port, protocol) && sideAllows(policies, to, from, 'Ingress', port, protocol);
}
