import { useMemo } from 'react';
import { Generate, type StatePropsOfControlWithDetail, type UISchemaElement } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsDetailProps } from '@jsonforms/react';
import { Panel } from '../shell/Panel';
import { useControlState, useFormWidth } from './context';

/** A nested object as a titled group of its own fields; `options.detail` may give its layout. */
function ObjectControlView({ schema, uischema, rootSchema, path, enabled, visible, label, renderers, cells }: StatePropsOfControlWithDetail) {
  const state = useControlState(path);
  const phone = useFormWidth() === 'phone';
  const detail = useMemo<UISchemaElement>(() => {
    const given = uischema.options?.detail as UISchemaElement | undefined;
    return given && typeof given === 'object' && 'type' in given ? given : Generate.uiSchema(schema, 'VerticalLayout', undefined, rootSchema);
  }, [schema, uischema, rootSchema]);
  if (!visible || !state.visible) return null;
  return (
    <Panel title={label || undefined} small={phone} style={{ marginBottom: 16 }} className="sj-object">
      <JsonFormsDispatch uischema={detail} schema={schema} path={path} enabled={enabled && state.enabled} renderers={renderers} cells={cells} />
    </Panel>
  );
}

export const ObjectControl = withJsonFormsDetailProps(ObjectControlView);
export { objectControlTester } from './testers';
