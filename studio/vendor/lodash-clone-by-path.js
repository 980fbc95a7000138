// lodash/fp's cloneByPath (fp/_baseConvert.js, lodash 4.17/4.18): shallow copies of the object and of
// every value along the path, so a set or unset leaves the original untouched. Verbatim but for the assignment:
// lodash runs in sloppy mode, where assigning to a primitive or a read-only property (a string's index)
// is silently ignored, and this module is strict.
import clone from 'lodash/clone';
import isError from 'lodash/isError';
import isFunction from 'lodash/isFunction';
import isWeakMap from 'lodash/isWeakMap';
import toPath from 'lodash/toPath';

export function cloneByPath(object, path) {
  path = toPath(path);

  let index = -1;
  const length = path.length;
  const lastIndex = length - 1;
  const result = clone(Object(object));
  let nested = result;

  while (nested != null && ++index < length) {
    const key = path[index];
    const value = nested[key];

    if (value != null && !(isFunction(value) || isError(value) || isWeakMap(value)) && (typeof nested === 'object' || typeof nested === 'function')) {
      Reflect.set(nested, key, clone(index == lastIndex ? value : Object(value)));
    }
    nested = nested[key];
  }
  return result;
}
