import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export const workspaceRoot = path.resolve(__dirname, '../..');

export interface DockerStage {
  /** `FROM <image> AS <name>`: the image (or earlier stage) it starts from. */
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

export function dockerfilePath(app: string): string {
  return path.join(workspaceRoot, 'apps', app, 'Dockerfile');
}

export function readDockerfile(app: string): string {
  return readFileSync(dockerfilePath(app), 'utf8');
}

/** The Dockerfile's stages in order; the last one is what `docker build` produces without --target. */
export function dockerStages(content: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image, as, name] = instruction.getArguments().map((a) => a.getValue());
      stages.push({ from: image ?? '', name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The instructions of one keyword in a stage, as their argument text. */
export function argumentsOf(stage: DockerStage, keyword: string): string[] {
  return stage.instructions
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) => instruction.getArgumentsContent() ?? '');
}
