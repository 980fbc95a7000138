// lodash/fp's immutable `set(path, value, object)`, exactly as lodash/fp builds it (fp/_baseConvert.js:
// wrapImmutable with cloneByPath, then lodash's own `set`), without the fp conversion machinery, which
// brings currying, rearg and iteratee support (about 8 KB gzipped) into every form for JSON Forms' two
// calls. vite.config.ts aliases `lodash/fp/set` here; tests/studio/lodash-fp-shim.test.ts compares both.
import set from 'lodash/set';
import { cloneByPath } from './lodash-clone-by-path.js';

export default function setFp(path, value, object) {
  const result = cloneByPath(object, path);
  set(result, path, value);
  return result;
}
