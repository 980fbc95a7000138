/**
 * Where the cursor is in a JSON text that is being typed and so is often incomplete: the path of the
 * object or value it is in, whether a property name or a value is expected, what has been typed of it,
 * and the literal values around it (for narrowing schema unions). A small tokenizer rather than the
 * editor's syntax tree, because error recovery in a half-typed document moves nodes around.
 */
import type { Known, PathSegment } from './schema-nav';

type Frame =
  | { type: 'object'; expecting: 'key' | 'colon' | 'value' | 'comma'; key?: string; known: Record<string, unknown> }
  | { type: 'array'; expecting: 'value' | 'comma'; index: number };

export interface CursorContext {
  kind: 'key' | 'value';
  /** Path of the object whose key is typed, or of the value being typed. */
  path: PathSegment[];
  /** Literal values of each object along the path (index i narrows the node at depth i). */
  knownAlong: Known[];
  /** Keys (with literal values, or undefined) of the object the cursor is in, including those after it. */
  present: Known;
  /** Start of the token being typed (its opening quote), or the cursor when nothing is typed yet. */
  from: number;
  /** End of that token (past its closing quote when there is one), or the cursor. */
  to: number;
  /** The text typed so far, without the opening quote. */
  typed: string;
}

interface Token {
  kind: 'string' | 'literal' | 'punct';
  from: number;
  to: number;
  text: string;
  closed: boolean;
}

function* tokens(text: string, from = 0): Generator<Token> {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const closed = text[j] === '"';
      yield { kind: 'string', from: i, to: closed ? j + 1 : Math.min(j, text.length), text: text.slice(i, closed ? j + 1 : j), closed };
      i = closed ? j + 1 : j;
      continue;
    }
    if ('{}[]:,'.includes(c)) {
      yield { kind: 'punct', from: i, to: i + 1, text: c, closed: true };
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s{}[\]:,"]/.test(text[j]!)) j++;
    yield { kind: 'literal', from: i, to: j, text: text.slice(i, j), closed: true };
    i = j;
  }
}

function valueOf(token: Token): unknown {
  try {
    return JSON.parse(token.text);
  } catch {
    return undefined;
  }
}

function afterValue(stack: Frame[], value: unknown) {
  const top = stack[stack.length - 1];
  if (!top) return;
  if (top.type === 'object') {
    if (top.key !== undefined) top.known[top.key] = value;
    top.expecting = 'comma';
  } else top.expecting = 'comma';
}

/** Keys of the object that opens before `pos` and is still open there, read from `pos` to its end. */
function keysAfter(text: string, pos: number, into: Record<string, unknown>, atKey: boolean) {
  let depth = 0;
  let expectingKey = atKey;
  let pendingKey: string | undefined;
  let afterColon = false;
  for (const token of tokens(text, pos)) {
    if (token.kind === 'punct') {
      if (token.text === '{' || token.text === '[') depth++;
      else if (token.text === '}' || token.text === ']') {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && token.text === ',') expectingKey = true;
      else if (depth === 0 && token.text === ':') afterColon = true;
      continue;
    }
    if (depth !== 0) continue;
    if (expectingKey && token.kind === 'string') {
      pendingKey = valueOf(token) as string | undefined;
      if (pendingKey !== undefined && !(pendingKey in into)) into[pendingKey] = undefined;
      expectingKey = false;
      afterColon = false;
    } else if (afterColon && pendingKey !== undefined) {
      into[pendingKey] = valueOf(token);
      afterColon = false;
    }
  }
}

/** The context at `pos`, or undefined where nothing can be completed (inside a number, after a value…). */
export function contextAt(text: string, pos: number): CursorContext | undefined {
  const stack: Frame[] = [];
  const path: PathSegment[] = [];
  for (const token of tokens(text.slice(0, pos))) {
    const top = stack[stack.length - 1];
    const touchesCursor = token.to === pos;
    if (touchesCursor && (token.kind === 'string' || token.kind === 'literal')) {
      // The token being typed: complete it unless it is already a finished value the cursor only follows.
      if (token.kind === 'string' && token.closed) return undefined;
      const isKey = top?.type === 'object' && top.expecting === 'key';
      const isValue = top?.type === 'array' ? top.expecting === 'value' : top?.type === 'object' && top.expecting === 'value';
      if (!top || (!isKey && !isValue)) return undefined;
      return finish(text, pos, stack, path, isKey ? 'key' : 'value', token);
    }
    if (token.kind === 'punct') {
      switch (token.text) {
        case '{':
          if (top?.type === 'object') path.push(top.key ?? '');
          else if (top?.type === 'array') path.push(top.index);
          stack.push({ type: 'object', expecting: 'key', known: {} });
          break;
        case '[':
          if (top?.type === 'object') path.push(top.key ?? '');
          else if (top?.type === 'array') path.push(top.index);
          stack.push({ type: 'array', expecting: 'value', index: 0 });
          break;
        case '}':
        case ']':
          stack.pop();
          if (stack.length > 0) path.pop();
          afterValue(stack, undefined);
          break;
        case ':':
          if (top?.type === 'object') top.expecting = 'value';
          break;
        case ',':
          if (top?.type === 'object') {
            top.expecting = 'key';
            top.key = undefined;
          } else if (top?.type === 'array') {
            top.expecting = 'value';
            top.index++;
          }
          break;
      }
      continue;
    }
    if (top?.type === 'object' && top.expecting === 'key' && token.kind === 'string') {
      top.key = valueOf(token) as string | undefined;
      top.expecting = 'colon';
      continue;
    }
    afterValue(stack, valueOf(token));
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  if (top.type === 'object' && top.expecting === 'key') return finish(text, pos, stack, path, 'key');
  if ((top.type === 'object' && top.expecting === 'value') || (top.type === 'array' && top.expecting === 'value')) return finish(text, pos, stack, path, 'value');
  return undefined;
}

function finish(text: string, pos: number, stack: Frame[], path: PathSegment[], kind: 'key' | 'value', token?: Token): CursorContext {
  const top = stack[stack.length - 1]!;
  const knownAlong = stack.map((frame) => (frame.type === 'object' ? { ...frame.known } : {}));
  const valuePath = kind === 'value' ? [...path, top.type === 'object' ? (top.key ?? '') : top.index] : [...path];
  let from = pos;
  let to = pos;
  let typed = '';
  if (token) {
    from = token.from;
    typed = token.kind === 'string' ? token.text.slice(1) : token.text;
    // A string typed inside existing quotes runs on past the cursor: replace through its closing quote.
    if (token.kind === 'string') {
      const close = text.indexOf('"', pos);
      const newline = text.indexOf('\n', pos);
      to = close >= 0 && (newline < 0 || close < newline) ? close + 1 : pos;
    }
  }
  const present: Record<string, unknown> = top.type === 'object' ? { ...top.known } : {};
  if (top.type === 'object') keysAfter(text, to, present, kind === 'key' && !token);
  return { kind, path: valuePath, knownAlong: knownAlong.slice(0, valuePath.length), present, from, to, typed };
}
