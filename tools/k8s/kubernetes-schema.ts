import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** A rendered Kubernetes object, as parsed from YAML. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

const requireFromHere = createRequire(__filename);

/** `apps/v1` + `Deployment` -> the kubernetes-models module path (core group is plain `v1`). */
export const modelPath = (apiVersion: string, kind: string) => `kubernetes-models/${apiVersion}/${kind}`;

/**
 * The schema check kubernetes-models ships (generated from the OpenAPI spec):
 * types, enums, required fields. Returns the problems, empty when valid.
 */
export function validateAgainstSchema(object: KubeObject): string[] {
  let model: new (data: unknown) => { validate(): void };
  try {
    model = (requireFromHere(modelPath(object.apiVersion, object.kind)) as Record<string, typeof model>)[object.kind];
  } catch {
    return [`${object.apiVersion}/${object.kind} is not a Kubernetes API kind`];
  }
  try {
    new model(withUnwrappedSecretData(object)).validate();
    return [];
  } catch (error) {
    return [String((error as Error).message)];
  }
}

/**
 * kustomize wraps generated Secret data at 70 columns; the API server's base64
 * decoder (Go's) skips newlines, the schema's `byte` format does not.
 */
function withUnwrappedSecretData(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || !object['data']) return object;
  const data = Object.fromEntries(Object.entries(object['data'] as Record<string, string>).map(([k, v]) => [k, v.replace(/\s+/g, '')]));
  return { ...object, data };
}

/**
 * kubernetes-models' validators accept unknown fields (the API server would drop
 * them silently: a misspelt `readOnlyRootFileSystem` protects nothing). This walks
 * each object against the TypeScript interfaces kubernetes-models generates from
 * the same OpenAPI definitions and names every field the API does not define.
 */
export class StrictFieldChecker {
  private readonly checker: ts.TypeChecker;
  private readonly rootTypes = new Map<string, ts.Type>();

  constructor(kinds: ReadonlyArray<{ apiVersion: string; kind: string }>) {
    const unique = [...new Map(kinds.map((k) => [`${k.apiVersion}/${k.kind}`, k])).values()];
    const fileName = path.join(__dirname, '__kubernetes_kinds__.ts');
    const source = unique.map((k, i) => `import type { I${k.kind} as T${i} } from '${modelPath(k.apiVersion, k.kind)}';\nexport type K${i} = T${i};`).join('\n');
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, languageVersion, ...rest) =>
      name === fileName ? ts.createSourceFile(name, source, languageVersion) : getSourceFile(name, languageVersion, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === fileName || fileExists(name);
    const program = ts.createProgram([fileName], options, host);
    this.checker = program.getTypeChecker();
    const file = program.getSourceFile(fileName);
    if (!file) throw new Error('virtual kinds file missing');
    const problems = ts.getPreEmitDiagnostics(program, file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (problems.length > 0) throw new Error(`cannot load kubernetes-models types:\n${problems.join('\n')}`);
    const aliases = file.statements.filter(ts.isTypeAliasDeclaration);
    unique.forEach((k, i) => {
      const alias = aliases.find((a) => a.name.text === `K${i}`);
      if (alias) this.rootTypes.set(`${k.apiVersion}/${k.kind}`, this.checker.getTypeAtLocation(alias));
    });
  }

  /** JSON-pointer-like paths of every field the object's kind does not define. */
  unknownFields(object: KubeObject): string[] {
    const type = this.rootTypes.get(`${object.apiVersion}/${object.kind}`);
    if (!type) return [`no type loaded for ${object.apiVersion}/${object.kind}`];
    const unknown: string[] = [];
    this.walk(object, type, '', unknown);
    return unknown;
  }

  private walk(value: unknown, type: ts.Type, at: string, unknown: string[]): void {
    if (value === null || value === undefined || typeof value !== 'object') return; // scalars: the schema check's job
    const shape = this.objectShape(type);
    if (!shape) return;
    if (Array.isArray(value)) {
      const element = this.checker.isArrayType(shape) ? this.checker.getTypeArguments(shape as ts.TypeReference)[0] : undefined;
      if (element) value.forEach((item, i) => this.walk(item, element, `${at}/${i}`, unknown));
      return;
    }
    const mapValues = this.checker.getIndexInfoOfType(shape, ts.IndexKind.String);
    for (const [key, child] of Object.entries(value)) {
      const property = this.checker.getPropertyOfType(shape, key);
      if (property) {
        this.walk(child, this.checker.getTypeOfSymbol(property), `${at}/${key}`, unknown);
      } else if (mapValues) {
        this.walk(child, mapValues.type, `${at}/${key}`, unknown);
      } else {
        unknown.push(`${at}/${key}`);
      }
    }
  }

  /** The object (or array) member of `T | undefined` and similar unions. */
  private objectShape(type: ts.Type): ts.Type | undefined {
    const members = type.isUnion() ? type.types : [type];
    const objects = members.filter((t) => (t.flags & ts.TypeFlags.Object) !== 0);
    return objects.length === 1 ? objects[0] : undefined;
  }
}
