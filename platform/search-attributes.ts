import type { Client } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import {
  encodeSearchAttributeIndexedValueType,
  type SearchAttributeKey,
} from '@temporalio/common/lib/search-attributes';
import type { temporal } from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/definitions';

type IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/**
 * Custom search attributes a namespace may hold per type on SQL visibility (PostgreSQL, MySQL, SQLite — the dev
 * server's), per docs.temporal.io/search-attribute. Elasticsearch and Temporal Cloud allow more; staying within
 * the smallest budget keeps every deployment open to us.
 */
export const SQL_VISIBILITY_BUDGET: Readonly<Record<SearchAttributeType, number>> = {
  BOOL: 3,
  DATETIME: 3,
  DOUBLE: 3,
  INT: 3,
  KEYWORD: 10,
  KEYWORD_LIST: 3,
  TEXT: 3,
};

/** The CLI's and Temporal Cloud's names for each type. */
const CLI_TYPE_NAMES: Readonly<Record<SearchAttributeType, string>> = {
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  DOUBLE: 'Double',
  INT: 'Int',
  KEYWORD: 'Keyword',
  KEYWORD_LIST: 'KeywordList',
  TEXT: 'Text',
};

/** The commands an operator runs where the platform may not register attributes itself. */
export function registrationCommands(namespace: string): string[] {
  return ALL_SEARCH_ATTRIBUTES.map(
    (key) =>
      `temporal operator search-attribute create --namespace ${namespace} --name ${key.name} --type ${CLI_TYPE_NAMES[key.type]}`,
  );
}

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
