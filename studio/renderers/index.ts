import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { DateTimeControl, dateTimeControlTester } from './DateTimeControl';
import { EnumControl, enumControlTester } from './EnumControl';
import { GroupLayout, groupLayoutTester } from './GroupLayout';
import { HorizontalLayout, horizontalLayoutTester } from './HorizontalLayout';
import { LabelRenderer, labelRendererTester } from './LabelRenderer';
import { lazyRenderer } from './lazy-renderer';
import { preloadSelect } from './LazySelect';
import { ReferenceControl, referenceControlTester } from './ReferenceControl';
import {
  arrayTableControlTester,
  booleanControlTester,
  categorizationLayoutTester,
  dateControlTester,
  integerControlTester,
  multiEnumControlTester,
  numberControlTester,
  objectControlTester,
  ratingControlTester,
  tagsControlTester,
} from './testers';
import { TextAreaControl, textAreaControlTester } from './TextAreaControl';
import { TextControl, textControlTester } from './TextControl';
import { UnknownRenderer, unknownRendererTester } from './UnknownRenderer';
import { UploadControl, uploadControlTester } from './UploadControl';
import { VerticalLayout, verticalLayoutTester } from './VerticalLayout';

// What a phone form such as 点单 is made of loads with the form; the rest (tables, stars, switches,
// number spinners, tabs …) loads the first time a form has such a field. See lazy-renderer.tsx.
const ArrayTableControl = lazyRenderer(() => import('./ArrayTableControl').then((m) => m.ArrayTableControl));
const BooleanControl = lazyRenderer(() => import('./BooleanControl').then((m) => m.BooleanControl));
const CategorizationLayout = lazyRenderer(() => import('./CategorizationLayout').then((m) => m.CategorizationLayout));
const DateControl = lazyRenderer(() => import('./DateControl').then((m) => m.DateControl));
const IntegerControl = lazyRenderer(() => import('./IntegerControl').then((m) => m.IntegerControl));
const MultiEnumControl = lazyRenderer(() => import('./MultiEnumControl').then((m) => m.MultiEnumControl));
const NumberControl = lazyRenderer(() => import('./NumberControl').then((m) => m.NumberControl));
const ObjectControl = lazyRenderer(() => import('./ObjectControl').then((m) => m.ObjectControl));
const RatingControl = lazyRenderer(() => import('./RatingControl').then((m) => m.RatingControl));
const TagsControl = lazyRenderer(() => import('./TagsControl').then((m) => m.TagsControl));

const deferred = [ArrayTableControl, BooleanControl, CategorizationLayout, DateControl, IntegerControl, MultiEnumControl, NumberControl, ObjectControl, RatingControl, TagsControl];

/** Loads every renderer that otherwise waits for its first field, and antd's Select: nothing renders late after this. */
export function preloadRenderers(): Promise<unknown> {
  return Promise.all([...deferred.map((renderer) => renderer.preload()), preloadSelect()]);
}

/**
 * Shijian's Ant Design renderer set for JSON Forms, ranked:
 * 5 upload · 4 multi-choice · 3 array table, list of texts, reference, rating (stars) · 2 long text, date, date-time, choice, yes/no, object ·
 * 1 text, number, integer, layouts, label · 0 the visible "unsupported" fallback.
 */
export const shijianRenderers: JsonFormsRendererRegistryEntry[] = [
  { tester: uploadControlTester, renderer: UploadControl },
  { tester: multiEnumControlTester, renderer: MultiEnumControl },
  { tester: arrayTableControlTester, renderer: ArrayTableControl },
  { tester: tagsControlTester, renderer: TagsControl },
  { tester: referenceControlTester, renderer: ReferenceControl },
  { tester: ratingControlTester, renderer: RatingControl },
  { tester: textAreaControlTester, renderer: TextAreaControl },
  { tester: dateControlTester, renderer: DateControl },
  { tester: dateTimeControlTester, renderer: DateTimeControl },
  { tester: enumControlTester, renderer: EnumControl },
  { tester: booleanControlTester, renderer: BooleanControl },
  { tester: objectControlTester, renderer: ObjectControl },
  { tester: textControlTester, renderer: TextControl },
  { tester: numberControlTester, renderer: NumberControl },
  { tester: integerControlTester, renderer: IntegerControl },
  { tester: verticalLayoutTester, renderer: VerticalLayout },
  { tester: horizontalLayoutTester, renderer: HorizontalLayout },
  { tester: groupLayoutTester, renderer: GroupLayout },
  { tester: categorizationLayoutTester, renderer: CategorizationLayout },
  { tester: labelRendererTester, renderer: LabelRenderer },
  { tester: unknownRendererTester, renderer: UnknownRenderer },
];
