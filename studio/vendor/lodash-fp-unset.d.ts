export default function unsetFp<T>(path: string | readonly (string | number)[], object: T): T;
