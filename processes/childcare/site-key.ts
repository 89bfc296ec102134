/** A site's key for the application's workflow ID: a digest of where it is, so the ID holds no free text. */
import { createHash } from 'node:crypto';
import type { ChildcareProvider } from './workflow/contract';

export function siteKeyOf(provider: Pick<ChildcareProvider, 'district' | 'street' | 'community'>): string {
  return createHash('sha256')
    .update(JSON.stringify([provider.district, provider.street.trim(), provider.community.trim()]))
    .digest('hex')
    .slice(0, 12);
}
