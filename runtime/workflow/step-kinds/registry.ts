import { anySignStepKind } from './any-sign-step-kind';
import { countersignStepKind } from './countersign-step-kind';
import { sequentialStepKind } from './sequential-step-kind';
import type { StepKind } from './types';
import { voteStepKind } from './vote-step-kind';

/** Step kinds by the name written in definitions. Adding a mode = one file + one entry here. */
export const stepKinds: Readonly<Record<string, StepKind>> = {
  anySign: anySignStepKind,
  countersign: countersignStepKind,
  sequential: sequentialStepKind,
  vote: voteStepKind,
};

/** The step kind named `kind`, or undefined (the linter reports unknown kinds before publish). */
export function stepKind(kind: string): StepKind | undefined {
  return Object.hasOwn(stepKinds, kind) ? stepKinds[kind] : undefined;
}
