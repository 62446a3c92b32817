// Variable interpolation and `.env` files as the Compose Specification defines
// them (spec "Interpolation"; compose-go's template and dotenv packages), so
// docker-compose.yml is checked with the values `docker compose` would use.

export type Variables = Readonly<Record<string, string | undefined>>;

/** A reference that a file made but that neither .env nor the environment set. */
export interface UnsetVariable {
  name: string;
}

export class InterpolationError extends Error {}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/**
 * Replaces `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}` and the `$$`
 * escape. A default, error or alternative may itself hold references; it is
 * read only when used. `onUnset` hears of each plain reference to an unset
 * variable (compose warns and uses ""); a `?` form throws.
 */
export function interpolate(text: string, variables: Variables, onUnset: (unset: UnsetVariable) => void = () => undefined): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) return out + text.slice(i);
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const end = closingBrace(text, dollar + 2);
      out += substitute(text.slice(dollar + 2, end), text, variables, onUnset);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      if (!name) throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(text)}: a lone "$" (write "$$" for a literal dollar sign)`);
      out += lookup(name, variables, onUnset);
      i = dollar + 1 + name.length;
    }
  }
  return out;
}

/** The index of the `}` that closes a `${` whose body starts at `from`, skipping nested `${...}` and `$$`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && (text[i + 1] === '$' || text[i + 1] === '{')) {
      if (text[i + 1] === '{') depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) {
      return i;
    }
  }
  throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(text)}: "\${" is never closed`);
}

function substitute(body: string, text: string, variables: Variables, onUnset: (unset: UnsetVariable) => void): string {
  const name = NAME.exec(body)?.[0];
  if (!name) throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(text)}: "\${${body}}" names no variable`);
  const rest = body.slice(name.length);
  if (rest === '') return lookup(name, variables, onUnset);
  const operator = /^(:?[-?+])/.exec(rest)?.[1];
  if (!operator) throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(text)}: unknown operator in "\${${body}}"`);
  const argument = () => interpolate(rest.slice(operator.length), variables, onUnset);
  const value = variables[name];
  // The colon forms treat an empty value like an unset one.
  const absent = operator.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (operator.at(-1)) {
    case '-':
      return absent ? argument() : (value as string);
    case '+':
      return absent ? '' : argument();
    default: {
      if (!absent) return value as string;
      const message = argument();
      throw new InterpolationError(`required variable ${name} is missing a value${message ? `: ${message}` : ''}`);
    }
  }
}

function lookup(name: string, variables: Variables, onUnset: (unset: UnsetVariable) => void): string {
  const value = variables[name];
  if (value === undefined) {
    onUnset({ name });
    return '';
  }
  return value;
}

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$$' };

/**
 * A `.env` file as compose reads it: `KEY=value` lines (optionally `export`ed),
 * `#` comments, 'single quotes' taken literally, "double quotes" with escapes
 * and references, unquoted values trimmed, with references and an inline ` #`
 * comment. References see the earlier lines first, then `environment`.
 */
export function parseEnvFile(content: string, environment: Variables = {}, fileName = '.env'): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = (lines[index] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/s.exec(line);
    if (!match) throw new InterpolationError(`${fileName}:${lineNumber}: expected KEY=VALUE, found ${JSON.stringify(line)}`);
    const [, key, raw] = match as unknown as [string, string, string];
    if (!/^[_a-zA-Z][_a-zA-Z0-9.-]*$/.test(key)) throw new InterpolationError(`${fileName}:${lineNumber}: ${JSON.stringify(key)} is not a variable name`);
    // As in compose, the environment wins over the file, here as everywhere.
    const scope = { ...result, ...environment };
    let value: string;
    if (raw.startsWith("'")) {
      const end = raw.indexOf("'", 1);
      if (end < 0) throw new InterpolationError(`${fileName}:${lineNumber}: unterminated single quote`);
      value = raw.slice(1, end);
    } else if (raw.startsWith('"')) {
      // A double-quoted value may run over several lines.
      let body = raw.slice(1);
      let end = closingQuote(body);
      while (end < 0 && index + 1 < lines.length) {
        body += `\n${lines[++index]}`;
        end = closingQuote(body);
      }
      if (end < 0) throw new InterpolationError(`${fileName}:${lineNumber}: unterminated double quote`);
      const unescaped = body.slice(0, end).replace(/\\(.)/gs, (all, c: string) => DOUBLE_QUOTED_ESCAPES[c] ?? all);
      value = interpolate(literalLoneDollars(unescaped), scope);
    } else {
      value = interpolate(literalLoneDollars(raw.replace(/\s+#.*$/, '').trim()), scope);
    }
    result[key] = value;
  }
  return result;
}

/** In a .env value a `$` that starts no reference is itself (a password may hold one), unlike in the compose file. */
function literalLoneDollars(value: string): string {
  return value.replace(/\$\$|\$(?![{_a-zA-Z])/g, () => '$$');
}

function closingQuote(body: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '"') return i;
  }
  return -1;
}
