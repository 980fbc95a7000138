export default function setFp<T>(path: string | readonly (string | number)[], value: unknown, object: T): T;
