// lodash/fp's immutable `unset(path, object)`; see lodash-fp-set.js.
import unset from 'lodash/unset';
import { cloneByPath } from './lodash-clone-by-path.js';

export default function unsetFp(path, object) {
  const result = cloneByPath(object, path);
  unset(result, path);
  return result;
}
