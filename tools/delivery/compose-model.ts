// docker-compose.yml as `docker compose config` sees it, checked offline with
// no Docker binary: YAML (merge keys, no duplicate keys) -> interpolation from
// the .env file and the environment -> the Compose Specification's JSON schema
// (vendored in compose-spec/, see its README) -> normalisation into the long
// forms -> the cross-references compose and the engine refuse. Each stage
// reports every problem it finds; the first stage with problems stops the load.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import draft07MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';
import { parseDocument } from 'yaml';
import { interpolate, InterpolationError, parseEnvFile, type Variables } from './compose-interpolation';
import { dockerStages } from './dockerfile-model';

export interface ComposePort {
  target: number;
  /** A number, or a host port range ("8000-8010") that the engine picks from. */
  published?: number | string;
  host_ip?: string;
  protocol?: string;
  mode?: string;
  name?: string;
  app_protocol?: string;
}
export interface ComposeMount {
  type: string;
  source?: string;
  target: string;
  read_only?: boolean;
  [option: string]: unknown;
}
export interface ComposeDependency {
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  required?: boolean;
  restart?: boolean;
}
export interface ComposeBuild {
  /** Absolute, resolved against the compose file's folder (or a URL as written). */
  context: string;
  dockerfile: string;
  target?: string;
  args?: Record<string, string | null>;
  [option: string]: unknown;
}
export interface ComposeHealthcheck {
  test?: string[];
  disable?: boolean;
  interval?: string;
  timeout?: string;
  retries?: number | string;
  start_period?: string;
  start_interval?: string;
}
export interface ComposeService {
  image?: string;
  build?: ComposeBuild;
  command?: string | string[];
  environment?: Record<string, string | null>;
  ports?: ComposePort[];
  volumes?: ComposeMount[];
  depends_on?: Record<string, ComposeDependency>;
  healthcheck?: ComposeHealthcheck;
  restart?: string;
  profiles?: string[];
  [attribute: string]: unknown;
}
export interface ComposeProject {
  services: Record<string, ComposeService>;
  volumes: Record<string, Record<string, unknown>>;
  networks: Record<string, Record<string, unknown>>;
  secrets: Record<string, Record<string, unknown>>;
  configs: Record<string, Record<string, unknown>>;
  [attribute: string]: unknown;
}
export interface LoadedCompose {
  project: ComposeProject;
  /** What compose would print as a warning: unset variables, obsolete attributes. */
  warnings: string[];
}

