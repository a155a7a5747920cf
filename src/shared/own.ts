/**
 * Lookups by a key the user chose (a call type, a group id). A plain object answers `constructor`
 * or `toString` from Object.prototype, so every such lookup reads own properties only.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
