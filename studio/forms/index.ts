/** What the designer and the workspace use to show a form definition. */
export { ShijianForm, PHONE_MAX_WIDTH, type ShijianFormProps, type FormData } from './ShijianForm';
export { FormPreview, type FormPreviewProps, type PreviewFrames } from './FormPreview';
export { issuesFromProblem, type FormIssueLike } from './issues';
export { loadDraft, saveDraft, clearDraft, type Draft } from './drafts';
export { UploadContext, ReferenceLookupContext, type UploadFile, type UploadedFile, type LookupReferences, type ReferenceOption } from '../renderers/context';
export { createAttachmentUploader, attachmentUrl } from '../api/attachments';
export { createReferenceLookup } from '../api/references';
