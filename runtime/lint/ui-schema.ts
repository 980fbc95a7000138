import { isObject, resolveScope, type SchemaObject } from './form-schema';

/** A scope written somewhere in a UI schema, with the data schema it is relative to. */
export interface UiScope {
  pointer: string;
  scope: string;
  /** The schema the scope resolves against: the form's root, or an array's item schema inside a detail layout. */
  base: unknown;
}

/** A UI schema element, with its JSON pointer inside the form definition. */
export interface UiElement {
  pointer: string;
  element: SchemaObject;
}

const maxDepth = 64;

/**
 * Walks a JSON Forms UI schema: layouts' `elements`, rule conditions' scopes, and an array control's
 * `options.detail`, whose scopes JSON Forms resolves against the array's item schema.
 */
export function walkUiSchema(uischema: unknown, rootSchema: unknown, basePointer = '/uischema'): { elements: UiElement[]; scopes: UiScope[] } {
  const elements: UiElement[] = [];
  const scopes: UiScope[] = [];
  const visit = (node: unknown, pointer: string, base: unknown, depth: number): void => {
    if (!isObject(node) || depth > maxDepth) return;
    elements.push({ pointer, element: node });
    if (typeof node.scope === 'string') scopes.push({ pointer: `${pointer}/scope`, scope: node.scope, base });
    const condition = isObject(node.rule) ? node.rule.condition : undefined;
    if (isObject(condition) && typeof condition.scope === 'string') {
      scopes.push({ pointer: `${pointer}/rule/condition/scope`, scope: condition.scope, base });
    }
    if (Array.isArray(node.elements)) {
      node.elements.forEach((child, index) => visit(child, `${pointer}/elements/${index}`, base, depth + 1));
    }
    const detail = isObject(node.options) ? node.options.detail : undefined;
    if (isObject(detail) && typeof node.scope === 'string') {
      const target = resolveScope(base, node.scope, rootSchema);
      const items = isObject(target) ? target.items : undefined;
      if (isObject(items)) visit(detail, `${pointer}/options/detail`, items, depth + 1);
    }
  };
  visit(uischema, basePointer, rootSchema, 0);
  return { elements, scopes };
}