/** A compose file that `docker compose` would refuse, with every problem found. */
export class ComposeError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: string[],
  ) {
    super(`${fileName} is invalid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ComposeError';
  }
}

export interface LoadComposeFileOptions {
  /** compose's `--env-file`; by default the `.env` beside the compose file, if there is one. */
  envFile?: string;
  /** The shell environment; it wins over the env file, as in compose. Default: process.env. */
  environment?: Variables;
}

export function loadComposeFile(file: string, options: LoadComposeFileOptions = {}): LoadedCompose {
  const workingDir = path.dirname(path.resolve(file));
  const environment = definedOnly(options.environment ?? process.env);
  const envFile = options.envFile ?? path.join(workingDir, '.env');
  let fromFile: Record<string, string> = {};
  if (options.envFile !== undefined || existsSync(envFile)) {
    try {
      fromFile = parseEnvFile(readFileSync(envFile, 'utf8'), environment, envFile);
    } catch (error) {
      throw new ComposeError(path.basename(file), [error instanceof Error ? error.message : String(error)]);
    }
  }
  return loadCompose(readFileSync(file, 'utf8'), { workingDir, fileName: path.basename(file), variables: { ...fromFile, ...environment } });
}

export interface LoadComposeOptions {
  /** Relative paths (build contexts, bind mounts, env files) resolve against it. */
  workingDir: string;
  fileName?: string;
  /** What `${VAR}` sees: the env file's values under the environment's. */
  variables: Variables;
}

export function loadCompose(text: string, { workingDir, fileName = 'docker-compose.yml', variables }: LoadComposeOptions): LoadedCompose {
  const fail = (problems: string[]): never => {
    throw new ComposeError(fileName, problems);
  };

  const document = parseDocument(text, { merge: true, uniqueKeys: true });
  if (document.errors.length > 0) fail(document.errors.map((error) => `YAML: ${error.message.split('\n')[0]}`));
  const parsed: unknown = document.toJS();
  if (!isRecord(parsed)) return fail(['the top level must be a mapping of attributes (services, volumes, ...)']);

  const warnings: string[] = [];
  const unset = new Set<string>();
  const interpolationProblems: string[] = [];
  const data = interpolateTree(parsed, '', variables, interpolationProblems, (name) => unset.add(name)) as Record<string, unknown>;
  if (interpolationProblems.length > 0) fail(interpolationProblems);
  for (const name of unset) warnings.push(`The "${name}" variable is not set. Defaulting to a blank string.`);

  const validate = composeSchemaValidator();
  if (!validate(data)) fail(describeSchemaErrors(validate.errors ?? []));
  if ('version' in data) warnings.push('the attribute `version` is obsolete, it will be ignored; remove it');

  const problems: string[] = [];
  const project = normaliseProject(data, { workingDir, variables }, problems);
  if (problems.length === 0) checkReferences(project, problems);
  if (problems.length > 0) fail(problems);
  return { project, warnings };
}

// ---- interpolation over the whole tree (values only, never keys) ------------

function interpolateTree(value: unknown, where: string, variables: Variables, problems: string[], onUnset: (name: string) => void): unknown {
  if (typeof value === 'string') {
    try {
      return interpolate(value, variables, ({ name }) => onUnset(name));
    } catch (error) {
      if (!(error instanceof InterpolationError)) throw error;
      problems.push(`error while interpolating ${where}: ${error.message}`);
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolateTree(item, `${where}[${index}]`, variables, problems, onUnset));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateTree(item, where ? `${where}.${key}` : key, variables, problems, onUnset)]),
    );
  }
  return value;
}

// ---- the Compose Specification's schema -------------------------------------

let cachedValidator: ReturnType<Ajv['compile']> | undefined;

function composeSchemaValidator(): ReturnType<Ajv['compile']> {
  if (cachedValidator) return cachedValidator;
  // strictTypes is about how the schema is written (the official one leaves
  // "type": "object" implicit in places), not about the data; every other
  // strict check stays on, so no keyword of the schema is silently ignored.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
  ajv.addMetaSchema(draft07MetaSchema, 'https://json-schema.org/draft-07/schema');
  const schema = JSON.parse(readFileSync(path.join(__dirname, 'compose-spec', 'compose-spec.json'), 'utf8')) as object;
  cachedValidator = ajv.compile(schema);
  return cachedValidator;
}

/** One line per place in the file, without the noise of the oneOf branches that did not apply. */
function describeSchemaErrors(errors: ErrorObject[]): string[] {
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
  const relevant = (specific.length > 0 ? specific : errors).filter(
    (error) =>
      error.keyword !== 'type' ||
      !specific.some((other) => other.keyword !== 'type' && (other.instancePath + '/').startsWith(error.instancePath + '/')),
  );
  const byPlace = new Map<string, string[]>();
  for (const error of relevant) {
    const place = yamlPath(error.instancePath);
    let message: string;
    if (error.keyword === 'additionalProperties') message = `unknown key "${String(error.params['additionalProperty'])}"`;
    else if (error.keyword === 'enum') message = `must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    else if (error.keyword === 'type') message = `${TYPE_MARK}${String(error.params['type']).replace(/,/g, ' or ')}`;
    else message = error.message ?? error.keyword;
    const messages = byPlace.get(place) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byPlace.set(place, messages);
  }
  return [...byPlace].map(([place, messages]) => `${place}: ${joinTypeMessages(messages)}`);
}

/** "/services/web/ports/0" -> "services.web.ports[0]", as compose names places. */
function yamlPath(pointer: string): string {
  const parts = pointer.split('/').slice(1);
  return parts.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '') || '(top level)';
}

