import type { Client } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import {
  encodeSearchAttributeIndexedValueType,
  type SearchAttributeKey,
} from '@temporalio/common/lib/search-attributes';
import type { temporal } from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/definitions';

type IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/** The operator API's form of a set of typed search-attribute keys. */
export function indexedTypesOf(
  keys: readonly SearchAttributeKey<SearchAttributeType>[],
): Record<string, IndexedValueType> {
  return Object.fromEntries(
    keys.map((key) => {
      const indexedType = encodeSearchAttributeIndexedValueType(key.type);
      if (indexedType === undefined) throw new Error(`search attribute ${key.name} has no indexed type`);
      return [key.name, indexedType];
    }),
  );
}

/**
 * Registers the platform's custom search attributes that the namespace lacks; returns the names added.
 * Idempotent. On a self-hosted cluster this needs operator rights; on Temporal Cloud, create them in the Cloud
 * console or with tcld (the operator API is not open to namespace API keys there).
 */
export async function ensureSearchAttributes(client: Client, namespace: string): Promise<string[]> {
  const operator = client.connection.operatorService;
  const { customAttributes } = await operator.listSearchAttributes({ namespace });
  const missing = ALL_SEARCH_ATTRIBUTES.filter((key) => !customAttributes || !(key.name in customAttributes));
  if (missing.length === 0) return [];
  await operator.addSearchAttributes({ namespace, searchAttributes: indexedTypesOf(missing) });
  return missing.map((key) => key.name);
}
