import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';

/** Where an attachment's bytes live: under the data directory, named by their SHA-256. */
export function attachmentFile(dataDir: string, hash: string): string {
  return join(dataDir, 'attachments', hash);
}

/**
 * Stores the bytes under their content's name (once: the same photo attached twice is one file) and
 * answers that name. Written then renamed, so a crash never leaves a half file under the content's name.
 */
export function writeAttachmentFile(dataDir: string, bytes: Uint8Array): string {
  const hash = sha256(Buffer.from(bytes));
  const file = attachmentFile(dataDir, hash);
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'attachments'), { recursive: true });
    const partial = `${file}.${newId()}.part`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  }
  return hash;
}