const TYPE_MARK = '\u0000type:';

/** The types that oneOf branches wanted, as one "must be string or object", then the other messages. */
function joinTypeMessages(messages: string[]): string {
  const types = messages.filter((message) => message.startsWith(TYPE_MARK)).map((message) => message.slice(TYPE_MARK.length));
  const others = messages.filter((message) => !message.startsWith(TYPE_MARK));
  return [...(types.length > 0 ? [`must be ${types.join(' or ')}`] : []), ...others].join('; ');
}

// ---- normalisation into the long forms --------------------------------------

interface Context {
  workingDir: string;
  variables: Variables;
}

const RESTART_POLICY = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

function normaliseProject(data: Record<string, unknown>, context: Context, problems: string[]): ComposeProject {
  const section = (key: string) =>
    Object.fromEntries(Object.entries(asRecord(data[key])).map(([name, value]) => [name, asRecord(value)])) as Record<string, Record<string, unknown>>;
  if ('include' in data) problems.push('include: not supported by this offline check; keep the project in one file');
  const project: ComposeProject = {
    ...data,
    services: {},
    volumes: section('volumes'),
    networks: section('networks'),
    secrets: section('secrets'),
    configs: section('configs'),
  };
  for (const kind of ['secrets', 'configs'] as const) {
    const sources = kind === 'secrets' ? ['file', 'environment'] : ['file', 'environment', 'content'];
    for (const [name, definition] of Object.entries(project[kind])) {
      const given = sources.filter((key) => key in definition);
      if (kind === 'secrets' && 'content' in definition) problems.push(`${kind}.${name}: content is not allowed for secrets`);
      if (given.length > 1) problems.push(`${kind}.${name}: ${sources.join('|')} attributes are mutually exclusive`);
      if (given.length === 0 && !('external' in definition) && !('driver' in definition)) problems.push(`${kind}.${name}: one of ${sources.join('|')} must be set`);
    }
  }
  const services = asRecord(data['services']);
  if (Object.keys(services).length === 0) problems.push('services: the file defines no service');
  for (const [name, raw] of Object.entries(services)) {
    project.services[name] = normaliseService(name, asRecord(raw), context, problems);
  }
  return project;
}

function normaliseService(name: string, raw: Record<string, unknown>, context: Context, problems: string[]): ComposeService {
  const where = `services.${name}`;
  const service: ComposeService = { ...raw };
  if ('extends' in raw) problems.push(`${where}.extends: not supported by this offline check; write the service out`);
  if (raw['image'] === undefined && raw['build'] === undefined) problems.push(`service "${name}" has neither an image nor a build context specified`);

  if (raw['build'] !== undefined) service.build = normaliseBuild(raw['build'], `${where}.build`, context, problems);
  if (raw['environment'] !== undefined || raw['env_file'] !== undefined) {
    service.environment = {
      ...readEnvFiles(raw['env_file'], `${where}.env_file`, context, problems),
      ...normaliseMapping(raw['environment'], context.variables),
    };
  }
  if (raw['ports'] !== undefined) {
    service.ports = (raw['ports'] as unknown[]).flatMap((port, index) => attempt(problems, `${where}.ports[${index}]`, () => parsePort(port)) ?? []);
  }
  if (raw['volumes'] !== undefined) {
    service.volumes = (raw['volumes'] as unknown[]).flatMap((volume, index) => {
      const mount = attempt(problems, `${where}.volumes[${index}]`, () => parseMount(volume, context.workingDir));
      return mount ? [mount] : [];
    });
  }
  if (raw['depends_on'] !== undefined) {
    const dependsOn = raw['depends_on'];
    service.depends_on = Array.isArray(dependsOn)
      ? Object.fromEntries((dependsOn as string[]).map((dependency) => [dependency, { condition: 'service_started' as const }]))
      : (dependsOn as Record<string, ComposeDependency>);
  }
  if (raw['healthcheck'] !== undefined) service.healthcheck = normaliseHealthcheck(raw['healthcheck'] as Record<string, unknown>, `${where}.healthcheck`, problems);
  if (typeof raw['restart'] === 'string' && !RESTART_POLICY.test(raw['restart'])) {
    problems.push(`${where}.restart: "${raw['restart']}" is not a restart policy (no, always, unless-stopped, on-failure[:max-retries])`);
  }
  if (typeof raw['stop_grace_period'] === 'string' && !GO_DURATION.test(raw['stop_grace_period'])) {
    problems.push(`${where}.stop_grace_period: "${raw['stop_grace_period']}" is not a duration such as 10s or 1m30s`);
  }
  return service;
}

