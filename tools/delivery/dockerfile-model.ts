import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';

export const workspaceRoot = path.resolve(__dirname, '../..');

export interface DockerInstruction {
  keyword: string;
  /** The argument text as written. */
  raw: string;
  /** The argument text with the build's variables substituted (where Docker substitutes them). */
  content: string;
  /** The arguments one by one (quotes removed), substituted like `content`. */
  args: string[];
  /** Flags such as COPY's `--from=<stage>`, name → value, substituted. */
  flags: Record<string, string>;
}

export interface DockerStage {
  /** `FROM <image> AS <name>`: the image (or earlier stage) it starts from, substituted. */
  from: string;
  name: string | undefined;
  instructions: DockerInstruction[];
  /** Variables the stage uses where none is declared, or declared without a value: what Docker would silently make empty. */
  unset: string[];
}

export interface ResolvedDockerfile {
  stages: DockerStage[];
  /** The `unset` of every stage. */
  unset: string[];
}

export function readWorkspaceFile(relative: string): string {
  return readFileSync(path.join(workspaceRoot, relative), 'utf8');
}

/** The Dockerfile's stages in order, as written (no build arguments); the last one is what `docker build` produces without --target. */
export function dockerStages(content: string): DockerStage[] {
  return resolveDockerfile(content, {}).stages;
}

// Docker substitutes variables in these instructions' arguments when it reads
// the Dockerfile; RUN sees the same ARG and ENV values as its environment, so
// its text is substituted too. CMD, ENTRYPOINT and HEALTHCHECK are not: their
// exec form runs with no shell, at run time.
const SUBSTITUTED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'RUN', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const VARIABLE = /\$(?:\{(\w+)\}|(\w+))/g;

/**
 * The Dockerfile as `docker build` sees it with these build arguments: a
 * global ARG (before the first FROM) is visible to FROM lines only, a stage
 * sees an ARG once it declares it (taking the build argument, else its own
 * default, else the global one), and ENV carries into the stages built FROM it.
 */
export function resolveDockerfile(content: string, buildArgs: Readonly<Record<string, string>>): ResolvedDockerfile {
  let unset = new Set<string>();
  const globalArgs: Record<string, string | undefined> = {};
  const stages: DockerStage[] = [];
  const unsetOf = new Map<DockerStage, Set<string>>();
  const stageEnv = new Map<string, Record<string, string | undefined>>();
  let scope: Record<string, string | undefined> = globalArgs;

  const substitute = (text: string): string =>
    text.replace(VARIABLE, (_match, braced: string | undefined, bare: string | undefined) => {
      const name = (braced ?? bare) as string;
      const value = scope[name];
      if (value === undefined) unset.add(name);
      return value ?? '';
    });

  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    const keyword = instruction.getKeyword();
    const raw = instruction.getArgumentsContent() ?? '';
    const rawArgs = instruction.getArguments().map((a) => a.getValue());
    if (keyword === 'FROM') {
      scope = globalArgs;
      unset = new Set();
      const [image, as, name] = rawArgs.map(substitute);
      const parentEnv = stageEnv.get((image ?? '').toLowerCase()) ?? {};
      scope = { ...parentEnv };
      const stage: DockerStage = { from: image ?? '', name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [], unset: [] };
      stages.push(stage);
      const used = unset;
      unsetOf.set(stage, used);
      if (stage.name) stageEnv.set(stage.name.toLowerCase(), scope);
      continue;
    }
    if (keyword === 'ARG') {
      for (const declaration of rawArgs) {
        const [name, ...rest] = declaration.split('=');
        const fallback = rest.length > 0 ? rest.join('=') : stages.length > 0 ? globalArgs[name as string] : undefined;
        scope[name as string] = buildArgs[name as string] ?? fallback;
      }
    }
    const substituted = SUBSTITUTED.has(keyword);
    const resolved: DockerInstruction = {
      keyword,
      raw,
      content: substituted ? substitute(raw) : raw,
      args: substituted ? rawArgs.map(substitute) : rawArgs,
      flags: Object.fromEntries(
        (instruction instanceof ModifiableInstruction ? instruction.getFlags() : []).map((flag) => [flag.getName(), substitute(flag.getValue() ?? '')]),
      ),
    };
    if (keyword === 'ENV') {
      if (resolved.args.length === 2 && !resolved.args[0]?.includes('=')) scope[resolved.args[0] as string] = resolved.args[1];
      else for (const pair of resolved.args) scope[pair.split('=')[0] as string] = pair.split('=').slice(1).join('=');
    }
    stages.at(-1)?.instructions.push(resolved);
  }
  for (const stage of stages) stage.unset = [...(unsetOf.get(stage) ?? [])].sort();
  return { stages, unset: [...new Set(stages.flatMap((stage) => stage.unset))].sort() };
}

/** The stages a build of `target` (default: the last stage) runs: its FROM chain and every stage it copies from. */
export function stagesBuilt(stages: DockerStage[], target?: string): DockerStage[] {
  const byName = (name: string) => stages.find((stage) => stage.name?.toLowerCase() === name.toLowerCase());
  const built = new Set<DockerStage>();
  const visit = (stage: DockerStage | undefined) => {
    if (!stage || built.has(stage)) return;
    built.add(stage);
    visit(byName(stage.from));
    for (const copy of stage.instructions.filter((i) => i.keyword === 'COPY' && i.flags['from'])) visit(byName(copy.flags['from'] as string));
  };
  visit(target === undefined ? stages.at(-1) : byName(target));
  return stages.filter((stage) => built.has(stage));
}

/**
 * The stage as the image it makes: the instructions of the stages it is built
 * FROM (earliest first), then its own. An image keeps its parent's LABEL, ENV,
 * USER, ENTRYPOINT, CMD and HEALTHCHECK, and the files its RUN lines made.
 */
export function asImage(stages: DockerStage[], stage: DockerStage): DockerStage {
  const chain: DockerStage[] = [];
  for (let current: DockerStage | undefined = stage; current && !chain.includes(current); ) {
    chain.unshift(current);
    const from = current.from.toLowerCase();
    current = stages.slice(0, stages.indexOf(current)).find((earlier) => earlier.name?.toLowerCase() === from);
  }
  return { ...stage, instructions: chain.flatMap((link) => link.instructions), unset: [...new Set(chain.flatMap((link) => link.unset))] };
}

/** The instructions of one keyword in a stage, as their (substituted) argument text. */
export function argumentsOf(stage: DockerStage, keyword: string): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.content);
}
