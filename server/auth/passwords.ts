import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (RFC 9106's first recommendation); the memory cost is its default 19 MiB.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Without a hash still spend the time of one verification, so a missing user is not faster to probe.
  if (passwordHash === null) {
    await verify(dummyHash ??= await hash('dummy-password'), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

let dummyHash: string | undefined;