function normaliseBuild(raw: unknown, where: string, { workingDir, variables }: Context, problems: string[]): ComposeBuild {
  const given = typeof raw === 'string' ? { context: raw } : asRecord(raw);
  const contextText = typeof given['context'] === 'string' ? given['context'] : '.';
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(contextText) || contextText.startsWith('git@');
  const build: ComposeBuild = {
    ...given,
    context: remote ? contextText : resolveHostPath(contextText, workingDir),
    dockerfile: typeof given['dockerfile'] === 'string' ? given['dockerfile'] : 'Dockerfile',
  };
  if (given['args'] !== undefined) build.args = normaliseMapping(given['args'], variables);
  if (!remote && given['dockerfile_inline'] === undefined) {
    const dockerfile = path.resolve(build.context, build.dockerfile);
    if (!existsSync(dockerfile)) {
      problems.push(`${where}: the Dockerfile ${build.dockerfile} does not exist in ${build.context}`);
    } else if (build.target !== undefined) {
      const stages = dockerStages(readFileSync(dockerfile, 'utf8'));
      if (!stages.some((stage) => stage.name?.toLowerCase() === build.target?.toLowerCase())) {
        problems.push(`${where}.target: ${build.dockerfile} has no stage named "${build.target}"`);
      }
    }
  }
  return build;
}

