import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { ArrayTableControl, arrayTableControlTester } from './ArrayTableControl';
import { BooleanControl, booleanControlTester } from './BooleanControl';
import { CategorizationLayout, categorizationLayoutTester } from './CategorizationLayout';
import { DateControl, dateControlTester } from './DateControl';
import { DateTimeControl, dateTimeControlTester } from './DateTimeControl';
import { EnumControl, enumControlTester } from './EnumControl';
import { GroupLayout, groupLayoutTester } from './GroupLayout';
import { HorizontalLayout, horizontalLayoutTester } from './HorizontalLayout';
import { IntegerControl, integerControlTester } from './IntegerControl';
import { LabelRenderer, labelRendererTester } from './LabelRenderer';
import { MultiEnumControl, multiEnumControlTester } from './MultiEnumControl';
import { NumberControl, numberControlTester } from './NumberControl';
import { ObjectControl, objectControlTester } from './ObjectControl';
import { RatingControl, ratingControlTester } from './RatingControl';
import { ReferenceControl, referenceControlTester } from './ReferenceControl';
import { TagsControl, tagsControlTester } from './TagsControl';
import { TextAreaControl, textAreaControlTester } from './TextAreaControl';
import { TextControl, textControlTester } from './TextControl';
import { UnknownRenderer, unknownRendererTester } from './UnknownRenderer';
import { UploadControl, uploadControlTester } from './UploadControl';
import { VerticalLayout, verticalLayoutTester } from './VerticalLayout';

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
