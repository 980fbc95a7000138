import type { LocalizedText } from '../schema/common';

/** One thing wrong with submitted form data, at the RFC 6901 pointer of the value it concerns. */
export interface FormIssue {
  /** Pointer into the data; for a missing required field, the pointer the field would have. */
  pointer: string;
  /** The JSON Schema keyword that failed (`required`, `minimum`, …), or `unsafe-key` / `schema-invalid`. */
  code: string;
  message: LocalizedText;
  params?: Record<string, unknown>;
}

/** What an expression rule decides for one control. */
export interface ControlState {
  visible: boolean;
  enabled: boolean;
}