/** environment / build.args / labels: a list of KEY=VALUE or a mapping; a bare KEY takes its value from the variables. */
function normaliseMapping(raw: unknown, variables: Variables): Record<string, string | null> {
  if (raw === undefined || raw === null) return {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      (raw as string[]).map((entry) => {
        const equals = entry.indexOf('=');
        return equals < 0 ? [entry, variables[entry] ?? null] : [entry.slice(0, equals), entry.slice(equals + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(asRecord(raw)).map(([key, value]) => [key, value === null ? (variables[key] ?? null) : String(value)]),
  );
}

function readEnvFiles(raw: unknown, where: string, { workingDir, variables }: Context, problems: string[]): Record<string, string> {
  if (raw === undefined) return {};
  const entries = (Array.isArray(raw) ? raw : [raw]).map((entry) =>
    typeof entry === 'string' ? { path: entry, required: true } : (entry as { path: string; required?: boolean | string }),
  );
  let environment: Record<string, string> = {};
  for (const entry of entries) {
    const file = resolveHostPath(entry.path, workingDir);
    if (!existsSync(file)) {
      if (entry.required !== false && entry.required !== 'false') problems.push(`${where}: env file ${file} not found`);
      continue;
    }
    const parsed = attempt(problems, where, () => parseEnvFile(readFileSync(file, 'utf8'), variables, file));
    environment = { ...environment, ...parsed };
  }
  return environment;
}

function normaliseHealthcheck(raw: Record<string, unknown>, where: string, problems: string[]): ComposeHealthcheck {
  const healthcheck = { ...raw } as ComposeHealthcheck;
  const test = raw['test'];
  if (typeof test === 'string') healthcheck.test = ['CMD-SHELL', test];
  const first = healthcheck.test?.[0];
  if (first !== undefined && !['NONE', 'CMD', 'CMD-SHELL'].includes(first)) {
    problems.push(`${where}.test: must start with NONE, CMD or CMD-SHELL (found "${first}")`);
  }
  const disabled = raw['disable'] === true || raw['disable'] === 'true';
  if (disabled && healthcheck.test !== undefined && first !== 'NONE') {
    problems.push(`${where}: test and disable can't be set at the same time`);
  }
  for (const key of ['interval', 'timeout', 'start_period', 'start_interval'] as const) {
    const value = raw[key];
    if (typeof value === 'string' && !GO_DURATION.test(value)) problems.push(`${where}.${key}: "${value}" is not a duration such as 10s or 1m30s`);
  }
  const retries = raw['retries'];
  if (typeof retries === 'string' && !/^\d+$/.test(retries)) problems.push(`${where}.retries: "${retries}" is not a whole number`);
  return healthcheck;
}

// ---- ports: [[host_ip:]published:]target[/protocol], or the long form --------

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

function parsePort(raw: unknown): ComposePort[] {
  if (typeof raw === 'number') return [{ target: singlePort(String(raw), 'container port') }];
  if (typeof raw === 'string') return parseShortPort(raw);
  const long = raw as Record<string, unknown>;
  if (long['target'] === undefined) throw new Error('a port in the long syntax needs a target');
  const port: ComposePort = { ...(long as object), target: singlePort(String(long['target']), 'target') } as ComposePort;
  if (long['published'] !== undefined && long['published'] !== '') {
    const range = portRange(String(long['published']), 'published port');
    port.published = range.start === range.end ? range.start : `${range.start}-${range.end}`;
  }
  if (typeof long['host_ip'] === 'string' && isIP(long['host_ip']) === 0) throw new Error(`"${long['host_ip']}" is not an IP address`);
  if (typeof long['protocol'] === 'string' && !PROTOCOLS.includes(long['protocol'])) throw new Error(`unknown protocol "${long['protocol']}"`);
  if (typeof long['mode'] === 'string' && !['host', 'ingress'].includes(long['mode'])) throw new Error(`mode must be host or ingress`);
  return [port];
}

function parseShortPort(spec: string): ComposePort[] {
  let rest = spec;
  let protocol: string | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
    if (!PROTOCOLS.includes(protocol)) throw new Error(`"${spec}": unknown protocol "${protocol}" (tcp, udp or sctp)`);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) throw new Error(`"${spec}" is not a port mapping ([host_ip:][published:]target[/protocol])`);
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let published: string | undefined;
  let target: string;
  if (parts.length === 1 && hostIp === undefined) [target] = parts as [string];
  else if (parts.length === 2) [published, target] = parts as [string, string];
  else if (parts.length === 3 && hostIp === undefined) [hostIp, published, target] = parts as [string, string, string];
  else throw new Error(`"${spec}" is not a port mapping ([host_ip:][published:]target[/protocol])`);
  if (hostIp !== undefined && isIP(hostIp) === 0) throw new Error(`"${spec}": "${hostIp}" is not an IP address`);

  const container = portRange(target, `"${spec}": container port`);
  const host = published ? portRange(published, `"${spec}": published port`) : undefined;
  const width = container.end - container.start;
  if (host && host.end - host.start !== width && width !== 0) throw new Error(`"${spec}": the published and container port ranges differ in size`);
  const ports: ComposePort[] = [];
  for (let offset = 0; offset <= width; offset++) {
    const port: ComposePort = { target: container.start + offset };
    if (host) port.published = width === 0 && host.end !== host.start ? `${host.start}-${host.end}` : host.start + offset;
    if (hostIp !== undefined) port.host_ip = hostIp;
    if (protocol !== undefined) port.protocol = protocol;
    ports.push(port);
  }
  return ports;
}

function portRange(text: string, what: string): { start: number; end: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  const start = Number(match?.[1]);
  const end = match?.[2] === undefined ? start : Number(match[2]);
  if (!match || start < 1 || end > 65535 || end < start) throw new Error(`${what} "${text}" is not a port (1-65535) or a port range`);
  return { start, end };
}

function singlePort(text: string, what: string): number {
  const range = portRange(text, what);
  if (range.start !== range.end) throw new Error(`${what} "${text}" must be a single port`);
  return range.start;
}

// ---- volumes: [source:]target[:options], or the long form --------------------

const MOUNT_OPTIONS = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

function parseMount(raw: unknown, workingDir: string): ComposeMount {
  let mount: ComposeMount;
  if (typeof raw === 'string') {
    const parts = raw.split(':');
    if (parts.length > 3 || parts.some((part) => part === '')) throw new Error(`"${raw}" is not a volume ([source:]target[:options])`);
    const [first, second, options] = parts as [string, string | undefined, string | undefined];
    if (second === undefined) {
      mount = { type: 'volume', target: first };
    } else {
      mount = isHostPath(first) ? { type: 'bind', source: resolveHostPath(first, workingDir), target: second } : { type: 'volume', source: first, target: second };
    }
    for (const option of options?.split(',') ?? []) {
      if (!MOUNT_OPTIONS.has(option)) throw new Error(`"${raw}": unknown volume option "${option}"`);
      if (option === 'nocopy' && mount.type !== 'volume') throw new Error(`"${raw}": nocopy applies only to named volumes`);
      if (option === 'ro' || option === 'rw') mount.read_only = option === 'ro';
    }
  } else {
    mount = { ...(raw as ComposeMount) };
    if (mount.type === 'bind') {
      if (!mount.source) throw new Error('a bind mount needs a source');
      mount.source = resolveHostPath(mount.source, workingDir);
    }
  }
  if (!mount.target.startsWith('/')) throw new Error(`the mount target "${mount.target}" must be an absolute path in the container`);
  if (mount.type === 'volume' && mount.source !== undefined && !VOLUME_NAME.test(mount.source)) {
    throw new Error(`"${mount.source}" is not a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]+); a host path starts with ".", "/" or "~"`);
  }
  return mount;
}

function isHostPath(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
}

function resolveHostPath(source: string, workingDir: string): string {
  if (source === '~' || source.startsWith('~/')) return path.join(homedir(), source.slice(1));
  return path.resolve(workingDir, source);
}

// ---- references between services and to top-level definitions ---------------

function checkReferences(project: ComposeProject, problems: string[]): void {
  const { services } = project;
  const containerNames = new Map<string, string>();
  const hostPorts: Array<{ service: string; key: string; hostIp: string | undefined }> = [];

  for (const [name, service] of Object.entries(services)) {
    const where = `services.${name}`;
    const active = (service.profiles ?? []).length === 0;
    for (const [dependency, { condition, required }] of Object.entries(service.depends_on ?? {})) {
      const target = services[dependency];
      if (dependency === name) problems.push(`service "${name}" depends on itself`);
      else if (!target) {
        if (required !== false) problems.push(`service "${name}" depends on undefined service "${dependency}"`);
      } else if (active && (target.profiles ?? []).length > 0 && required !== false) {
        problems.push(`service "${name}" depends on "${dependency}", which runs only with profile ${(target.profiles ?? []).join(' or ')}`);
      } else if (condition === 'service_healthy' && !hasHealthcheck(target)) {
        problems.push(
          `service "${name}" waits for "${dependency}" to be healthy, but "${dependency}" has no health check ` +
            '(none in the compose file, and its Dockerfile stage declares no HEALTHCHECK)',
        );
      }
    }
    for (const mount of service.volumes ?? []) {
      if (mount.type === 'volume' && mount.source !== undefined && !(mount.source in project.volumes)) {
        problems.push(`service "${name}" refers to undefined volume ${mount.source}: declare it under the top-level volumes`);
      }
    }
    for (const network of referencedNames(service['networks'])) {
      if (network !== 'default' && !(network in project.networks)) problems.push(`service "${name}" refers to undefined network ${network}`);
    }
    for (const kind of ['secrets', 'configs'] as const) {
      for (const item of (service[kind] as unknown[] | undefined) ?? []) {
        const source = typeof item === 'string' ? item : String((item as { source: unknown }).source);
        if (!(source in project[kind])) problems.push(`service "${name}" refers to undefined ${kind.slice(0, -1)} ${source}`);
      }
    }
    const networkMode = service['network_mode'];
    if (typeof networkMode === 'string' && networkMode.startsWith('service:') && !(networkMode.slice(8) in services)) {
      problems.push(`${where}.network_mode: undefined service "${networkMode.slice(8)}"`);
    }
    for (const from of (service['volumes_from'] as string[] | undefined) ?? []) {
      const source = from.startsWith('container:') ? undefined : from.replace(/^service:/, '').split(':')[0];
      if (source !== undefined && !(source in services)) problems.push(`${where}.volumes_from: undefined service "${source}"`);
    }
    const containerName = service['container_name'];
    if (typeof containerName === 'string') {
      const other = containerNames.get(containerName);
      if (other) problems.push(`services "${other}" and "${name}" both use container_name "${containerName}"`);
      containerNames.set(containerName, name);
    }
    for (const port of service.ports ?? []) {
      if (port.published === undefined) continue;
      const [start, end] = String(port.published).split('-').map(Number) as [number, number | undefined];
      for (let published = start; published <= (end ?? start); published++) {
        hostPorts.push({ service: name, key: `${published}/${port.protocol ?? 'tcp'}`, hostIp: port.host_ip });
      }
    }
  }

  const anyAddress = (ip: string | undefined) => ip === undefined || ip === '0.0.0.0' || ip === '::';
  hostPorts.forEach((binding, index) => {
    const clash = hostPorts
      .slice(0, index)
      .find(
        (earlier) =>
          earlier.key === binding.key && (anyAddress(earlier.hostIp) || anyAddress(binding.hostIp) || earlier.hostIp === binding.hostIp),
      );
    if (clash) problems.push(`host port ${binding.key} is published twice: by "${clash.service}" and by "${binding.service}"`);
  });

  const cycle = dependencyCycle(services);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(' -> ')}`);
}

/** Whether the service's container gets a health check: its own, else its image's (from the Dockerfile stage it builds). */
function hasHealthcheck(service: ComposeService): boolean {
  const healthcheck = service.healthcheck;
  if (healthcheck?.disable === true || String(healthcheck?.disable) === 'true' || healthcheck?.test?.[0] === 'NONE') return false;
  if (healthcheck?.test !== undefined) return true;
  const build = service.build;
  if (!build || build['dockerfile_inline'] !== undefined || !path.isAbsolute(build.context)) return false;
  const dockerfile = path.resolve(build.context, build.dockerfile);
  if (!existsSync(dockerfile)) return false;
  const stages = dockerStages(readFileSync(dockerfile, 'utf8'));
  const find = (name: string) => stages.findIndex((stage) => stage.name?.toLowerCase() === name.toLowerCase());
  let index = build.target !== undefined ? find(build.target) : stages.length - 1;
  // A stage inherits the HEALTHCHECK of an earlier stage it starts FROM; an
  // outside base image's cannot be known offline, so it counts as none.
  while (index >= 0) {
    const stage = stages[index] as (typeof stages)[number];
    const declared = stage.instructions.filter((instruction) => instruction.keyword === 'HEALTHCHECK').at(-1);
    if (declared) return declared.args[0]?.toUpperCase() !== 'NONE';
    const parent = find(stage.from);
    index = parent >= 0 && parent < index ? parent : -1;
  }
  return false;
}

function referencedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (isRecord(value)) return Object.keys(value);
  return [];
}

function dependencyCycle(services: Record<string, ComposeService>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...trail.slice(trail.indexOf(name)), name];
    state.set(name, 'visiting');
    for (const dependency of Object.keys(services[name]?.depends_on ?? {})) {
      if (dependency === name || !(dependency in services)) continue;
      const cycle = visit(dependency, [...trail, name]);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    return undefined;
  };
  for (const name of Object.keys(services)) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}

// ---- small helpers -----------------------------------------------------------

function attempt<T>(problems: string[], where: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError) throw error;
    problems.push(`${where}: ${error.message}`);
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function definedOnly(variables: Variables): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
